"""When signing the ticket fails after the place is taken, the booking stands: the page
says the ticket is being prepared (no error page), and the next try issues it."""

from __future__ import annotations

import pytest

from documents.issuing import prepare_document
from health.booking import do_book, do_reschedule, retry_ticket
from health.models import Booking
from health.tests.factories import create_slot
from notifications.models import Notification

pytestmark = pytest.mark.django_db

PREPARING = {
    "en": "Your ticket is being prepared",
    "km": "សំបុត្ររបស់អ្នកកំពុងរៀបចំ",
}


@pytest.fixture
def signing_fails(monkeypatch):
    """Make every signing fail (a missing key, a broken PDF renderer) until undone."""
    calls = []

    def broken(**kwargs):
        calls.append(kwargs)
        raise OSError("the signing key cannot be read")

    monkeypatch.setattr("health.booking.prepare_document", broken)
    return calls


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_booking_stands_and_the_next_view_issues_the_ticket(
    client, health_world, signing_fails, monkeypatch, language
):
    slot = create_slot(health_world.centre, capacity=1)
    client.force_login(health_world.citizen)
    response = client.post(f"/{language}/health/appointments/slots/{slot.pk}/book/", follow=True)
    assert response.status_code == 200
    booking = Booking.objects.get()
    assert booking.status == "booked" and booking.document is None
    slot.refresh_from_db()
    assert slot.booked == 1  # the place is held
    assert PREPARING[language] in response.content.decode()
    assert len(signing_fails) >= 2  # the retry task tried once more
    assert not Notification.objects.filter(recipient=health_world.citizen).exists()

    monkeypatch.setattr("health.booking.prepare_document", prepare_document)  # fixed
    page = client.get(booking.get_absolute_url()).content.decode()
    booking.refresh_from_db()
    assert booking.document is not None and booking.document.kind == "ticket"
    assert PREPARING[language] not in page
    assert booking.document.code in page
    notice = Notification.objects.get(recipient=health_world.citizen)
    assert notice.event == "health.appointment_booked"
    client.get(booking.get_absolute_url())
    assert Booking.objects.get().document == booking.document  # one ticket, not two


def test_the_retry_task_issues_the_ticket(health_world, signing_fails, monkeypatch):
    booking = do_book(health_world.citizen, create_slot(health_world.centre))
    assert booking.document is None
    monkeypatch.setattr("health.booking.prepare_document", prepare_document)
    retry_ticket.call(booking.pk)
    booking.refresh_from_db()
    assert booking.document is not None
    assert retry_ticket.call(booking.pk) is True  # nothing more to do


def test_a_moved_booking_without_its_ticket_gets_it_with_the_moved_message(
    health_world, signing_fails, monkeypatch
):
    monkeypatch.setattr("health.booking.prepare_document", prepare_document)
    first = do_book(health_world.citizen, create_slot(health_world.centre))
    monkeypatch.setattr("health.booking.prepare_document", lambda **kwargs: 1 / 0)
    moved = do_reschedule(
        health_world.citizen, first, create_slot(health_world.centre, window="afternoon")
    )
    first.refresh_from_db()
    assert first.status == "moved" and first.document.revoked_at is not None
    assert moved.status == "booked" and moved.document is None
    monkeypatch.setattr("health.booking.prepare_document", prepare_document)
    retry_ticket.call(moved.pk)
    assert Notification.objects.filter(
        recipient=health_world.citizen, event="health.appointment_moved"
    ).exists()
