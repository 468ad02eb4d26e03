"""Appointments at health centres: booking a place in a time window or at an exact time,
cancelling, the signed ticket, and the reminders the day before.

Booking takes a place with one conditional UPDATE (`booked < capacity`), so however many
people book the last place at once, exactly `capacity` of them get one and the others a
clear "full" answer, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import datetime
import logging
from typing import TYPE_CHECKING, NoReturn
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from audit.log import log_action
from core.formatting import format_date, format_time
from documents.issuing import do_revoke_document, do_save_document, prepare_document
from geo.models import Facility
from health.models import Booking, Slot
from notifications.api import notify

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from core.typing import User

logger = logging.getLogger(__name__)

TICKET_TEMPLATE = "health-appointment"
BOOKING_DAYS_AHEAD = 14


class SlotFull(ValidationError):
    """Every place of the slot is taken."""


def bookable_slots(office: Facility, today: datetime.date | None = None) -> QuerySet[Slot]:
    today = today or timezone.localdate()
    return (
        Slot.objects.open()
        .filter(
            office=office,
            date__gt=today,
            date__lte=today + datetime.timedelta(days=BOOKING_DAYS_AHEAD),
        )
        .order_by("date", "window", "starts_at", "service")
    )


def offices_with_slots(today: datetime.date | None = None) -> QuerySet[Facility]:
    today = today or timezone.localdate()
    return (
        Facility.objects.active()
        .filter(health_slots__date__gt=today, health_slots__closed_at__isnull=True)
        .distinct()
        .select_related("area__parent__parent")
        .order_by("name_en")
    )


def _facts(booking: Booking) -> list[dict[str, str]]:
    """What the ticket certifies. Not the service: anyone who scans the ticket sees these,
    and "antenatal care" would tell them more than where and when."""
    slot = booking.slot
    return [
        {"label_km": "លេខសំបុត្រ", "label_en": "Ticket number", "value_km": booking.ticket},
        {
            "label_km": "មណ្ឌលសុខភាព",
            "label_en": "Health centre",
            "value_km": slot.office.name_km,
            "value_en": slot.office.name_en,
        },
        {
            "label_km": "កាលបរិច្ឆេទ",
            "label_en": "Date",
            "value_km": format_date(slot.date, "km"),
            "value_en": format_date(slot.date, "en"),
        },
        {
            "label_km": "ពេល",
            "label_en": "Time",
            "value_km": time_text(slot, "km"),
            "value_en": time_text(slot, "en"),
        },
    ]


WINDOW_KM = {"morning": "ពេលព្រឹក (ម៉ោង ៧:០០ ដល់ ១១:០០)", "afternoon": "ពេលរសៀល (ម៉ោង ១៤:០០ ដល់ ១៧:០០)"}
WINDOW_EN = {"morning": "Morning (7:00 to 11:00)", "afternoon": "Afternoon (14:00 to 17:00)"}
WINDOW_HOURS = {"morning": (7, 11), "afternoon": (14, 17)}
NOON = datetime.time(12)


def time_text(slot: Slot, language: str) -> str:
    """The slot's time in Khmer or English, for tickets and notifications: the window
    with its hours, or the exact time (ម៉ោង ០៨:២០, at 08:20)."""
    if slot.starts_at is not None:
        at = format_time(slot.starts_at, language)
        return f"ម៉ោង {at}" if language == "km" else f"at {at}"
    return (WINDOW_KM if language == "km" else WINDOW_EN)[slot.window]


def exact_times(
    first: datetime.time, last: datetime.time, every_minutes: int
) -> list[datetime.time]:
    """The times from `first` to `last` (included), `every_minutes` apart: 08:00, 08:20..."""
    day = datetime.date(2000, 1, 1)
    at, end = datetime.datetime.combine(day, first), datetime.datetime.combine(day, last)
    times = []
    while at <= end:
        times.append(at.time())
        at += datetime.timedelta(minutes=every_minutes)
    return times


@transaction.atomic
def publish_exact_slots(
    office: Facility,
    service: str,
    day: datetime.date,
    times: list[datetime.time],
    *,
    minutes: int,
    capacity: int = 1,
) -> list[Slot]:
    """Publish a service at exact times on a day (alongside or instead of windows); a
    time already published is kept as it is. Return the day's exact slots of the service."""
    for at in times:
        Slot.objects.get_or_create(
            office=office,
            service=service,
            date=day,
            starts_at=at,
            defaults={
                "window": "morning" if at < NOON else "afternoon",
                "minutes": minutes,
                "capacity": capacity,
            },
        )
    return list(
        Slot.objects.filter(
            office=office, service=service, date=day, starts_at__isnull=False
        ).order_by("starts_at")
    )


def do_book(user, slot: Slot) -> Booking:
    """Take a place in the slot for the person and issue the ticket; raise SlotFull."""
    # A slot seen full answers at once, without waiting for the database's write lock
    # (SQLite has one for the whole database): the many who ask after the last place
    # went are told so quickly. The conditional update below stays the one that decides.
    if not Slot.objects.open().filter(pk=slot.pk, booked__lt=F("capacity")).exists():
        _refuse_full_or_closed(slot)
    with transaction.atomic():
        booking = _take_place(user, slot)
        log_action(user, "health.appointment_booked", booking, office=slot.office, person=user)
    _issue_ticket(booking, "health.appointment_booked")
    return booking


