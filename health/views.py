"""Health pages. The danger-sign screen works signed out; questions need signing in."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from audit.log import log_access
from core.typing import AuthenticatedHttpRequest
from geo.models import Area, Facility
from geo.places import remembered_area
from health import (
    booking,
    calendar,
    care,
    desk,
    dhis2,
    finder,
    photos,
    questions,
    timetable,
    triage,
)
from health.decorators import health_worker_required
from health.forms import (
    AnswerForm,
    AreaSearchForm,
    CarerForm,
    DangerSignForm,
    FollowUpForm,
    GroupForm,
    MonthForm,
    MoveForm,
    QuestionForm,
    RatingForm,
    TicketForm,
)
from health.models import Booking, Group, Question, Screening, Slot
from health.screening import last_screening, remember_screening

EMERGENCY_NUMBER = "119"
AREA_MATCHES = 20
QUEUE_SIZE = 100


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    keeps_timetable = timetable.timetable_offices(request.user).exists()
    return render(
        request, "health/start.html", {"form": GroupForm(), "keeps_timetable": keeps_timetable}
    )


@require_http_methods(["GET", "POST"])
def check(request: HttpRequest) -> HttpResponse:
    """The yes/no danger signs for the group chosen on the start page."""
    group_form = GroupForm(request.GET)
    table = triage.published_table()
    if table is None:
        return render(request, "health/unavailable.html", status=503)
    if not group_form.is_valid():
        return render(request, "health/start.html", {"form": group_form}, status=400)
    group = group_form.cleaned_data["group"]
    signs = list(triage.signs_for(table, group))
    form = DangerSignForm(request.POST or None, signs=signs)
    if request.method == "POST" and form.is_valid():
        screening = triage.do_record_screening(
            request.user, table, group, form.signs_present(), Screening.Channel.WEB
        )
        remember_screening(request, screening)
        name = "health:urgent" if screening.is_urgent else "health:clear"
        return HttpResponseRedirect(reverse(name))
    return render(
        request,
        "health/check.html",
        {"form": form, "group": group, "group_label": Group(group).label},
        status=400 if form.errors else 200,
    )


@require_GET
def urgent(request: HttpRequest) -> HttpResponse:
    """Go now: the emergency number and the nearest hospitals and health centres."""
    area_form, matches, area = place_search(request)
    return render(
        request,
        "health/urgent.html",
        {
            "emergency_number": EMERGENCY_NUMBER,
            "care": care.nearest_care(area),
            "area_form": area_form,
            "matches": matches,
            "screening": last_screening(request),
        },
        status=400 if area_form.errors else 200,
    )


def place_search(request: HttpRequest) -> tuple[AreaSearchForm, list[Area], Area | None]:
    """The place box of the urgent page and the finder: the form, the places matching
    what was typed, and the place chosen (?area=, else the one the visitor remembered)."""
    area_form = AreaSearchForm(request.GET if "q" in request.GET else None)
    matches = []
    if area_form.is_bound and area_form.is_valid():
        matches = list(
            Area.objects.current()
            .search(area_form.cleaned_data["q"])
            .exclude(level=Area.Level.VILLAGE)
            .select_related("parent__parent")
            .order_by("level", "code")[:AREA_MATCHES]
        )
    code = request.GET.get("area", "")
    area = Area.objects.filter(code=code).first() if code.isdigit() else None
    return area_form, matches, area or remembered_area(request)


@require_GET
def facilities(request: HttpRequest) -> HttpResponse:
    """The health finder: hospitals and health centres by commune, with their services,
    hours and whether they are open now."""
    area_form, matches, area = place_search(request)
    return render(
        request,
        "health/facilities.html",
        {"area_form": area_form, "matches": matches, "found": finder.find_in(area)},
        status=400 if area_form.errors else 200,
    )


@require_GET
def clear(request: HttpRequest) -> HttpResponse:
    screening = last_screening(request)
    if screening is None or screening.is_urgent:
        return HttpResponseRedirect(reverse("health:start"))
    return render(
        request,
        "health/clear.html",
        {"screening": screening, "may_ask": questions.may_ask_after(screening)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest) -> HttpResponse:
    """The question form, after a clear danger-sign screen of the last hour."""
    screening = last_screening(request)
    if screening is None or not questions.may_ask_after(screening):
        messages.info(request, _("Answer the danger-sign questions first."))
        return HttpResponseRedirect(reverse("health:start"))
    form = QuestionForm(
        request.POST or None, request.FILES or None, centres=questions.health_centres()
    )
    if request.method == "POST" and form.is_valid():
        try:
            question = questions.do_ask_question(
                request.user, screening=screening, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your question has been sent."))
            return HttpResponseRedirect(question.get_absolute_url())
    return render(request, "health/ask.html", {"form": form}, status=400 if form.errors else 200)


@login_required
@require_GET
def my_questions(request: HttpRequest) -> HttpResponse:
    mine = questions.questions_of(request.user)
    return render(request, "health/my_questions.html", {"questions": mine})


def question_page(request: HttpRequest, item: Question, **forms) -> HttpResponse:
    """The question's page for the person (or their carer), with any form that failed."""
    context = {
        "question": item,
        "thread": item.messages.select_related("referral__area").prefetch_related("photos"),
        "question_photos": item.photos.filter(message=None),
        "form": forms.get("form") or FollowUpForm(),
        "rating_form": forms.get("rating_form")
        or RatingForm(initial={"rating": item.rating} if item.rating else None),
        "carer_form": forms.get("carer_form") or CarerForm(),
        "may_rate": item.user_id == request.user.pk
        and any(message.from_health_worker for message in item.messages.all()),
        "is_owner": item.user_id == request.user.pk,
    }
    failed = any(form.errors for form in forms.values())
    return render(request, "health/question.html", context, status=400 if failed else 200)


