"""Exact-time slots (08:00, 08:20 ...) beside morning and afternoon windows: booking,
the ticket, the calendar file, moving, and the desk use the exact time."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from freezegun import freeze_time
from icalendar import Calendar

from health.booking import (
    SlotFull,
    do_book,
    do_reschedule,
    exact_times,
    notification_context,
    publish_exact_slots,
)
from health.models import Slot
from health.tests.factories import create_slot

pytestmark = pytest.mark.django_db

T = datetime.time


def tomorrow() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=1)


def publish(world, day=None, capacity=1):
    times = exact_times(T(8, 0), T(8, 40), 20)
    return publish_exact_slots(
        world.centre, "antenatal", day or tomorrow(), times, minutes=20, capacity=capacity
    )


def test_exact_times_are_published_beside_the_window(health_world):
    window = create_slot(health_world.centre, service="antenatal")
    slots = publish(health_world)
    assert [slot.starts_at for slot in slots] == [T(8, 0), T(8, 20), T(8, 40)]
    assert {slot.window for slot in slots} == {"morning"}
    assert publish(health_world) == slots  # publishing again changes nothing
    assert Slot.objects.filter(service="antenatal").count() == 4
    assert window in Slot.objects.filter(starts_at__isnull=True)
    afternoon = publish_exact_slots(
        health_world.centre, "antenatal", tomorrow(), [T(14, 20)], minutes=30
    )
    assert afternoon[-1].window == "afternoon"


def test_the_centres_page_offers_each_exact_time(client, health_world):
    publish(health_world)
    page = client.get(f"/en/health/appointments/{health_world.centre.code}/").content.decode()
    assert "08:00" in page and "08:20" in page and "08:40" in page
    khmer = client.get(f"/km/health/appointments/{health_world.centre.code}/").content.decode()
    assert "០៨:២០" in khmer


def test_booking_an_exact_time_gives_a_ticket_and_calendar_at_that_time(client, health_world):
    slot = publish(health_world)[1]
    client.force_login(health_world.citizen)
    client.post(f"/en/health/appointments/slots/{slot.pk}/book/")
    booking = slot.bookings.get()
    assert booking.ticket == "0820-01"
    assert "at 08:20" in booking.document.content and "ម៉ោង ០៨:២០" in booking.document.content
    page = client.get(booking.get_absolute_url()).content.decode()
    assert "0820-01" in page and "08:20" in page
    assert notification_context(booking)["window"]["en"] == "at 08:20"
    ics = client.get(f"{booking.get_absolute_url()}calendar.ics").content
    event = next(iter(Calendar.from_ical(ics).walk("VEVENT")))
    starts, ends = (timezone.localtime(event.decoded(name)) for name in ("dtstart", "dtend"))
    assert (starts.time(), ends.time()) == (T(8, 20), T(8, 40))
    with pytest.raises(SlotFull):  # one place at 08:20
        do_book(health_world.other_citizen, slot)


def test_moving_to_another_exact_time(client, health_world):
    first, second, _third = publish(health_world)
    booking = do_book(health_world.citizen, first)
    client.force_login(health_world.citizen)
    form = client.get(f"{booking.get_absolute_url()}move/").content.decode()
    assert "08:20" in form
    moved = do_reschedule(health_world.citizen, booking, second)
    assert moved.ticket == "0820-01"
    assert notification_context(moved)["starts"].startswith(f"{second.date}T08:20")


@pytest.mark.parametrize("typed", ["0820-01", "8:20-1", "08.20 1", "០៨២០-០១"])
def test_the_desk_lists_and_checks_in_by_the_exact_ticket(client, health_world, typed):
    slot = publish(health_world)[1]
    booking = do_book(health_world.citizen, slot)
    Slot.objects.filter(pk=slot.pk).update(date=timezone.localdate())
    client.force_login(health_world.clinician)
    desk = f"/en/health/office/appointments/{health_world.centre.code}/"
    page = client.get(desk).content.decode()
    assert "0820-01" in page and "08:20" in page
    response = client.post(desk, {"ticket": typed}, follow=True)
    assert "Ticket 0820-01 is checked in" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == "checked_in"


def test_a_no_show_at_an_exact_time_once_its_minutes_are_over(client, health_world):
    slot = publish(health_world)[1]
    booking = do_book(health_world.citizen, slot)
    Slot.objects.filter(pk=slot.pk).update(date=timezone.localdate())
    url = f"/en/health/office/appointments/tickets/{booking.public_id}/"
    at = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), T(8, 35)))
    with freeze_time(at):
        client.force_login(health_world.clinician)  # signed in at the desk then
        response = client.post(url, {"action": "no_show"}, follow=True)
        assert "Wait until the end of this time" in response.content.decode()
        booking.refresh_from_db()
        assert booking.status == "booked"  # 08:20 for 20 minutes: not over yet
    with freeze_time(at + datetime.timedelta(minutes=6)):
        client.force_login(health_world.clinician)
        client.post(url, {"action": "no_show"})
    booking.refresh_from_db()
    assert booking.status == "no_show"