def _refuse_full_or_closed(slot: Slot) -> NoReturn:
    """Say why no place was taken: the health centre closed the time, or it is full."""
    if Slot.objects.filter(pk=slot.pk, closed_at__isnull=False).exists():
        raise ValidationError(_("The health centre has closed this time. Choose another."))
    raise SlotFull(_("This time is full. Choose another day or time."))


def _take_place(user, slot: Slot) -> Booking:
    """Inside a transaction: take a place with the conditional update and number the
    booking. The ticket is signed after the commit, outside any transaction
    (`_issue_ticket`): rendering its PDF takes a good part of a second, and the place is
    decided without holding the slot (or, on SQLite, the whole database) that long."""
    if slot.date <= timezone.localdate():
        raise ValidationError(_("Book from tomorrow on."))
    if Booking.objects.filter(slot=slot, user=user, status=Booking.Status.BOOKED).exists():
        raise ValidationError(_("You already have a place at this time."))
    taken = (
        Slot.objects.open()
        .filter(pk=slot.pk, booked__lt=F("capacity"))
        .update(booked=F("booked") + 1)
    )
    if not taken:
        _refuse_full_or_closed(slot)
    slot.refresh_from_db(fields=["booked"])
    # The update above holds the slot's row (PostgreSQL) or the database (SQLite) until
    # the commit, so no one else numbers a booking of this slot meanwhile.
    return Booking.objects.create(
        slot=slot, user=user, number=Booking.objects.filter(slot=slot).count() + 1
    )


def _issue_ticket(booking: Booking, event: str, *, retry: bool = True) -> bool:
    """Sign the booking's ticket (with its QR code) outside any transaction, then keep it
    on the booking and notify the person in a short one.

    The place is already taken and stays so: if signing fails, the failure is logged, a
    retry is enqueued (`retry_ticket`, once; the booking's page tries again on each
    view) and False is returned; the person's page says the ticket is being prepared."""
    slot, user = booking.slot, booking.user
    try:
        document = prepare_document(
            kind="ticket",
            template_key=TICKET_TEMPLATE,
            holder_name=user.display_name,
            facts=_facts(booking),
            issuer_office=slot.office,
            subject=booking,
            holder=user,
            valid_from=slot.date,
            valid_until=slot.date,
        )
    except Exception:  # any failure of signing or rendering: the booking must stand
        logger.exception("health ticket not signed", extra={"booking_id": booking.pk})
        if retry:
            retry_ticket.enqueue(booking.pk)
        return False
    with transaction.atomic():
        # Another try (the task, or the page) may have issued it meanwhile: one ticket.
        current = Booking.objects.select_for_update(of=("self",)).get(pk=booking.pk)
        if current.document_id is not None or current.status != Booking.Status.BOOKED:
            return False
        booking.document = do_save_document(document)
        booking.save(update_fields=["document"])
        notify(
            user,
            event,
            notification_context(booking),
            key=f"health-booking:{booking.pk}:{event.rsplit('_', 1)[-1]}",
        )
    return True


def ensure_ticket(booking: Booking) -> bool:
    """Issue the ticket of a booking whose signing failed (a later view, or the retry
    task); return True if the booking has its ticket now."""
    if booking.document_id is not None:
        return True
    if booking.status != Booking.Status.BOOKED or booking.slot.date < timezone.localdate():
        return False
    moved = Booking.objects.filter(moved_to=booking).exists()
    event = "health.appointment_moved" if moved else "health.appointment_booked"
    if not _issue_ticket(booking, event, retry=False):
        booking.refresh_from_db(fields=["document"])
    return booking.document_id is not None


@task()
def retry_ticket(booking_id: int) -> bool:
    """The worker's second try at a ticket whose signing failed."""
    booking = Booking.objects.select_related("slot__office", "user").filter(pk=booking_id).first()
    return booking is not None and ensure_ticket(booking)


def notification_context(booking: Booking) -> dict:
    """Where and when, never which service: notifications carry no health content."""
    slot = booking.slot
    return {
        "ticket": booking.ticket,
        "office": {"km": slot.office.name_km, "en": slot.office.name_en},
        "date": {"km": format_date(slot.date, "km"), "en": format_date(slot.date, "en")},
        "window": {"km": time_text(slot, "km"), "en": time_text(slot, "en")},
        "url": booking.get_absolute_url(),
        # For the calendar file attached to emails (health.calendar), not shown in text.
        "uid": str(booking.public_id),
        "starts": window_start(slot).isoformat(),
        "ends": window_end(slot).isoformat(),
    }


def window_start(slot: Slot) -> datetime.datetime:
    """When the slot begins: its exact time, or the start of its window."""
    if slot.starts_at is not None:
        return _at(slot.date, slot.starts_at)
    return _at(slot.date, datetime.time(WINDOW_HOURS[slot.window][0]))