@login_required
@require_http_methods(["GET", "POST"])
def question(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """The person's question (or the one they care for) and its thread; they may write
    again until it is closed."""
    item = questions.access_question_for_person(request.user, public_id)
    if request.method == "GET":
        return question_page(request, item)
    form = FollowUpForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            questions.do_follow_up(
                request.user, item, form.cleaned_data["body"], form.cleaned_data["photos"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your message has been sent."))
            return HttpResponseRedirect(item.get_absolute_url())
    return question_page(request, item, form=form)


@never_cache
@login_required
@require_GET
def photo(request: AuthenticatedHttpRequest, public_id: UUID) -> FileResponse:
    """A question's photo, for the person, their carer or the centre's clinicians."""
    item = photos.access_photo(request.user, public_id)
    try:
        handle = photos.open_photo(item)
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type=item.content_type)
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def rate_question(request: HttpRequest, public_id: UUID) -> HttpResponse:
    item = questions.access_question_for_person(request.user, public_id)
    form = RatingForm(request.POST)
    if form.is_valid():
        try:
            questions.do_rate_answer(request.user, item, form.cleaned_data["rating"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you for rating the answer."))
            return HttpResponseRedirect(item.get_absolute_url())
    return question_page(request, item, rating_form=form)


@login_required
@require_POST
def question_carer(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """The person names a carer for the question, or (with "remove") takes it back."""
    item = questions.access_question_for_person(request.user, public_id)
    if not questions.allowed(request.user, "health.name_carer", item):
        raise PermissionDenied
    if "remove" in request.POST:
        questions.do_remove_carer(request.user, item)
        messages.success(request, _("Your carer can no longer see this question."))
        return HttpResponseRedirect(item.get_absolute_url())
    form = CarerForm(request.POST)
    if form.is_valid():
        try:
            questions.do_name_carer(request.user, item, form.cleaned_data["identifier"])
        except ValidationError as error:
            form.add_error("identifier", error)
        else:
            messages.success(request, _("Your carer can now see this question."))
            return HttpResponseRedirect(item.get_absolute_url())
    return question_page(request, item, carer_form=form)


@health_worker_required
@require_GET
def office_queue(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "health/office_queue.html",
        {"questions": questions.queue_for(request.user)[:QUEUE_SIZE], "now": timezone.now()},
    )


@health_worker_required
@require_http_methods(["GET", "POST"])
def office_question(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """A health worker reads a question (audited) and answers it."""
    item = questions.access_question_for_health_worker(request.user, public_id)
    form = AnswerForm(request.POST or None, facilities=questions.referral_facilities())
    if request.method == "POST" and form.is_valid():
        try:
            questions.do_answer_question(
                request.user,
                item,
                form.cleaned_data["body"],
                close=form.cleaned_data["close"],
                referral=form.cleaned_data["referral"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your answer has been sent."))
            return HttpResponseRedirect(reverse("health:office_queue"))
    return render(
        request,
        "health/office_question.html",
        {
            "question": item,
            "thread": item.messages.select_related("referral__area").prefetch_related("photos"),
            "question_photos": item.photos.filter(message=None),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@require_GET
def appointments(request: HttpRequest) -> HttpResponse:
    """Health centres that take bookings."""
    return render(request, "health/appointments.html", {"offices": booking.offices_with_slots()})


@require_GET
def office_slots(request: HttpRequest, code: str) -> HttpResponse:
    office = get_object_or_404(Facility.objects.active(), code=code)
    return render(
        request,
        "health/office_slots.html",
        {"office": office, "slots": booking.bookable_slots(office)},
    )


@login_required
@require_POST
def book(request: HttpRequest, slot_id: int) -> HttpResponse:
    slot = get_object_or_404(Slot.objects.select_related("office"), pk=slot_id)
    try:
        made = booking.do_book(request.user, slot)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return HttpResponseRedirect(reverse("health:office_slots", args=[slot.office.code]))
    messages.success(request, _("Your place is booked."))
    return HttpResponseRedirect(made.get_absolute_url())


@login_required
@require_GET
def my_bookings(request: AuthenticatedHttpRequest) -> HttpResponse:
    own = Booking.objects.filter(user=request.user).select_related("slot__office")
    return render(request, "health/my_bookings.html", {"bookings": own})


@login_required
@require_http_methods(["GET", "POST"])
def booking_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    item = booking.access_booking_for_person(request.user, public_id)
    if request.method == "POST":
        try:
            booking.do_cancel(request.user, item)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your appointment is cancelled."))
        return HttpResponseRedirect(item.get_absolute_url())
    booking.ensure_ticket(item)  # if signing failed when booking, try again now
    return render(request, "health/booking.html", {"booking": item})


@login_required
@require_GET
def reports(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The health ministry's monthly counts per facility, and their DHIS2 JSON download."""
    if not request.user.has_perm("health.export_dhis2"):
        raise PermissionDenied
    form = MonthForm(request.GET or {"month": str(dhis2.Month.previous())})
    if not form.is_valid():
        return render(request, "health/reports.html", {"form": form}, status=400)
    month = form.cleaned_data["month"]
    counts = dhis2.monthly_counts(month)
    if request.GET.get("format") == "json":
        with transaction.atomic():
            log_access(
                request.user, "health.dhis2_exported", request.user, data={"month": str(month)}
            )
        response = JsonResponse(
            dhis2.data_value_set(month, counts), json_dumps_params={"indent": 2}
        )
        response["Content-Disposition"] = f'attachment; filename="sala-health-{month.period}.json"'
        return response
    names = dict(Facility.objects.filter(code__in=counts).values_list("code", "name_en"))
    if get_language() == "km":
        names.update(Facility.objects.filter(code__in=counts).values_list("code", "name_km"))
    rows = [(code, names.get(code, code), values) for code, values in counts.items()]
    return render(request, "health/reports.html", {"form": form, "month": month, "rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def move_booking(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """The person moves their appointment to another day or time of the same service."""
    item = booking.access_booking_for_person(request.user, public_id)
    if item.status != Booking.Status.BOOKED:
        return HttpResponseRedirect(item.get_absolute_url())
    form = MoveForm(request.POST or None, slots=booking.moving_choices(item))
    if request.method == "POST" and form.is_valid():
        try:
            moved = booking.do_reschedule(request.user, item, form.cleaned_data["slot"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your appointment is moved. Here is your new ticket."))
            return HttpResponseRedirect(moved.get_absolute_url())
    return render(
        request,
        "health/move_booking.html",
        {"booking": item, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def booking_calendar(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """The appointment as an iCalendar file, for the person's phone calendar."""
    item = booking.access_booking_for_person(request.user, public_id)
    response = HttpResponse(
        calendar.booking_ics(item, request.LANGUAGE_CODE), content_type=calendar.CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{calendar.filename(item)}"'
    return response


@health_worker_required
@require_GET
def desks(request: HttpRequest) -> HttpResponse:
    """The health centres whose desk the health worker keeps; straight to the only one."""
    offices = list(desk.desk_offices(request.user))
    if len(offices) == 1:
        return HttpResponseRedirect(reverse("health:desk", args=[offices[0].code]))
    return render(request, "health/desks.html", {"offices": offices})


@health_worker_required
@require_http_methods(["GET", "POST"])
def desk_day(request: HttpRequest, code: str) -> HttpResponse:
    """Today's appointments at the centre, and the ticket typed to check someone in."""
    office = desk.access_desk_office(request.user, code)
    form = TicketForm(request.POST or None)
    matches: list[Booking] = []
    if request.method == "POST" and form.is_valid():
        matches = desk.find_tickets(office, form.cleaned_data["ticket"])
        if not matches:
            form.add_error("ticket", _("No ticket with this number today at this health centre."))
        elif len(matches) == 1 and matches[0].status == Booking.Status.BOOKED:
            return _check_in(request, matches[0])
    desk.log_desk_view(request.user, office)
    bookings = list(desk.day_list(office))
    now = timezone.now()
    return render(
        request,
        "health/desk.html",
        {
            "office": office,
            "form": form,
            "matches": matches,
            "bookings": bookings,
            "time_over": {b.pk for b in [*bookings, *matches] if desk.may_mark_no_show(b, now)},
            "today": timezone.localdate(),
            "now": now,
        },
        status=400 if form.errors else 200,
    )


def _check_in(request: HttpRequest, item: Booking) -> HttpResponse:
    try:
        desk.do_check_in(request.user, item)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Ticket %(ticket)s is checked in: %(name)s.")
            % {"ticket": item.ticket, "name": item.user.display_name},
        )
    return HttpResponseRedirect(reverse("health:desk", args=[item.slot.office.code]))


@health_worker_required
@require_http_methods(["GET", "POST"])
def desk_booking(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """One ticket at the desk (what the ticket's QR code leads the centre's staff to):
    check the person in, or record that they did not come."""
    item = desk.access_booking_for_desk(request.user, public_id)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "check_in":
            return _check_in(request, item)
        if action != "no_show":
            return HttpResponseBadRequest()
        try:
            desk.do_mark_no_show(request.user, item)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The holder of ticket %(ticket)s did not come; the place is free again.")
                % {"ticket": item.ticket},
            )
        return HttpResponseRedirect(reverse("health:desk", args=[item.slot.office.code]))
    return render(
        request,
        "health/desk_booking.html",
        {
            "booking": item,
            "today": timezone.localdate(),
            "may_mark_no_show": desk.may_mark_no_show(item),
        },
    )
