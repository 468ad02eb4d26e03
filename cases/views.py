"""Back office (`/office/…`) and the applicant's pages (`/cases/…`). Each view parses,
authorises through `cases.access`, calls one `do_*` function and responds."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.officers import offices_of
from accounts.roles import COUNTER_INTAKE, READ_CASE, roles_for
from cases import actions, counter
from cases.access import (
    access_case_for_applicant,
    access_case_for_officer,
    record_access,
)
from cases.confirming import CONFIRMED, confirmation_for, needs_confirmation
from cases.counter_pages import counter_page
from cases.forms import (
    MESSAGE_FILES,
    ActionForm,
    AssignForm,
    BulkForm,
    CounterStartForm,
    MessageForm,
    NoteForm,
    RerouteForm,
    StatusCheckForm,
)
from cases.issuing import issued_document
from cases.limits import allow, message_allowed
from cases.models import Case, CaseEvent, CounterIntake
from cases.queue import QueueFilters, area_choices, filter_queue, queue_cases, queue_counts
from cases.rules import CASE_PERMISSIONS
from cases.waiting import mark_waiting
from cases.workflow import (
    CaseActionError,
    applicant_transitions,
    default_workflow,
    do_transition,
    office_roles,
    officer_transitions,
)
from core.addresses import client_address
from core.typing import AuthenticatedHttpRequest
from services.access import access_attachment_by_public_id
from services.answers import answer_rows
from services.attachments import do_store_attachment, open_attachment
from services.models import Application, Service

PAGE_SIZE = 50
INLINE_TYPES = ("image/png", "image/jpeg", "application/pdf")


def _officer_required(request: AuthenticatedHttpRequest):
    """Return the offices whose cases the person's roles let them read (the role matrix);
    403 for everyone else (citizens, and officers whose roles do not read cases)."""
    offices = list(offices_of(request.user, roles_for(READ_CASE)))
    if not offices and not request.user.is_superuser:
        raise PermissionDenied
    return offices


def _reads_cases(request: AuthenticatedHttpRequest) -> bool:
    return request.user.is_superuser or offices_of(request.user, roles_for(READ_CASE)).exists()


def _allowed(request: HttpRequest, case: Case) -> dict[str, bool]:
    """Return, per action of the role matrix, whether the person may take it on the case."""
    return {
        action: request.user.has_perm(permission, case)
        for action, permission in CASE_PERMISSIONS.items()
    }


def _require(request: AuthenticatedHttpRequest, case: Case, permission: str, what: str) -> None:
    """Refuse (403, recorded in the case's history) unless the role matrix allows it."""
    if not request.user.has_perm(permission, case):
        _refused(request, case, what)
        raise PermissionDenied


@never_cache
@login_required
@require_GET
def queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The cases of the person's offices, filtered, counted and paged."""
    offices = _officer_required(request)
    today = timezone.localdate()
    base = queue_cases(request.user, offices)
    totals, by_state = queue_counts(base, request.user, today)
    filters = QueueFilters.from_query(request.GET)
    cases = filter_queue(base, filters, request.user, today)
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = mark_waiting(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    workflow = default_workflow()
    return render(
        request,
        "cases/queue.html",
        {
            "offices": offices,
            "page": page,
            "totals": totals,
            "states": [
                (key, workflow.state_label(key), by_state.get(key, 0)) for key in workflow.states
            ],
            "services": Service.objects.published().only("slug", "name_km", "name_en"),
            "filters": filters,
            "areas": area_choices(offices),
            "query": query.urlencode(),
            "today": today,
            "workflow": workflow,
            "may_take_walk_ins": offices_of(request.user, roles_for(COUNTER_INTAKE)).exists(),
        },
    )


@never_cache
@login_required
@require_POST
def bulk(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Assign several cases to oneself, or start their review; each case on its own."""
    offices = _officer_required(request)
    form = BulkForm(request.POST, case_ids=request.POST.getlist("cases"))
    if not form.is_valid():
        messages.error(request, _("Choose an action and at least one case."))
        return HttpResponseRedirect(reverse("cases:queue"))
    chosen = queue_cases(request.user, offices).filter(public_id__in=form.cleaned_data["cases"])
    action = form.cleaned_data["action"]
    done, refused = actions.do_bulk(
        chosen,
        "assign" if action == "assign_me" else action,
        by=request.user,
        assignee=request.user,
        ip=client_address(request),
    )
    refused += len(form.cleaned_data["cases"]) - len(chosen)
    messages.success(request, _("Done for %(done)s cases.") % {"done": done})
    if refused:
        messages.warning(
            request,
            _("%(refused)s cases were left as they were: the action is not possible for them.")
            % {"refused": refused},
        )
    return HttpResponseRedirect(reverse("cases:queue"))


def _case_page(request: HttpRequest, case: Case, **forms) -> HttpResponse:
    mark_waiting([case])
    roles = office_roles(request.user, case)
    application = case.application
    events = list(case.events.select_related("actor"))
    allowed = _allowed(request, case)
    attachments = list(application.attachments.all()) if allowed["read_files"] else []
    transitions = officer_transitions(case, roles)
    action_form = forms.get("action_form") or ActionForm()
    action_form.say_when_the_reason_is_needed(transitions)
    return render(
        request,
        "cases/office_case.html",
        {
            "case": case,
            "may": allowed,
            "workflow": default_workflow(),
            "rows": answer_rows(application),
            "document": issued_document(case) if allowed["read_files"] else None,
            "attachments": [a for a in attachments if a.field_key != MESSAGE_FILES.key],
            "history": [e for e in events if e.kind != CaseEvent.Kind.NOTE],
            "notes": [e for e in events if e.kind == CaseEvent.Kind.NOTE],
            "messages_list": case.messages.select_related("author").prefetch_related("attachments"),
            "transitions": transitions,
            "action_form": action_form,
            "assign_form": forms.get("assign_form")
            or AssignForm(
                colleagues=actions.colleagues(case), initial={"assignee": case.assigned_to_id}
            ),
            "reroute_form": forms.get("reroute_form") or RerouteForm(),
            "note_form": forms.get("note_form") or NoteForm(),
            "message_form": forms.get("message_form") or MessageForm(),
            "counter": CounterIntake.objects.filter(application=application)
            .select_related("officer", "office")
            .first(),
        },
        status=400 if forms else 200,
    )


@never_cache
@login_required
@require_GET
def office_case(request: AuthenticatedHttpRequest, public_id) -> HttpResponse:
    return _case_page(request, access_case_for_officer(request, public_id))


def _refused(request: AuthenticatedHttpRequest, case: Case, what: str) -> None:
    """Record a refused action in the case's history (after its transaction rolled back)."""
    CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.REFUSED,
        transition=what[:40],
        actor=request.user,
        ip=client_address(request),
    )
    record_access(case, request.user, allowed=False, what=what[:40])


def _confirm_page(request: HttpRequest, case: Case, transition, **context) -> HttpResponse:
    """Ask "Are you sure?" before a decision or an end; the page posts the same action
    again with `confirmed=yes` (works without JavaScript)."""
    return render(
        request,
        "cases/confirm.html",
        {"case": case, "transition": transition, "confirmation": confirmation_for(transition),
         "confirmed_field": CONFIRMED, **context},
    )  # fmt: skip


@never_cache
@login_required
@require_POST
def act(request: AuthenticatedHttpRequest, public_id) -> HttpResponse:
    """Take a workflow transition; the hidden version refuses a stale page."""
    case = access_case_for_officer(request, public_id, what="act")
    form = ActionForm(request.POST)
    if not form.is_valid():
        return _case_page(request, case, action_form=form)
    data = form.cleaned_data
    chosen = next((t for t in officer_transitions(case, office_roles(request.user, case))
                   if t.key == data["transition"]), None)  # fmt: skip
    if chosen and needs_confirmation(chosen) and request.POST.get(CONFIRMED) != "yes":
        if chosen.needs_reason and not data["reason"].strip():
            form.add_error("reason", _("Write the reason: the applicant will read it."))
            return _case_page(request, case, action_form=form)
        return _confirm_page(request, case, chosen, reason=data["reason"].strip(),
                             action_url=reverse("cases:act", args=[case.public_id]),
                             back_url=case.get_absolute_url())  # fmt: skip
    try:
        do_transition(
            case,
            data["transition"],
            actor=request.user,
            reason=data["reason"],
            ip=client_address(request),
            expected_version=data["version"],
        )
    except PermissionDenied:
        _refused(request, case, data["transition"])
        raise
    except CaseActionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Done. The applicant has been told."))
    return HttpResponseRedirect(case.get_absolute_url())


@never_cache
@login_required
@require_POST
def assign(request: AuthenticatedHttpRequest, public_id) -> HttpResponse:
    case = access_case_for_officer(request, public_id, what="assign")
    _require(request, case, "cases.assign_case", "assign")
    form = AssignForm(request.POST, colleagues=actions.colleagues(case))
    if not form.is_valid():
        return _case_page(request, case, assign_form=form)
    try:
        actions.do_assign_case(
            case,
            form.cleaned_data["assignee"],
            by=request.user,
            ip=client_address(request),
            expected_version=form.cleaned_data["version"],
        )
    except CaseActionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The case has been given to this person."))
    return HttpResponseRedirect(case.get_absolute_url())


@never_cache
@login_required
@require_POST
def reroute(request: AuthenticatedHttpRequest, public_id) -> HttpResponse:
    case = access_case_for_officer(request, public_id, what="reroute")
    _require(request, case, "cases.reroute_case", "reroute")
    form = RerouteForm(request.POST)
    if not form.is_valid():
        return _case_page(request, case, reroute_form=form)
    try:
        actions.do_reroute_case(
            case,
            form.cleaned_data["office"],
            by=request.user,
            reason=form.cleaned_data["reason"],
            ip=client_address(request),
            expected_version=form.cleaned_data["version"],
        )
    except CaseActionError as exc:
        messages.error(request, str(exc))
        return HttpResponseRedirect(case.get_absolute_url())
    messages.success(request, _("The case was sent to %(office)s.") % {
        "office": form.cleaned_data["office"].name})  # fmt: skip
    return HttpResponseRedirect(reverse("cases:queue"))


@never_cache
@login_required
@require_POST
def note(request: AuthenticatedHttpRequest, public_id) -> HttpResponse:
    case = access_case_for_officer(request, public_id, what="note")
    _require(request, case, "cases.write_note", "note")
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _case_page(request, case, note_form=form)
    actions.do_add_note(
        case, form.cleaned_data["text"], by=request.user, ip=client_address(request)
    )
    messages.success(request, _("Note added."))
    return HttpResponseRedirect(case.get_absolute_url() + "#notes")


@never_cache
@login_required
@require_POST
def office_message(request: AuthenticatedHttpRequest, public_id) -> HttpResponse:
    case = access_case_for_officer(request, public_id, what="message")
    _require(request, case, "cases.message_applicant", "message")
    form = MessageForm(request.POST)
    if form.is_valid() and not message_allowed(request.user):
        form.add_error(None, _too_many_messages())
        response = _case_page(request, case, message_form=form)
        response.status_code = 429
        return response
    if not form.is_valid():
        return _case_page(request, case, message_form=form)
    actions.do_send_office_message(case, form.cleaned_data["body"], by=request.user)
    messages.success(request, _("Message sent to the applicant."))
    return HttpResponseRedirect(case.get_absolute_url() + "#messages")


@never_cache
@login_required
@require_GET
def inline_attachment(request: AuthenticatedHttpRequest, public_id) -> FileResponse:
    """Show a photo or PDF in the browser (not as a download) to whoever may open it."""
    item = access_attachment_by_public_id(request.user, public_id)
    if item.content_type not in INLINE_TYPES:
        raise Http404
    try:
        handle = open_attachment(item)
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type=item.content_type)
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src 'self'"
    return response


# --- The applicant -------------------------------------------------------------------


@never_cache
@login_required
@require_GET
def my_cases(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The person's one "My applications" page: drafts to continue, then what was sent."""
    cases = Case.objects.filter(applicant=request.user).select_related("service")
    drafts = (
        Application.objects.drafts()
        .filter(user=request.user)
        .select_related("service", "organisation")
        .order_by("-updated_at")
    )
    return render(
        request,
        "cases/my_cases.html",
        {"cases": mark_waiting(cases), "drafts": drafts, "workflow": default_workflow()},
    )


def _store_files(case: Case, checked) -> list:
    return [
        do_store_attachment(case.application, MESSAGE_FILES, upload, content_type)
        for upload, content_type in checked
    ]


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def my_case(request: AuthenticatedHttpRequest, public_id) -> HttpResponse:
    """The applicant's case: state, timeline, messages; answering a request for
    information, writing to the office, withdrawing."""
    case = mark_waiting([access_case_for_applicant(request.user, public_id)])[0]
    form = MessageForm()
    if request.method == "POST":
        if request.POST.get("withdraw"):
            withdraw = next((t for t in applicant_transitions(case) if t.key == "withdraw"), None)
            if withdraw and request.POST.get(CONFIRMED) != "yes":
                return _confirm_page(request, case, withdraw, withdrawing=True,
                                     action_url=case.get_applicant_url(),
                                     back_url=case.get_applicant_url())  # fmt: skip
            try:
                do_transition(case, "withdraw", actor=request.user, ip=client_address(request),
                              expected_version=_int(request.POST.get("version")))  # fmt: skip
            except CaseActionError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, _("Your application has been withdrawn."))
            return HttpResponseRedirect(case.get_applicant_url())
        form = MessageForm(request.POST, request.FILES)
        if form.is_valid() and not message_allowed(request.user):
            form.add_error(None, _too_many_messages())
        if form.is_valid():
            answering = case.state == "information_requested"
            try:
                with transaction.atomic():
                    files = _store_files(case, form.cleaned_data["files"])
                    actions.do_send_applicant_message(
                        case, form.cleaned_data["body"], by=request.user, files=files,
                        answer=answering, ip=client_address(request),
                    )  # fmt: skip
            except CaseActionError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(
                    request,
                    _("Your answer was sent. The office is reviewing your application again.")
                    if answering
                    else _("Your message was sent to the office."),
                )
                return HttpResponseRedirect(case.get_applicant_url())
    events = case.events.exclude(kind__in=[CaseEvent.Kind.NOTE, CaseEvent.Kind.REFUSED])
    return render(
        request,
        "cases/my_case.html",
        {
            "case": case,
            "workflow": default_workflow(),
            "timeline": events.filter(kind__in=["opened", "transition", "document"]),
            "messages_list": case.messages.prefetch_related("attachments"),
            "form": form,
            "document": issued_document(case),
            "may_withdraw": any(t.key == "withdraw" for t in applicant_transitions(case)),
            "request_reason": events.filter(transition="request_information").last(),
        },
        status=_message_form_status(form),
    )


def _too_many_messages() -> str:
    return _(
        "You have sent many messages in the last hour. Wait a while and send it again; "
        "your text is kept below."
    )


def _message_form_status(form) -> int:
    if not form.errors:
        return 200
    return 429 if _too_many_messages() in form.non_field_errors() else 400


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _matches_second_factor(case: Case, date_of_birth) -> bool:
    if case.applicant.date_of_birth == date_of_birth:
        return True
    answers = case.application.answers
    iso = date_of_birth.isoformat()
    return any(answers.get(key) == iso for key in ("date_of_birth", "dob", "birth_date"))


@never_cache
@require_http_methods(["GET", "POST"])
def status_check(request: HttpRequest) -> HttpResponse:
    """The state of an application for someone without an account: reference number
    plus the applicant's date of birth; limited per address."""
    form = StatusCheckForm(request.POST or None)
    found = None
    status = 200
    if request.method == "POST":
        if not allow(f"status:{client_address(request)}", limit=10, seconds=600):
            form.add_error(None, _("Too many tries. Wait ten minutes and try again."))
            status = 429
        elif form.is_valid():
            reference = form.cleaned_data["reference"].strip().upper()
            case = (
                Case.objects.select_related("service", "applicant", "application")
                .filter(reference=reference)
                .first()
            )
            if case and _matches_second_factor(case, form.cleaned_data["date_of_birth"]):
                found = case
            else:
                form.add_error(
                    None,
                    _("No application matches this reference number and date of birth. "
                      "Check both and try again."),
                )  # fmt: skip
                status = 400
        else:
            status = 400
    return render(
        request,
        "cases/status_check.html",
        {"form": form, "case": found, "workflow": default_workflow()},
        status=status,
    )


# --- Counter intake ------------------------------------------------------------------


def _counter_office(request: AuthenticatedHttpRequest):
    """Return the office whose counter the person serves: their first office where a role
    of theirs takes walk-ins (the role matrix); 403 for everyone else."""
    office = offices_of(request.user, roles_for(COUNTER_INTAKE)).first()
    if office is None:
        raise PermissionDenied
    return office


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def counter_start(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Start an application for a walk-in citizen."""
    office = _counter_office(request)
    form = CounterStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        walk_in = counter.walk_in_account(
            name=data["name"],
            mobile=data["mobile"],
            date_of_birth=data["date_of_birth"],
            identity_checked=data["identity_checked"],
        )
        application = counter.do_start_counter_application(
            request.user, office, data["service"], walk_in.user, walk_in.how
        )
        messages.info(request, _walk_in_message(walk_in))
        return HttpResponseRedirect(reverse("cases:counter_form", args=[application.public_id]))
    return render(
        request,
        "cases/counter_start.html",
        {"form": form, "office": office, "may_read_cases": _reads_cases(request)},
        status=400 if form.errors else 200,
    )


def _walk_in_message(walk_in: counter.WalkIn) -> str:
    """Tell the officer which account the application went to, and why."""
    if walk_in.how == counter.BY_VERIFIED_NUMBER:
        return _("The application goes to the account whose holder verified this mobile number.")
    if walk_in.how == counter.BY_IDENTITY_CHECKED:
        return _(
            "The application goes to the account with this mobile number, because you "
            "checked the citizen's identity. This is recorded."
        )
    if walk_in.unverified_holder:
        return _(
            "An account has this mobile number but never verified it, and you did not check "
            "the identity: the application goes to a new account for the citizen, not to it."
        )
    return _("No account has this verified mobile number: the application goes to a new account.")


def _access_counter_application(request: HttpRequest, public_id) -> Application:
    intake = get_object_or_404(
        CounterIntake.objects.select_related(
            "application__service", "application__form_version", "application__user"
        ),
        application__public_id=public_id,
    )
    if not request.user.has_perm("cases.take_counter_intake", intake.office):
        raise PermissionDenied
    return intake.application


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def counter_form(request: AuthenticatedHttpRequest, public_id) -> HttpResponse:
    """Fill the citizen's form page by page, then send it (the officer confirms the
    citizen's declaration)."""
    application = _access_counter_application(request, public_id)
    if not application.is_draft:
        return HttpResponseRedirect(reverse("cases:counter_receipt", args=[public_id]))
    return counter_page(request, application)


@never_cache
@login_required
@require_GET
def counter_receipt(request: AuthenticatedHttpRequest, public_id) -> HttpResponse:
    """The receipt to print for the citizen, with the reference number."""
    application = _access_counter_application(request, public_id)
    if application.is_draft:
        raise Http404
    return render(
        request,
        "cases/counter_receipt.html",
        {
            "application": application,
            "case": application.case,
            "may_read_cases": _reads_cases(request),
        },
    )
