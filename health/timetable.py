"""The health centre's timetable: the times it offers for booking, kept by its own staff.

Its clinicians and its head of office publish a service in morning or afternoon windows
with a daily capacity, or at exact times with a capacity each, over a range of days; they
change a future time's capacity (never below the places already taken) and close a time.
Days the centre is closed are skipped and said so: public holidays (unless it opens on
them), its own closures (geo's `FacilityClosure`) and hours outside its opening hours
(geo's `OpeningHours`; a centre with no hours recorded is taken as open).

The timetable shows counts only (places taken and offered), never who booked: the names
and services of a day's people are the desk's (`health.desk`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, F, Max, Min, QuerySet, Sum
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from accounts.models import Role
from accounts.officers import offices_of
from audit.log import log_action
from core.formatting import format_date, format_number, format_time
from documents.issuing import do_revoke_document
from geo import hours
from geo.models import EN_DASH, Facility, PublicHoliday
from health.booking import WINDOW_HOURS, notification_context
from health.care import HEALTH_CENTRE, HOSPITAL
from health.models import AppointmentService, Booking, Slot, Window
from notifications.api import notify

TIMETABLE_ROLES = [Role.CLINICIAN, Role.HEAD_OF_OFFICE]
MAX_DAYS = 92  # about three months in one go
HORIZON_DAYS = 366  # nothing published more than a year ahead
MAX_WINDOW_PLACES = 200
MAX_EXACT_PLACES = 20
MAX_EXACT_SLOTS = 48
LIST_DAYS = 14
MIDNIGHT_MINUTES = 24 * 60


def timetable_offices(user) -> QuerySet[Facility]:
    """The hospitals and health centres where the user is a clinician or the head."""
    return (
        offices_of(user, roles=TIMETABLE_ROLES)
        .filter(type__code__in=[HEALTH_CENTRE, HOSPITAL])
        .order_by("name_en")
    )


def may_keep_timetable(user, office: Facility) -> bool:
    return timetable_offices(user).filter(pk=office.pk).exists()


def access_timetable_office(user, code: str) -> Facility:
    """Return the health centre whose timetable the user keeps; 403 for anyone else."""
    office = timetable_offices(user).filter(code=code).first()
    if office is None:
        raise PermissionDenied
    return office


def access_slot_for_timetable(user, slot_id: int) -> Slot:
    """Return a time of a health centre whose timetable the user keeps; 404 otherwise."""
    slot = (
        Slot.objects.select_related("office")
        .filter(pk=slot_id, office__in=timetable_offices(user))
        .first()
    )
    if slot is None:
        raise Http404
    return slot


def first_day(today: datetime.date | None = None) -> datetime.date:
    """People book from tomorrow on, so the timetable changes from tomorrow on."""
    return (today or timezone.localdate()) + datetime.timedelta(days=1)


def is_changeable(slot: Slot, today: datetime.date | None = None) -> bool:
    return slot.closed_at is None and slot.date >= first_day(today)


# The services and the times ------------------------------------------------------------


@dataclass
class ServiceSummary:
    service: str
    label: str
    days: int = 0
    booked: int = 0
    capacity: int = 0
    first: datetime.date | None = None
    last: datetime.date | None = None


def service_summaries(office: Facility, today: datetime.date | None = None) -> list[ServiceSummary]:
    """Each appointment service with its upcoming open times: how many days, places
    taken and offered, from which day to which."""
    rows = {
        row["service"]: row
        for row in Slot.objects.open()
        .filter(office=office, date__gte=today or timezone.localdate())
        .values("service")
        .annotate(
            days=Count("date", distinct=True),
            booked=Sum("booked"),
            capacity=Sum("capacity"),
            first=Min("date"),
            last=Max("date"),
        )
    }
    summaries = []
    for service in AppointmentService:
        row = rows.get(service.value, {})
        summaries.append(
            ServiceSummary(
                service=service.value,
                label=str(service.label),
                days=row.get("days", 0),
                booked=row.get("booked") or 0,
                capacity=row.get("capacity") or 0,
                first=row.get("first"),
                last=row.get("last"),
            )
        )
    return summaries


def listed_slots(office: Facility, start: datetime.date) -> QuerySet[Slot]:
    """The centre's times (closed ones too) of the LIST_DAYS days from `start`."""
    return Slot.objects.filter(
        office=office,
        date__gte=start,
        date__lt=start + datetime.timedelta(days=LIST_DAYS),
    ).order_by("date", "window", "starts_at", "service")


# Which days the centre is open -------------------------------------------------------


def _minutes(at: datetime.time) -> int:
    return at.hour * 60 + at.minute


