"""Moving an appointment to another day or time: the new place and the old one change in
one transaction, a new ticket replaces the old, audited and notified."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from audit.models import AuditEntry
from health.booking import SlotFull, do_book, do_reschedule
from health.models import Booking, Slot
from health.tests.factories import create_slot
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def later(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def test_a_citizen_moves_the_appointment_and_gets_a_new_ticket(client, health_world):
    old_slot = create_slot(health_world.centre, capacity=1)
    new_slot = create_slot(health_world.centre, date=later(3), window="afternoon")
    other_service = create_slot(health_world.centre, date=later(3), service="antenatal")
    booking = do_book(health_world.citizen, old_slot)
    client.force_login(health_world.citizen)
    assert (
        booking.get_absolute_url() + "move/"
        in client.get(booking.get_absolute_url()).content.decode()
    )
    form = client.get(booking.get_absolute_url() + "move/").content.decode()
    assert f'value="{new_slot.pk}"' in form and f'value="{other_service.pk}"' not in form
    response = client.post(booking.get_absolute_url() + "move/", {"slot": new_slot.pk})
    moved = Booking.objects.get(slot=new_slot)
    assert response["Location"] == moved.get_absolute_url()
    booking.refresh_from_db()
    assert (booking.status, booking.moved_to) == ("moved", moved)
    assert booking.document.is_revoked and not moved.document.is_revoked
    assert moved.ticket == "A-001" and moved.document.valid_until == later(3)
    assert Slot.objects.get(pk=old_slot.pk).booked == 0
    assert Slot.objects.get(pk=new_slot.pk).booked == 1
    entry = AuditEntry.objects.get(action="health.appointment_moved")
    assert entry.data["from_ticket"] == "M-001"
    notice = Notification.objects.get(event="health.appointment_moved")
    assert notice.context["ticket"] == "A-001"
    assert "antenatal" not in str(notice.context).lower()
    old_page = client.get(booking.get_absolute_url()).content.decode()
    assert "Moved to another time" in old_page and moved.get_absolute_url() in old_page
    # The freed place can be booked again.
    do_book(health_world.other_citizen, old_slot)


def test_moving_to_a_full_time_changes_nothing(client, health_world):
    old_slot = create_slot(health_world.centre)
    full = create_slot(health_world.centre, date=later(2), capacity=1)
    do_book(health_world.other_citizen, full)
    booking = do_book(health_world.citizen, old_slot)
    with pytest.raises(SlotFull):
        do_reschedule(health_world.citizen, booking, full)
    booking.refresh_from_db()
    assert booking.status == "booked" and not booking.document.is_revoked
    assert (Slot.objects.get(pk=old_slot.pk).booked, Slot.objects.get(pk=full.pk).booked) == (1, 1)
    assert Booking.objects.filter(slot=full).count() == 1


def test_the_form_says_when_the_time_was_taken_meanwhile(client, health_world):
    booking = do_book(health_world.citizen, create_slot(health_world.centre))
    target = create_slot(health_world.centre, date=later(2), capacity=1)
    client.force_login(health_world.citizen)
    do_book(health_world.other_citizen, target)  # between showing the form and sending it
    response = client.post(booking.get_absolute_url() + "move/", {"slot": target.pk})
    assert response.status_code == 400
    assert "This time can no longer be chosen" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == "booked"


def test_another_service_or_centre_is_refused(health_world):
    booking = do_book(health_world.citizen, create_slot(health_world.centre))
    for slot in (
        create_slot(health_world.centre, date=later(2), service="antenatal"),
        create_slot(health_world.other_centre, date=later(2)),
    ):
        with pytest.raises(Exception, match="same service"):
            do_reschedule(health_world.citizen, booking, slot)


@pytest.mark.parametrize("persona", ["other_citizen", "clinician", "admin"])
def test_only_the_person_moves_their_appointment(client, health_world, persona):
    booking = do_book(health_world.citizen, create_slot(health_world.centre))
    target = create_slot(health_world.centre, date=later(2))
    client.force_login(getattr(health_world, persona))
    assert client.get(booking.get_absolute_url() + "move/").status_code == 404
    assert client.post(booking.get_absolute_url() + "move/", {"slot": target.pk}).status_code == 404
    assert Booking.objects.get().status == "booked"


def test_a_cancelled_appointment_cannot_be_moved(client, health_world):
    booking = do_book(health_world.citizen, create_slot(health_world.centre))
    target = create_slot(health_world.centre, date=later(2))
    client.force_login(health_world.citizen)
    client.post(booking.get_absolute_url())  # cancel
    response = client.post(booking.get_absolute_url() + "move/", {"slot": target.pk})
    assert response["Location"] == booking.get_absolute_url()
    assert Slot.objects.get(pk=target.pk).booked == 0