def window_end(slot: Slot) -> datetime.datetime:
    """When the slot is over: its exact time plus its minutes, or the end of its window."""
    if slot.starts_at is not None:
        return window_start(slot) + datetime.timedelta(minutes=slot.minutes)
    return _at(slot.date, datetime.time(WINDOW_HOURS[slot.window][1]))


def _at(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time))


@transaction.atomic
def do_cancel(user, booking: Booking) -> Booking:
    """The person gives the place back; the ticket is revoked."""
    if booking.user_id != user.pk:
        raise PermissionDenied
    # Only the booking's row: PostgreSQL locks no row of an outer join (the ticket may be
    # missing).
    booking = (
        Booking.objects.select_for_update(of=("self",))
        .select_related("slot", "document")
        .get(pk=booking.pk)
    )
    if booking.status != Booking.Status.BOOKED:
        raise ValidationError(_("This appointment is no longer booked."))
    booking.status = Booking.Status.CANCELLED
    booking.save(update_fields=["status"])
    Slot.objects.filter(pk=booking.slot_id).update(booked=F("booked") - 1)
    if booking.document is not None:
        do_revoke_document(booking.document, by=user, reason="Appointment cancelled")
    log_action(
        user, "health.appointment_cancelled", booking, office=booking.slot.office_id, person=user
    )
    return booking


def moving_choices(booking: Booking, today: datetime.date | None = None) -> QuerySet[Slot]:
    """The other times of the same service at the same health centre, with a place left."""
    return (
        bookable_slots(booking.slot.office, today)
        .filter(service=booking.slot.service, booked__lt=F("capacity"))
        .exclude(pk=booking.slot_id)
    )


def do_reschedule(user, booking: Booking, slot: Slot) -> Booking:
    """Move the person's booking to another time of the same service and centre: the new
    place is taken, the old one freed and the old ticket revoked in one transaction, then
    a new ticket is signed (its number and QR certify the day and the time); return the
    new booking, or raise SlotFull and change nothing."""
    if booking.user_id != user.pk:
        raise PermissionDenied
    moved = _move(user, booking, slot)
    _issue_ticket(moved, "health.appointment_moved")
    return moved


@transaction.atomic
def _move(user, booking: Booking, slot: Slot) -> Booking:
    """The move itself, in one transaction; the new booking has no ticket yet."""
    booking = (
        Booking.objects.select_for_update(of=("self",))
        .select_related("slot__office", "document")
        .get(pk=booking.pk)
    )
    if booking.status != Booking.Status.BOOKED:
        raise ValidationError(_("This appointment is no longer booked."))
    if slot.office_id != booking.slot.office_id or slot.service != booking.slot.service:
        raise ValidationError(_("Choose another time of the same service at this health centre."))
    if slot.pk == booking.slot_id:
        raise ValidationError(_("This is already the time of your appointment."))
    # Both slots' rows in one order, so two people swapping times cannot deadlock.
    list(Slot.objects.select_for_update().filter(pk__in=[slot.pk, booking.slot_id]).order_by("pk"))
    moved = _take_place(user, slot)
    Slot.objects.filter(pk=booking.slot_id).update(booked=F("booked") - 1)
    booking.status = Booking.Status.MOVED
    booking.moved_to = moved
    booking.save(update_fields=["status", "moved_to"])
    if booking.document is not None:
        do_revoke_document(booking.document, by=user, reason="Appointment moved")
    log_action(
        user,
        "health.appointment_moved",
        moved,
        {"from_ticket": booking.ticket, "from_date": str(booking.slot.date)},
        office=slot.office_id,
        person=user,
    )
    return moved


def access_booking_for_person(user: User | AnonymousUser, public_id: UUID) -> Booking:
    """Return the person's own booking; 404 for anyone else."""
    booking = (
        Booking.objects.select_related("slot__office", "document")
        .filter(public_id=public_id, user_id=user.pk)
        .first()
        if user.is_authenticated
        else None
    )
    if booking is None:
        raise Http404
    return booking


def send_reminders(today: datetime.date | None = None) -> int:
    """Remind everyone booked for tomorrow (once each); return how many were reminded."""
    tomorrow = (today or timezone.localdate()) + datetime.timedelta(days=1)
    due = Booking.objects.filter(
        slot__date=tomorrow, status=Booking.Status.BOOKED, reminded_at__isnull=True
    ).select_related("slot__office", "user")
    count = 0
    for booking in due:
        with transaction.atomic():
            notify(
                booking.user,
                "health.appointment_reminder",
                notification_context(booking),
                key=f"health-booking:{booking.pk}:reminder",
            )
            booking.reminded_at = timezone.now()
            booking.save(update_fields=["reminded_at"])
            log_action(
                None,
                "health.appointment_reminded",
                booking,
                office=booking.slot.office_id,
                person=booking.user,
            )
        count += 1
    logger.info("health appointment reminders sent", extra={"count": count})
    return count
