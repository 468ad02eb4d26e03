"""The health centre's timetable pages, for its clinicians and its head of office."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.formatting import format_date, format_number
from health import timetable
from health.timetable_forms import CapacityForm, ExactTimesForm, WindowsForm


@login_required
@require_GET
def offices(request: HttpRequest) -> HttpResponse:
    """The health centres whose timetable the person keeps; straight to the only one."""
    kept = list(timetable.timetable_offices(request.user))
    if not kept:
        raise PermissionDenied
    if len(kept) == 1:
        return HttpResponseRedirect(reverse("health:timetable", args=[kept[0].code]))
    return render(request, "health/timetable_offices.html", {"offices": kept})


def _start(request: HttpRequest, today: datetime.date) -> datetime.date:
    """The first day listed: ?from=YYYY-MM-DD, not before today."""
    try:
        start = datetime.date.fromisoformat(request.GET.get("from", ""))
    except ValueError:
        return today
    return max(start, today)


@login_required
@require_GET
def office_timetable(request: HttpRequest, code: str) -> HttpResponse:
    """The centre's services and its times of the next two weeks, with places taken."""
    office = timetable.access_timetable_office(request.user, code)
    today = timezone.localdate()
    start = _start(request, today)
    step = datetime.timedelta(days=timetable.LIST_DAYS)
    return render(
        request,
        "health/timetable.html",
        {
            "office": office,
            "services": timetable.service_summaries(office, today),
            "slots": timetable.listed_slots(office, start),
            "start": start,
            "end": start + step - datetime.timedelta(days=1),
            "later": (start + step).isoformat(),
            "earlier": (start - step).isoformat() if start > today else None,
            "first_changeable": timetable.first_day(today),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def publish_windows(request: HttpRequest, code: str) -> HttpResponse:
    office = timetable.access_timetable_office(request.user, code)
    form = WindowsForm(request.POST or None)
    return _publish(request, office, form, "windows")


@login_required
@require_http_methods(["GET", "POST"])
def publish_exact(request: HttpRequest, code: str) -> HttpResponse:
    office = timetable.access_timetable_office(request.user, code)
    form = ExactTimesForm(request.POST or None)
    return _publish(request, office, form, "exact")


def _publish(request: HttpRequest, office, form, kind: str) -> HttpResponse:
    """Publish what the form says; on success back to the timetable, saying what was
    skipped and why; when nothing could be published, the form again with the reasons."""
    result = None
    if request.method == "POST" and form.is_valid():
        action = (
            timetable.do_publish_windows if kind == "windows" else timetable.do_publish_exact_slots
        )
        try:
            result = action(request.user, office, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if result.made:
                _tell_published(request, result)
                return HttpResponseRedirect(reverse("health:timetable", args=[office.code]))
            form.add_error(None, _("Nothing new was published: see the days below."))
    return render(
        request,
        "health/timetable_publish.html",
        {"office": office, "form": form, "kind": kind, "result": result},
        status=400 if form.errors else 200,
    )


def _tell_published(request: HttpRequest, result: timetable.Published) -> None:
    language = get_language()
    made = len(result.made)
    messages.success(
        request,
        ngettext("%(count)s time published.", "%(count)s times published.", made)
        % {"count": format_number(made, language)},
    )
    if result.kept:
        kept = len(result.kept)
        messages.info(
            request,
            ngettext(
                "%(count)s time was already published and is kept as it was.",
                "%(count)s times were already published and are kept as they were.",
                kept,
            )
            % {"count": format_number(kept, language)},
        )
    for reason, items in result.skipped_by_reason():
        days = ", ".join(f"{format_date(item.day, language)} ({item.when})" for item in items)
        messages.warning(
            request, _("Not published on %(days)s: %(reason)s.") % {"days": days, "reason": reason}
        )


@login_required
@require_http_methods(["GET", "POST"])
def slot_detail(request: HttpRequest, slot_id: int) -> HttpResponse:
    """One time: its places taken and offered, a new capacity, or closing it."""
    slot = timetable.access_slot_for_timetable(request.user, slot_id)
    form = CapacityForm(request.POST or None, initial={"capacity": slot.capacity})
    if request.method == "POST" and form.is_valid():
        try:
            timetable.do_change_capacity(request.user, slot, form.cleaned_data["capacity"])
        except ValidationError as error:
            form.add_error("capacity", error)
        else:
            messages.success(request, _("The number of places is changed."))
            return HttpResponseRedirect(reverse("health:timetable_slot", args=[slot.pk]))
    return render(
        request,
        "health/timetable_slot.html",
        {"slot": slot, "form": form, "changeable": timetable.is_changeable(slot)},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def close_slot(request: HttpRequest, slot_id: int) -> HttpResponse:
    slot = timetable.access_slot_for_timetable(request.user, slot_id)
    try:
        cancelled = timetable.do_close_slot(request.user, slot)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return HttpResponseRedirect(reverse("health:timetable_slot", args=[slot.pk]))
    messages.success(
        request,
        ngettext(
            "The time is closed; %(count)s booking was cancelled and its holder told.",
            "The time is closed; %(count)s bookings were cancelled and their holders told.",
            cancelled,
        )
        % {"count": format_number(cancelled, get_language())},
    )
    return HttpResponseRedirect(reverse("health:timetable", args=[slot.office.code]))