@dataclass
class OpenDays:
    """What geo knows of a centre's days over a range: its weekly hours, its own closed
    days and the public holidays it closes on."""

    intervals: list[hours.Interval]
    closures: dict[datetime.date, str]
    holidays: dict[datetime.date, str]

    @classmethod
    def of(cls, office: Facility, first: datetime.date, last: datetime.date) -> OpenDays:
        intervals = [hours.Interval(h.weekday, h.opens, h.closes) for h in office.hours.all()]
        closures = {
            closure.date: closure.reason
            for closure in office.closures.filter(date__gte=first, date__lte=last)
        }
        holidays = (
            {}
            if office.open_on_public_holidays
            else {
                holiday.date: holiday.name
                for holiday in PublicHoliday.objects.filter(date__gte=first, date__lte=last)
            }
        )
        return cls(intervals, closures, holidays)

    def closed_reason(self, day: datetime.date, start: int, end: int) -> str | None:
        """Why the centre cannot receive people on `day` between `start` and `end`
        (minutes after midnight), or None when it is open for some of that time."""
        if day in self.holidays:
            return _("public holiday: %(name)s") % {"name": self.holidays[day]}
        if day in self.closures:
            reason = self.closures[day]
            if reason:
                return _("the health centre is closed: %(reason)s") % {"reason": reason}
            return _("the health centre is closed that day")
        if not self.intervals or self._open_during(day.weekday(), start, end):
            return None
        if not self._open_during(day.weekday(), 0, MIDNIGHT_MINUTES):
            return _("the health centre is closed on this day of the week")
        return _("the health centre is not open at this time")

    def _open_during(self, weekday: int, start: int, end: int) -> bool:
        for interval in self.intervals:
            opens, closes = _minutes(interval.opens), _minutes(interval.closes)
            spans = []
            if interval.weekday == weekday:
                spans.append((opens, MIDNIGHT_MINUTES if interval.overnight else closes))
            if interval.overnight and interval.weekday == (weekday - 1) % 7:
                spans.append((0, closes))
            if any(span_start < end and start < span_end for span_start, span_end in spans):
                return True
        return False


# Publishing -----------------------------------------------------------------------------


@dataclass
class Skipped:
    day: datetime.date
    when: str  # the window or the times skipped, in the page's language
    reason: str


@dataclass
class Published:
    """What a publishing did: the times made (or reopened), those already there and kept
    as they were, and the days skipped with why."""

    made: list[Slot] = field(default_factory=list)
    kept: list[Slot] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def skipped_by_reason(self) -> list[tuple[str, list[Skipped]]]:
        grouped: dict[str, list[Skipped]] = {}
        for item in self.skipped:
            grouped.setdefault(item.reason, []).append(item)
        return list(grouped.items())


def check_range(
    first: datetime.date, last: datetime.date, today: datetime.date | None = None
) -> None:
    """Refuse a range that ends before it starts, starts before tomorrow, is longer than
    MAX_DAYS or reaches past HORIZON_DAYS; the message says which."""
    today = today or timezone.localdate()
    language = get_language()
    if last < first:
        raise ValidationError(_("The last day is before the first day."), code="reversed")
    if first < first_day(today):
        raise ValidationError(
            _("Publish from tomorrow on: people book from tomorrow on."), code="past"
        )
    if (last - first).days + 1 > MAX_DAYS:
        raise ValidationError(
            _("Publish at most %(days)s days at a time.")
            % {"days": format_number(MAX_DAYS, language)},
            code="too_long",
        )
    if last > today + datetime.timedelta(days=HORIZON_DAYS):
        raise ValidationError(_("Publish at most a year ahead."), code="too_far")


def _days(
    first: datetime.date, last: datetime.date, weekdays: Iterable[int]
) -> list[datetime.date]:
    chosen = set(weekdays)
    count = (last - first).days + 1
    days = (first + datetime.timedelta(days=offset) for offset in range(count))
    return [day for day in days if day.weekday() in chosen]


def _check_may_keep(actor, office: Facility) -> None:
    if not may_keep_timetable(actor, office):
        raise PermissionDenied


def _window_label(window: str) -> str:
    return str(Window(window).label)


