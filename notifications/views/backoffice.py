"""The back office: message templates with previews, the delivery log per person, the
dead-letter list with replay, and broadcasts to an area."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from core.formatting import format_number
from core.typing import AuthenticatedHttpRequest
from notifications.broadcasts import BroadcastError, check_send_broadcast, followers_count
from notifications.decorators import staff_with
from notifications.forms import LANGUAGE_NAMES, BroadcastForm, DeliverySearchForm, TemplateForm
from notifications.models import Delivery, Notification
from notifications.outbox import do_replay
from notifications.overrides import current_message, do_save_overrides, overridden_parts, preview
from notifications.registry import LANGUAGES, UnknownEventError, all_events, get_event

PAGE_SIZE = 25


def crumbs(current: str = "") -> list[tuple[str, str]]:
    if not current:
        return [(_("Notifications back office"), "")]
    return [(_("Notifications back office"), reverse("notifications:backoffice")), (current, "")]


@never_cache
@staff_with("notifications.view_delivery")
def backoffice(request: HttpRequest) -> HttpResponse:
    counts = dict(
        Delivery.objects.values_list("status").annotate(n=Count("id")).values_list("status", "n")
    )
    return render(
        request,
        "notifications/backoffice/index.html",
        {
            "counts": [(label, counts.get(value, 0)) for value, label in Delivery.Status.choices],
            "dead": counts.get(Delivery.Status.DEAD, 0),
            "dead_number": format_number(
                counts.get(Delivery.Status.DEAD, 0), request.LANGUAGE_CODE
            ),
            "breadcrumbs": crumbs(),
        },
    )


@never_cache
@staff_with("notifications.change_templateoverride")
def templates(request: HttpRequest) -> HttpResponse:
    events = [(event, len(overridden_parts(event))) for event in all_events()]
    return render(
        request,
        "notifications/backoffice/templates.html",
        {"events": events, "breadcrumbs": crumbs(_("Message templates"))},
    )


@never_cache
@staff_with("notifications.change_templateoverride")
@require_http_methods(["GET", "POST"])
def template_edit(request: AuthenticatedHttpRequest, name: str) -> HttpResponse:
    try:
        event = get_event(name)
    except UnknownEventError:
        raise Http404("No such event") from None
    current = {language: current_message(event, language) for language in LANGUAGES}
    form = TemplateForm(event, current, request.POST or None)
    shown = current
    if request.method == "POST" and form.is_valid():
        shown = {language: form.message(language) for language in LANGUAGES}
        if "save" in request.POST:
            do_save_overrides(event, shown, request.user)
            messages.success(request, _("The templates of this message have been saved."))
            return redirect("notifications:template_edit", name=event.name)
    previews = []
    if not form.errors:
        previews = [
            (LANGUAGE_NAMES[lang], lang, preview(event, lang, shown[lang])) for lang in LANGUAGES
        ]
    return render(
        request,
        "notifications/backoffice/template_edit.html",
        {
            "event": event,
            "form": form,
            "languages": [(LANGUAGE_NAMES[lang], lang, form.fields_of(lang)) for lang in LANGUAGES],
            "previews": previews,
            "breadcrumbs": crumbs(str(event.label)),
        },
        status=400 if form.errors else 200,
    )


def find_person(query: str):
    query = query.strip()
    if not query:
        return None
    people = get_user_model().objects.filter(
        Q(username__iexact=query) | Q(email__iexact=query) | Q(emailaddress__email__iexact=query)
    )
    return people.distinct().first()


@never_cache
@staff_with("notifications.view_delivery")
def deliveries(request: HttpRequest) -> HttpResponse:
    form = DeliverySearchForm(request.GET or None)
    person = find_person(form.cleaned_data["q"]) if form.is_valid() else None
    page = None
    if person is not None:
        entries = (
            Notification.objects.filter(recipient=person)
            .prefetch_related(Prefetch("deliveries", queryset=Delivery.objects.order_by("channel")))
            .order_by("-created_at", "-id")
        )
        page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/backoffice/deliveries.html",
        {
            "form": form,
            "person": person,
            "searched": form.is_bound,
            "page_obj": page,
            "breadcrumbs": crumbs(_("Delivery log")),
        },
    )


@never_cache
@staff_with("notifications.view_delivery")
def dead_letters(request: HttpRequest) -> HttpResponse:
    dead = (
        Delivery.objects.filter(status=Delivery.Status.DEAD)
        .select_related("notification__recipient")
        .order_by("-notification__created_at", "-id")
    )
    page = Paginator(dead, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/backoffice/dead_letters.html",
        {"page_obj": page, "breadcrumbs": crumbs(_("Failed deliveries"))},
    )


@staff_with("notifications.change_delivery")
@require_POST
def replay(request: HttpRequest) -> HttpResponse:
    ids: Iterable[int]
    if request.POST.get("all") == "1":
        ids = Delivery.objects.filter(status=Delivery.Status.DEAD).values_list("id", flat=True)
    else:
        ids = [int(i) for i in request.POST.getlist("delivery") if i.isdigit()]
    count = do_replay(list(ids))
    messages.success(request, _("%(count)s deliveries are queued again.") % {"count": count})
    return redirect("notifications:dead_letters")


@never_cache
@staff_with("notifications.send_broadcast")
@require_http_methods(["GET", "POST"])
def broadcast(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = BroadcastForm(request.POST or None)
    reach = None
    if request.method == "POST" and form.is_valid():
        area = form.cleaned_data["area"]
        if request.POST.get("confirm") == "1":
            try:
                sent = check_send_broadcast(
                    request.user,
                    area,
                    title_km=form.cleaned_data["title_km"],
                    title_en=form.cleaned_data["title_en"],
                    body_km=form.cleaned_data["body_km"],
                    body_en=form.cleaned_data["body_en"],
                )
            except BroadcastError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("The announcement was sent to %(count)s people.")
                    % {"count": sent.recipients},
                )
                return redirect("notifications:broadcast")
        else:
            people = followers_count(area.key)
            reach = {
                "area": area.name(request.LANGUAGE_CODE),
                "people": people,
                "number": format_number(people, request.LANGUAGE_CODE),
            }
    return render(
        request,
        "notifications/backoffice/broadcast.html",
        {"form": form, "reach": reach, "breadcrumbs": crumbs(_("Send an announcement"))},
        status=400 if form.errors else 200,
    )
