"""The health centre's desk: today's appointments on a phone, checking people in by the
ticket they show (typed, or its QR code scanned), and marking who did not come once their
time is over, which frees the place.

Only the clinicians of the centre (its nurses, midwives and doctors) use the desk: the
list says who comes for which service, which is health data.
"""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Role
from accounts.officers import offices_of
from audit.log import log_action
from core.formatting import to_ascii_digits
from documents.codes import normalise_code
from geo.models import Facility
from health.booking import window_end
from health.models import Booking, Slot

DESK_ROLES = [Role.CLINICIAN]
ON_THE_LIST = [Booking.Status.BOOKED, Booking.Status.CHECKED_IN, Booking.Status.NO_SHOW]
TICKET = re.compile(r"^([MA])[-\s]*0*(\d{1,4})$")
EXACT_TICKET = re.compile(r"^(\d{1,2})[:.]?(\d{2})[-\s]+0*(\d{1,3})$")


def desk_offices(user) -> QuerySet[Facility]:
    return offices_of(user, roles=DESK_ROLES).order_by("name_en")


def access_desk_office(user, code: str) -> Facility:
    """Return the health centre whose desk the user keeps; 403 for anyone else."""
    office = desk_offices(user).filter(code=code).first()
    if office is None:
        raise PermissionDenied
    return office


def access_booking_for_desk(user, public_id) -> Booking:
    """Return a booking at a health centre whose desk the user keeps; 404 otherwise."""
    booking = (
        Booking.objects.select_related("slot__office", "user", "document")
        .filter(public_id=public_id, slot__office__in=desk_offices(user))
        .first()
    )
    if booking is None:
        raise Http404
    return booking


def day_list(office: Facility, day: datetime.date | None = None) -> QuerySet[Booking]:
    """The day's appointments at the centre, in the order people come: by time, then
    ticket number."""
    return (
        Booking.objects.filter(
            slot__office=office, slot__date=day or timezone.localdate(), status__in=ON_THE_LIST
        )
        .select_related("slot", "user")
        .order_by("slot__window", "slot__starts_at", "number", "slot__service")
    )


def find_tickets(office: Facility, typed: str, day: datetime.date | None = None) -> list[Booking]:
    """The day's bookings matching what the desk typed: a ticket number (M-007, m7, A 12;
    for an exact time 0820-01, 8:20-1) or the 16-character code printed under the
    ticket's QR code."""
    text = to_ascii_digits(typed).strip().upper()
    match = TICKET.match(text)
    bookings = day_list(office, day)
    if match:
        window = "morning" if match.group(1) == "M" else "afternoon"
        return list(
            bookings.filter(
                slot__window=window, slot__starts_at__isnull=True, number=int(match.group(2))
            )
        )
    exact = EXACT_TICKET.match(text)
    if exact:
        hour, minute, number = (int(part) for part in exact.groups())
        if hour > 23 or minute > 59:
            return []
        return list(bookings.filter(slot__starts_at=datetime.time(hour, minute), number=number))
    code = normalise_code(text)
    if code:
        return list(bookings.filter(document__code=code))
    return []


@transaction.atomic
def log_desk_view(user, office: Facility) -> None:
    """Opening the day's list is reading health data: audited."""
    log_action(user, "health.day_list_viewed", office, office=office)


def _locked(booking: Booking) -> Booking:
    return (
        Booking.objects.select_for_update(of=("self",))
        .select_related("slot__office", "user")
        .get(pk=booking.pk)
    )


@transaction.atomic
def do_check_in(actor, booking: Booking) -> Booking:
    """The person is at the desk with their ticket, on the day."""
    booking = _locked(booking)
    if booking.status == Booking.Status.CHECKED_IN:
        raise ValidationError(_("This ticket is already checked in."))
    if booking.status != Booking.Status.BOOKED:
        raise ValidationError(_("This ticket is no longer booked."))
    if booking.slot.date != timezone.localdate():
        raise ValidationError(_("This ticket is for another day."))
    booking.status = Booking.Status.CHECKED_IN
    booking.checked_in_at = timezone.now()
    booking.save(update_fields=["status", "checked_in_at"])
    log_action(
        actor,
        "health.appointment_checked_in",
        booking,
        office=booking.slot.office_id,
        person=booking.user,
    )
    return booking


def may_mark_no_show(booking: Booking, now: datetime.datetime | None = None) -> bool:
    """Once the booking's time is over, a person not checked in did not come."""
    return booking.status == Booking.Status.BOOKED and (now or timezone.now()) >= window_end(
        booking.slot
    )


@transaction.atomic
def do_mark_no_show(actor, booking: Booking) -> Booking:
    """Record that the person did not come; their place is given back to the slot."""
    booking = _locked(booking)
    if booking.status != Booking.Status.BOOKED:
        raise ValidationError(_("This ticket is no longer booked."))
    if not may_mark_no_show(booking):
        raise ValidationError(_("Wait until the end of this time before marking who did not come."))
    booking.status = Booking.Status.NO_SHOW
    booking.save(update_fields=["status"])
    Slot.objects.filter(pk=booking.slot_id).update(booked=F("booked") - 1)
    log_action(
        actor,
        "health.appointment_no_show",
        booking,
        office=booking.slot.office_id,
        person=booking.user,
    )
    return booking


def verification_actions(user, document) -> list[tuple[str, str]]:
    """What the ticket's QR code offers the centre's clinicians on the verification page:
    the booking at their desk, to check the person in."""
    booking = Booking.objects.filter(document=document, slot__office__in=desk_offices(user)).first()
    if booking is None:
        return []
    return [(str(CHECK_IN_LABEL), reverse("health:desk_booking", args=[booking.public_id]))]


CHECK_IN_LABEL = gettext_lazy("Open at the desk to check in")
