"""The appointment's calendar file: downloaded from the booking page, and attached to the
reminder email sent the day before (through a real SMTP server)."""

from __future__ import annotations

import pytest
from django.utils import timezone
from icalendar import Calendar

from health.booking import do_book, send_reminders
from health.tests.factories import create_slot
from notifications.tests.conftest import committed, smtp_server  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def event_of(data: bytes):
    [event] = Calendar.from_ical(data).walk("VEVENT")
    return event


def test_the_person_downloads_the_calendar_file(client, health_world):
    slot = create_slot(health_world.centre, window="afternoon")
    booking = do_book(health_world.citizen, slot)
    client.force_login(health_world.citizen)
    address = f"/km/health/appointments/bookings/{booking.public_id}/"
    assert f"{address}calendar.ics" in client.get(address).content.decode()
    response = client.get(f"{address}calendar.ics")
    assert response["Content-Type"].startswith("text/calendar")
    assert 'filename="appointment-A-001.ics"' in response["Content-Disposition"]
    event = event_of(response.content)
    starts, ends = (timezone.localtime(event.decoded(name)) for name in ("dtstart", "dtend"))
    assert (starts.date(), starts.hour, ends.hour) == (slot.date, 14, 17)
    assert b"DTSTART:" in response.content and b"Z\r\n" in response.content  # UTC
    assert str(event["summary"]) == "ការណាត់ជួបនៅមណ្ឌលសុខភាពស្លក្រាម សំបុត្រ A-001"
    english = client.get(
        f"/en/health/appointments/bookings/{booking.public_id}/calendar.ics"
    ).content
    assert (
        str(event_of(english)["summary"]) == "Appointment at Sla Kram Health Centre, ticket A-001"
    )
    assert "vaccination" not in english.decode().lower()


@pytest.mark.parametrize("persona", ["other_citizen", "clinician"])
def test_no_one_else_gets_it(client, health_world, persona):
    booking = do_book(health_world.citizen, create_slot(health_world.centre))
    client.force_login(getattr(health_world, persona))
    assert client.get(f"{booking.get_absolute_url()}calendar.ics").status_code == 404


def test_the_reminder_email_carries_the_calendar_file(health_world, smtp_server, committed):  # noqa: F811
    health_world.citizen.preferred_language = "km"
    health_world.citizen.save()
    slot = create_slot(health_world.centre)
    with committed():
        booking = do_book(health_world.citizen, slot)
    before = len(smtp_server.messages)
    with committed():
        assert send_reminders() == 1
    reminder = smtp_server.messages[before]
    assert "រំលឹក" in reminder["Subject"]
    [attachment] = [part for part in reminder.iter_attachments()]
    assert attachment.get_filename() == "appointment-M-001.ics"
    assert attachment.get_content_type() == "text/calendar"
    event = event_of(attachment.get_payload(decode=True))
    starts = timezone.localtime(event.decoded("dtstart"))
    assert (starts.date(), starts.hour) == (slot.date, 7)
    assert str(event["uid"]).startswith(str(booking.public_id))
    text = reminder.get_body(("plain",)).get_content()
    assert "M-001" in text and "វ៉ាក់សាំង" not in text and "vaccination" not in text.lower()
