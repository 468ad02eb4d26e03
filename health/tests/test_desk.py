"""The health centre's desk: today's list, checking in by the typed ticket or the QR code,
no-shows after the time that free the place; only the centre's clinicians."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from freezegun import freeze_time

from audit.models import AuditEntry
from health.desk import do_mark_no_show
from health.models import Booking
from health.tests.factories import booked_for_today

pytestmark = pytest.mark.django_db


def desk_url(world) -> str:
    return f"/en/health/office/appointments/{world.centre.code}/"


def local(hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time(hour)))


def test_the_clinician_sees_todays_list_and_opening_it_is_audited(client, health_world):
    booking = booked_for_today(health_world.citizen, health_world.centre)
    client.force_login(health_world.clinician)
    response = client.get("/en/health/office/appointments/")
    assert response["Location"] == desk_url(health_world)
    page = client.get(desk_url(health_world)).content.decode()
    assert "M-001" in page and health_world.citizen.display_name in page
    assert "Vaccination" in page
    entry = AuditEntry.objects.get(action="health.day_list_viewed")
    assert entry.actor == health_world.clinician
    assert booking.public_id  # the list links each ticket
    assert f"/en/health/office/appointments/tickets/{booking.public_id}/" in page


@pytest.mark.parametrize("typed", ["M-001", "m1", " M 001 ", "M-០០១"])
def test_typing_the_ticket_checks_the_person_in(client, health_world, typed):
    booking = booked_for_today(health_world.citizen, health_world.centre)
    client.force_login(health_world.clinician)
    response = client.post(desk_url(health_world), {"ticket": typed}, follow=True)
    assert "Ticket M-001 is checked in" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == "checked_in" and booking.checked_in_at is not None
    entry = AuditEntry.objects.get(action="health.appointment_checked_in")
    assert (entry.actor, entry.person) == (health_world.clinician, health_world.citizen)
    client.force_login(health_world.citizen)
    assert "Checked in" in client.get(booking.get_absolute_url()).content.decode()


def test_the_code_under_the_qr_code_checks_in_too(client, health_world):
    booking = booked_for_today(health_world.citizen, health_world.centre)
    client.force_login(health_world.clinician)
    client.post(desk_url(health_world), {"ticket": booking.document.display_code.lower()})
    booking.refresh_from_db()
    assert booking.status == "checked_in"


def test_an_unknown_ticket_says_so_and_keeps_what_was_typed(client, health_world):
    booked_for_today(health_world.citizen, health_world.centre)
    client.force_login(health_world.clinician)
    response = client.post(desk_url(health_world), {"ticket": "M-042"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "No ticket with this number today" in page and 'value="M-042"' in page
    assert Booking.objects.get().status == "booked"


def test_the_same_number_in_two_services_asks_which(client, health_world):
    first = booked_for_today(health_world.citizen, health_world.centre)
    second = booked_for_today(health_world.other_citizen, health_world.centre, service="antenatal")
    client.force_login(health_world.clinician)
    response = client.post(desk_url(health_world), {"ticket": "M-001"})
    page = response.content.decode()
    assert "Tickets with this number" in page
    assert health_world.citizen.display_name in page
    assert health_world.other_citizen.display_name in page
    client.post(
        f"/en/health/office/appointments/tickets/{second.public_id}/", {"action": "check_in"}
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("booked", "checked_in")


def test_a_ticket_for_another_day_is_not_checked_in(client, health_world):
    from health.booking import do_book
    from health.tests.factories import create_slot

    booking = do_book(health_world.citizen, create_slot(health_world.centre))
    client.force_login(health_world.clinician)
    response = client.post(
        f"/en/health/office/appointments/tickets/{booking.public_id}/",
        {"action": "check_in"},
        follow=True,
    )
    assert "This ticket is for another day" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == "booked"


def test_a_no_show_after_the_time_frees_the_place(client, health_world):
    booking = booked_for_today(health_world.citizen, health_world.centre)
    url = f"/en/health/office/appointments/tickets/{booking.public_id}/"
    with freeze_time(local(10)):
        client.force_login(health_world.clinician)  # signed in then: sessions expire
        page = client.get(url)
        assert page.status_code == 200 and "Did not come" not in page.content.decode()
        client.post(url, {"action": "no_show"})
        booking.refresh_from_db()
        assert booking.status == "booked"
    with freeze_time(local(12)):
        # Two idle hours end an officer's session: the clinician signs in again.
        client.force_login(health_world.clinician)
        assert "Did not come: free the place" in client.get(url).content.decode()
        client.post(url, {"action": "no_show"})
    booking.refresh_from_db()
    booking.slot.refresh_from_db()
    assert booking.status == "no_show" and booking.slot.booked == 0
    entry = AuditEntry.objects.get(action="health.appointment_no_show")
    assert (entry.actor, entry.person) == (health_world.clinician, health_world.citizen)


def test_a_checked_in_person_is_never_a_no_show(health_world):
    from health.desk import do_check_in

    booking = do_check_in(
        health_world.clinician, booked_for_today(health_world.citizen, health_world.centre)
    )
    with freeze_time(local(18)), pytest.raises(Exception, match="no longer booked"):
        do_mark_no_show(health_world.clinician, booking)


@pytest.mark.parametrize(
    ("persona", "ticket_status"),
    # Another centre's clinician keeps a desk, just not this one's: its tickets are not
    # found. Everyone else keeps no desk at all.
    [("other_clinician", 404), ("citizen", 403), ("ministry", 403), ("admin", 403)],
)
def test_only_the_centres_clinicians_keep_its_desk(client, health_world, persona, ticket_status):
    booking = booked_for_today(health_world.citizen, health_world.centre)
    client.force_login(getattr(health_world, persona))
    assert client.get(desk_url(health_world)).status_code == 403
    assert client.post(desk_url(health_world), {"ticket": "M-001"}).status_code == 403
    url = f"/en/health/office/appointments/tickets/{booking.public_id}/"
    assert client.get(url).status_code == ticket_status
    assert client.post(url, {"action": "check_in"}).status_code == ticket_status
    booking.refresh_from_db()
    assert booking.status == "booked"
    assert not AuditEntry.objects.filter(action="health.day_list_viewed").exists()


def test_signed_out_the_desk_asks_to_sign_in(client, health_world):
    assert "/account/sign-in/" in client.get(desk_url(health_world))["Location"]


def test_the_tickets_qr_code_leads_the_centres_clinician_to_the_check_in(client, health_world):
    booking = booked_for_today(health_world.citizen, health_world.centre)
    verify = f"/en/verify/{booking.document.code}/"
    check_in = f"/en/health/office/appointments/tickets/{booking.public_id}/"
    assert check_in not in client.get(verify).content.decode()
    client.force_login(health_world.other_clinician)
    assert check_in not in client.get(verify).content.decode()
    client.force_login(health_world.clinician)
    page = client.get(verify).content.decode()
    assert check_in in page and "Open at the desk to check in" in page
    assert "Check in" in client.get(check_in).content.decode()


def test_the_days_list_offers_did_not_come_once_the_time_is_over(client, health_world):
    morning = booked_for_today(health_world.citizen, health_world.centre)
    afternoon = booked_for_today(
        health_world.other_citizen, health_world.centre, window="afternoon"
    )
    with freeze_time(local(10)):
        client.force_login(health_world.clinician)
        page = client.get(desk_url(health_world)).content.decode()
        assert page.count('value="check_in"') == 2 and 'value="no_show"' not in page
    with freeze_time(local(12)):
        client.force_login(health_world.clinician)
        page = client.get(desk_url(health_world)).content.decode()
        assert page.count('value="no_show"') == 1  # the morning's, not the afternoon's
        assert "Did not come" in page
        response = client.post(
            f"/en/health/office/appointments/tickets/{morning.public_id}/",
            {"action": "no_show"},
            follow=True,
        )
    assert response.redirect_chain[-1][0] == desk_url(health_world)
    assert "did not come; the place is free again" in response.content.decode()
    morning.refresh_from_db()
    afternoon.refresh_from_db()
    assert (morning.status, afternoon.status) == ("no_show", "booked")
