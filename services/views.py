"""Pages of the catalogue and of applying online. Thin: the work is in `submitting`,
`forms`, `attachments` and `access`."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from accounts.acting import acting_organisation
from core.ratelimit import hit
from core.typing import AuthenticatedHttpRequest
from geo.models import Institution
from geo.places import remembered_area
from services.access import (
    access_application_by_public_id,
    access_attachment_by_public_id,
    access_draft_by_public_id,
)
from services.answers import rows_for
from services.attachments import open_attachment
from services.definitions import pages_to_ask, visible_answers
from services.filling import fill_page
from services.models import Application, FormVersion, LifeEvent, Service, Topic
from services.prefilling import Shown, do_prefill_page
from services.routing import offices_handling
from services.submitting import (
    SubmissionError,
    check_submit_application,
    do_start_application,
    first_incomplete_page,
    may_apply,
)

AUDIENCES = {"citizens": "for_citizens", "businesses": "for_businesses"}
# Twelve cards keep a Khmer page of the catalogue, fonts included, under the 100 KB budget.
CATALOGUE_PAGE_SIZE = 12


@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    """Every published service, narrowed by topic, life event, audience, institution or words."""
    services = Service.objects.published().select_related("institution")
    chosen: dict[str, Topic | LifeEvent | Institution | str] = {}
    if topic := Topic.objects.filter(slug=request.GET.get("topic", "")).first():
        services, chosen["topic"] = services.filter(topics=topic), topic
    if event := LifeEvent.objects.filter(slug=request.GET.get("life_event", "")).first():
        services, chosen["life_event"] = services.filter(life_events=event), event
    if (audience := request.GET.get("audience", "")) in AUDIENCES:
        services, chosen["audience"] = services.filter(**{AUDIENCES[audience]: True}), audience
    institution = Institution.objects.filter(code=request.GET.get("institution", "")).first()
    if institution:
        services, chosen["institution"] = services.filter(institution=institution), institution
    query = request.GET.get("q", "").strip()[:100]
    if query:
        services = services.filter(
            Q(name_km__icontains=query)
            | Q(name_en__icontains=query)
            | Q(summary_km__icontains=query)
            | Q(summary_en__icontains=query)
        )
    services = services.annotate(
        has_published_form=Exists(
            FormVersion.objects.filter(service=OuterRef("pk"), status=FormVersion.Status.PUBLISHED)
        )
    )
    ordered = services.order_by("name_en" if request.LANGUAGE_CODE == "en" else "name_km")
    page_obj = Paginator(ordered, CATALOGUE_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "services/catalogue.html",
        {
            "services": page_obj.object_list,
            "page_obj": page_obj,
            "chosen": chosen,
            "query": query,
            "topics": Topic.objects.filter(services__status="published").distinct(),
            "life_events": LifeEvent.objects.filter(services__status="published").distinct(),
            "institutions": Institution.objects.filter(services__status="published").distinct(),
            "breadcrumbs": [(_("Services"), "")],
        },
    )


@require_GET
def service(request: HttpRequest, slug: str) -> HttpResponse:
    """The start page: what you need, how long, how much, where, and "Start now"."""
    item = get_object_or_404(
        Service.objects.exclude(status=Service.Status.DRAFT).select_related("institution"),
        slug=slug,
    )
    area = remembered_area(request)
    form_version = item.published_form()
    return render(
        request,
        "services/service.html",
        {
            "service": item,
            "area": area,
            "offices": offices_handling(item, area) if area else [],
            "can_apply_online": item.is_online
            and form_version is not None
            and item.status == Service.Status.PUBLISHED,
            "needs_verified_identity": item.requires_verified_identity
            and request.user.is_authenticated
            and not request.user.is_identity_verified,
            "breadcrumbs": [(_("Services"), reverse("services:catalogue")), (item.name, "")],
        },
    )


# The service whose "Start now" a signed-out person pressed, kept in the session across
# signing in or up (Django keeps an anonymous session's data at sign-in).
START_INTENT = "services:start"


@require_http_methods(["GET", "POST"])
def start(request: HttpRequest, slug: str) -> HttpResponse:
    """Start (or go back to) the person's draft. "Start now" is a POST; a signed-out person
    is sent to sign in first, and the GET they come back with after signing in (or up)
    starts the draft they asked for. A GET nobody asked for only shows the start page."""
    item = get_object_or_404(Service.objects.published(), slug=slug)
    if not request.user.is_authenticated:
        if request.method == "POST":
            request.session[START_INTENT] = slug
        return redirect_to_login(request.path)
    if request.method == "GET" and request.session.pop(START_INTENT, None) != slug:
        return HttpResponseRedirect(item.get_absolute_url())
    request.session.pop(START_INTENT, None)
    if not may_apply(request.user, item):
        messages.error(request, _("You need to confirm your identity before applying."))
        return HttpResponseRedirect(item.get_absolute_url())
    try:
        application = do_start_application(request.user, item, acting_organisation(request))
    except SubmissionError as error:
        messages.error(request, str(error))
        return HttpResponseRedirect(item.get_absolute_url())
    return HttpResponseRedirect(reverse("services:resume", args=[application.public_id]))


def _draft(request: HttpRequest, public_id) -> Application | HttpResponse:
    try:
        return access_draft_by_public_id(request.user, public_id)
    except PermissionDenied:
        return HttpResponseRedirect(reverse("services:submitted", args=[public_id]))


@never_cache
@login_required
@require_GET
def resume(request: AuthenticatedHttpRequest, public_id) -> HttpResponse:
    """Go on where the person stopped: the first page still to answer, else the check page."""
    application = _draft(request, public_id)
    if isinstance(application, HttpResponse):
        return application
    page_key = first_incomplete_page(application)
    if page_key is None:
        return HttpResponseRedirect(reverse("services:check", args=[public_id]))
    return HttpResponseRedirect(reverse("services:page", args=[public_id, page_key]))


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def page(request: AuthenticatedHttpRequest, public_id, page_key: str) -> HttpResponse:
    """One page of the form. A page whose condition does not hold cannot be opened or
    posted, whatever the URL; the answers are saved as soon as the page is valid."""
    application = _draft(request, public_id)
    if isinstance(application, HttpResponse):
        return application
    form_definition = application.form_version.form()
    answers = visible_answers(form_definition, application.answers)
    asked = pages_to_ask(form_definition, answers)
    current = next((p for p in asked if p.key == page_key), None)
    if current is None:
        return HttpResponseRedirect(reverse("services:resume", args=[public_id]))
    returning = request.GET.get("return") == "check" or request.POST.get("return") == "check"
    if request.method == "POST" and "_ask_again" in request.POST:
        # Each press is a call to a ministry's register: a few an hour per application.
        if hit("services.ask_registries_again", str(application.public_id), "5/h"):
            do_prefill_page(request.user, application, current, answers, again=True)
        else:
            messages.error(
                request,
                _("You have asked the registries several times. Please type the answers, "
                  "or ask again in an hour."),
            )  # fmt: skip
        return HttpResponseRedirect(request.get_full_path())
    prefilled = (
        Shown()
        if request.method == "POST"
        else do_prefill_page(request.user, application, current, answers, again=False)
    )
    form = fill_page(request, application, current, {**prefilled.values, **answers})
    if form is None:
        return HttpResponseRedirect(_next_url(application, current.key, returning))
    index = asked.index(current)
    back_url = (
        reverse("services:check", args=[public_id])
        if returning
        else reverse("services:page", args=[public_id, asked[index - 1].key])
        if index
        else application.service.get_absolute_url()
    )
    return render(
        request,
        "services/page.html",
        {
            "prefilled": prefilled,
            "application": application,
            "service": application.service,
            "page": current,
            "form": form,
            "blocks": form.blocks(),
            "back_url": back_url,
            "returning": returning,
            "step": index + 1,
            "steps": len(asked),
        },
    )


def _next_url(application: Application, page_key: str, returning: bool) -> str:
    application.refresh_from_db(fields=["answers"])
    form_definition = application.form_version.form()
    asked = pages_to_ask(form_definition, application.answers)
    keys = [p.key for p in asked]
    if returning or page_key not in keys or keys.index(page_key) + 1 == len(keys):
        return reverse("services:resume", args=[application.public_id])
    return reverse("services:page", args=[application.public_id, keys[keys.index(page_key) + 1]])


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def check(request: AuthenticatedHttpRequest, public_id) -> HttpResponse:
    """Check your answers, with a change link for each; then the declaration and submit."""
    application = _draft(request, public_id)
    if isinstance(application, HttpResponse):
        return application
    error = ""
    if request.method == "POST":
        try:
            application = check_submit_application(
                application, declared=request.POST.get("declaration") == "yes"
            )
        except SubmissionError as problem:
            if problem.page_key:
                messages.error(request, str(problem))
                return HttpResponseRedirect(
                    reverse("services:page", args=[public_id, problem.page_key])
                )
            error = str(problem)
        else:
            return HttpResponseRedirect(reverse("services:submitted", args=[public_id]))
    elif (page_key := first_incomplete_page(application)) is not None:
        return HttpResponseRedirect(reverse("services:page", args=[public_id, page_key]))
    form_definition = application.form_version.form()
    answers = visible_answers(form_definition, application.answers)
    attachments = {str(a.public_id): a for a in application.attachments.all()}
    asked = pages_to_ask(form_definition, answers)
    khr, usd = application.fee()
    return render(
        request,
        "services/check.html",
        {
            "application": application,
            "service": application.service,
            "form_definition": form_definition,
            "sections": _sections(asked, rows_for(form_definition, answers, attachments)),
            "error": error,
            "fee_khr": khr,
            "fee_usd": usd,
            "back_url": reverse("services:page", args=[public_id, asked[-1].key]),
        },
    )


def _sections(asked, rows):
    return [(page, [row for row in rows if row.page_key == page.key]) for page in asked]


@never_cache
@login_required
@require_GET
def submitted(request: AuthenticatedHttpRequest, public_id) -> HttpResponse:
    application = access_application_by_public_id(request.user, public_id)
    if application.is_draft:
        return HttpResponseRedirect(reverse("services:resume", args=[public_id]))
    return render(
        request,
        "services/submitted.html",
        {
            "application": application,
            "service": application.service,
            "breadcrumbs": [
                (_("My applications"), reverse("cases:my_cases")),
                (application.reference, ""),
            ],
        },
    )


@require_GET
def applications(request: HttpRequest) -> HttpResponse:
    """The person's applications are on one page, "My applications" (drafts to continue and
    what was sent, with its state): this older address leads there."""
    return HttpResponseRedirect(reverse("cases:my_cases"), status=301)


@never_cache
@login_required
@require_GET
def attachment(request: AuthenticatedHttpRequest, public_id) -> FileResponse:
    """Send an attachment to the applicant or an officer allowed to see it, as a download."""
    item = access_attachment_by_public_id(request.user, public_id)
    try:
        handle = open_attachment(item)
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type=item.content_type)
    # As an attachment there is always a header: None comes only without one and a name.
    response["Content-Disposition"] = cast(
        str, content_disposition_header(True, item.original_name)
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