@transaction.atomic
def do_publish_windows(
    actor,
    office: Facility,
    *,
    service: str,
    first: datetime.date,
    last: datetime.date,
    weekdays: Iterable[int],
    windows: Iterable[str],
    capacity: int,
) -> Published:
    """Publish a service in the chosen windows on the chosen weekdays from `first` to
    `last`, `capacity` places each. A window already published is kept as it is (its
    capacity is changed one by one, where people may already have booked); one the centre
    had closed is opened again with the new capacity."""
    _check_may_keep(actor, office)
    windows = list(windows)
    check_range(first, last)
    check_places(capacity, MAX_WINDOW_PLACES)
    open_days = OpenDays.of(office, first, last)
    result = Published()
    for day in _days(first, last, weekdays):
        for window in windows:
            start, end = (hour * 60 for hour in WINDOW_HOURS[window])
            reason = open_days.closed_reason(day, start, end)
            if reason:
                result.skipped.append(Skipped(day, _window_label(window), reason))
                continue
            slot, created = Slot.objects.get_or_create(
                office=office,
                service=service,
                date=day,
                window=window,
                starts_at=None,
                defaults={"capacity": capacity},
            )
            if created or slot.closed_at is not None:
                _reopen(slot, capacity=capacity)
                result.made.append(slot)
            else:
                result.kept.append(slot)
    _log_published(
        actor,
        office,
        "health.windows_published",
        result,
        service=service,
        first=first,
        last=last,
        windows=",".join(windows),
        capacity=capacity,
    )
    return result


def exact_start_times(start: datetime.time, minutes: int, count: int) -> list[datetime.time]:
    """`count` times from `start`, `minutes` apart; refuse a last one ending after midnight."""
    if _minutes(start) + minutes * count > MIDNIGHT_MINUTES:
        raise ValidationError(
            _("The last time would end after midnight. Start earlier or make fewer times."),
            code="past_midnight",
        )
    day = datetime.date(2000, 1, 1)
    at = datetime.datetime.combine(day, start)
    return [(at + datetime.timedelta(minutes=minutes * index)).time() for index in range(count)]


@transaction.atomic
def do_publish_exact_slots(
    actor,
    office: Facility,
    *,
    service: str,
    first: datetime.date,
    last: datetime.date,
    weekdays: Iterable[int],
    start: datetime.time,
    minutes: int,
    count: int,
    capacity: int,
) -> Published:
    """Publish a service at exact times (`count` of them from `start`, each `minutes`
    long, `capacity` places each) on the chosen days. A time published before with the
    same length is kept; one that would overlap another open exact time of the same
    service is refused with the day and the time, and nothing is published."""
    _check_may_keep(actor, office)
    check_range(first, last)
    check_places(capacity, MAX_EXACT_PLACES)
    times = exact_start_times(start, minutes, count)
    span = (_minutes(times[0]), _minutes(times[-1]) + minutes)
    open_days = OpenDays.of(office, first, last)
    result = Published()
    language = get_language()
    when = f"{format_time(times[0], language)}{EN_DASH}{_end_text(times[-1], minutes, language)}"
    for day in _days(first, last, weekdays):
        reason = open_days.closed_reason(day, *span)
        if reason:
            result.skipped.append(Skipped(day, when, reason))
            continue
        existing = {
            slot.starts_at: slot
            for slot in Slot.objects.filter(
                office=office, service=service, date=day, starts_at__isnull=False
            )
        }
        for at in times:
            _refuse_overlap(day, at, minutes, existing.values())
            slot = existing.get(at)
            if slot is None:
                slot = Slot.objects.create(
                    office=office,
                    service=service,
                    date=day,
                    starts_at=at,
                    window="morning" if at.hour < 12 else "afternoon",
                    minutes=minutes,
                    capacity=capacity,
                )
                result.made.append(slot)
            elif slot.closed_at is not None:
                _reopen(slot, capacity=capacity, minutes=minutes)
                result.made.append(slot)
            else:
                result.kept.append(slot)
    _log_published(
        actor,
        office,
        "health.exact_slots_published",
        result,
        service=service,
        first=first,
        last=last,
        start=start.isoformat("minutes"),
        minutes=minutes,
        count=count,
        capacity=capacity,
    )
    return result


