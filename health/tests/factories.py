"""Plain factory functions for the health tests."""

from __future__ import annotations

import datetime

from django.utils import timezone

from health.booking import do_book
from health.models import Booking, Screening, Slot
from health.questions import do_ask_question
from health.triage import do_copy_table, do_publish_table, published_table


def create_screening(group: str = "child", outcome: str = "clear") -> Screening:
    return Screening.objects.create(table=published_table(), group=group, outcome=outcome)


def create_question(user, office, **fields):
    fields.setdefault("screening", create_screening())
    fields.setdefault("who", "child")
    fields.setdefault("age_years", 3)
    fields.setdefault("symptoms", "Cough and a runny nose for three days.")
    fields.setdefault("since", "three days")
    return do_ask_question(user, office=office, **fields)


def publish_new_version(ministry_officer):
    """Copy the published table into a new version and publish it (the old one retires)."""
    return do_publish_table(ministry_officer, do_copy_table(ministry_officer, published_table()))


def create_slot(office, capacity: int = 2, **fields) -> Slot:
    """A slot tomorrow morning (booking opens from tomorrow on)."""
    fields.setdefault("date", timezone.localdate() + datetime.timedelta(days=1))
    fields.setdefault("window", "morning")
    fields.setdefault("service", "vaccination")
    return Slot.objects.create(office=office, capacity=capacity, **fields)


def booked_for_today(user, office, **fields) -> Booking:
    """A booking made yesterday for today: booked for tomorrow, then the day came."""
    slot = create_slot(office, **fields)
    booking = do_book(user, slot)
    Slot.objects.filter(pk=slot.pk).update(date=timezone.localdate())
    booking.slot.refresh_from_db()
    return booking