def _end_text(last: datetime.time, minutes: int, language: str | None) -> str:
    end = _minutes(last) + minutes
    return format_time(datetime.time((end // 60) % 24, end % 60), language)


def _refuse_overlap(
    day: datetime.date, at: datetime.time, minutes: int, existing: Iterable[Slot]
) -> None:
    """Two open exact times of one service may not overlap: the same person could hold
    both, and the centre would see twice the people it can."""
    start, end = _minutes(at), _minutes(at) + minutes
    for other in existing:
        if other.closed_at is not None or other.starts_at is None:
            continue
        if other.starts_at == at and other.minutes == minutes:
            continue  # the same time published again: kept
        other_start = _minutes(other.starts_at)
        if other_start < end and start < other_start + other.minutes:
            language = get_language()
            raise ValidationError(
                _(
                    "On %(day)s the time %(time)s would overlap the time %(other)s already "
                    "published. Choose another start time or length, or close that time first."
                )
                % {
                    "day": _day_text(day, language),
                    "time": format_time(at, language),
                    "other": format_time(other.starts_at, language),
                },
                code="overlap",
            )


def _day_text(day: datetime.date, language: str | None) -> str:
    return format_date(day, language)


def _reopen(slot: Slot, **fields) -> None:
    """A new time, or one the centre had closed (its bookings were cancelled then)."""
    for name, value in fields.items():
        setattr(slot, name, value)
    slot.closed_at = None
    slot.save(update_fields=[*fields, "closed_at"])


def _log_published(actor, office: Facility, action: str, result: Published, **facts) -> None:
    if not result.made:
        return  # nothing changed
    data = {
        **{name: str(value) for name, value in facts.items()},
        "made": len(result.made),
        "kept": len(result.kept),
        "skipped": sorted({str(item.day) for item in result.skipped}),
    }
    log_action(actor, action, office, data, office=office)


def check_places(capacity: int, most: int) -> None:
    if not 1 <= capacity <= most:
        language = get_language()
        raise ValidationError(
            _("Enter a number of places from %(least)s to %(most)s.")
            % {"least": format_number(1, language), "most": format_number(most, language)},
            code="places",
        )


# Changing and closing a time ---------------------------------------------------------


@transaction.atomic
def do_change_capacity(actor, slot: Slot, capacity: int) -> Slot:
    """Offer more or fewer places at a future time; never fewer than are already taken
    (the update is conditional, so a booking made meanwhile is counted)."""
    _check_may_keep(actor, slot.office)
    if not is_changeable(slot):
        raise ValidationError(_("Only open times from tomorrow on can be changed."))
    check_places(capacity, MAX_EXACT_PLACES if slot.starts_at else MAX_WINDOW_PLACES)
    before = slot.capacity
    changed = Slot.objects.open().filter(pk=slot.pk, booked__lte=capacity).update(capacity=capacity)
    slot.refresh_from_db(fields=["capacity", "booked", "closed_at"])
    if not changed:
        taken = format_number(slot.booked, get_language())
        raise ValidationError(
            ngettext(
                "%(taken)s person has already booked this time: keep at least %(taken)s "
                "place, or close the time.",
                "%(taken)s people have already booked this time: keep at least %(taken)s "
                "places, or close the time.",
                slot.booked,
            )
            % {"taken": taken},
            code="below_booked",
        )
    log_action(
        actor,
        "health.slot_capacity_changed",
        slot,
        {"from": before, "to": capacity, "booked": slot.booked},
        office=slot.office,
    )
    return slot


@transaction.atomic
def do_close_slot(actor, slot: Slot) -> int:
    """Close a future time, cancelling the bookings in it; return how many were cancelled.

    A health centre closes a time because it cannot receive people then (the vaccine has
    not come, the midwife is called to a birth, the road is flooded). Refusing to close a
    booked time would leave those people walking to a centre that turns them away; so
    their bookings are cancelled, their tickets revoked, and each is told through their
    notification channels (without the service: notifications carry no health content),
    so that they can book another time."""
    _check_may_keep(actor, slot.office)
    slot = Slot.objects.select_for_update(of=("self",)).select_related("office").get(pk=slot.pk)
    if not is_changeable(slot):
        raise ValidationError(_("Only open times from tomorrow on can be closed."))
    bookings = list(
        Booking.objects.select_for_update(of=("self",))
        .filter(slot=slot, status=Booking.Status.BOOKED)
        .select_related("document", "user", "slot__office")
    )
    for booking in bookings:
        booking.status = Booking.Status.CANCELLED
        booking.save(update_fields=["status"])
        if booking.document is not None and not booking.document.is_revoked:
            do_revoke_document(
                booking.document, by=actor, reason="Appointment time closed by the health centre"
            )
        notify(
            booking.user,
            "health.appointment_time_closed",
            notification_context(booking),
            key=f"health-booking:{booking.pk}:closed",
        )
        log_action(
            actor,
            "health.appointment_cancelled_by_centre",
            booking,
            office=slot.office,
            person=booking.user,
        )
    Slot.objects.filter(pk=slot.pk).update(
        closed_at=timezone.now(), booked=F("booked") - len(bookings)
    )
    slot.refresh_from_db(fields=["closed_at", "booked"])
    log_action(actor, "health.slot_closed", slot, {"cancelled": len(bookings)}, office=slot.office)
    return len(bookings)
