"""A centre that books antenatal care at exact times: the mother, signed out at first,
books 08:20; signing her ticket fails for a moment, and the page says the ticket is being
prepared, then shows it; at the desk the midwife marks, from the day's list, who did not
come to an earlier time. Khmer and English, at phone width."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from accounts.tests.factories import PASSWORD
from cases.tests.test_browser_confirming import sign_in_with_second_factor
from core.testing import PHONE
from documents.issuing import prepare_document
from health.booking import do_book, exact_times, publish_exact_slots
from health.models import Booking
from health.tests.test_browser_danger_signs import check

pytestmark = pytest.mark.browser

SIGN_IN_TO_BOOK = {"en": "Sign in to book", "km": "ចូលគណនីដើម្បីកក់"}
PREPARING = {"en": "Your ticket is being prepared", "km": "សំបុត្ររបស់អ្នកកំពុងរៀបចំ"}
DOWNLOAD = {"en": "Download the ticket (PDF)", "km": "ទាញយកសំបុត្រ (PDF)"}
DID_NOT_COME = {"en": "Did not come", "km": "មិនបានមក"}
FREED = {"en": "did not come; the place is free again", "km": "មិនបានមក។ កន្លែងនេះទំនេរវិញហើយ"}


def broken_signing(**kwargs):
    raise OSError("the signing key cannot be read")


@pytest.mark.parametrize("language", ["km", "en"])
def test_an_exact_time_booked_while_signing_fails_then_a_no_show_at_the_desk(
    new_page, health_world, monkeypatch, language
):
    now = timezone.localtime()
    earlier = now - datetime.timedelta(minutes=40)
    if earlier.date() != now.date():
        pytest.skip("just after midnight no earlier time of today is over")
    centre = health_world.centre
    tomorrow = now.date() + datetime.timedelta(days=1)
    slots = publish_exact_slots(
        centre,
        "antenatal",
        tomorrow,
        exact_times(datetime.time(8), datetime.time(9), 20),
        minutes=20,
    )
    # Someone booked an earlier time today and did not come.
    past = publish_exact_slots(
        centre, "antenatal", tomorrow, [earlier.time().replace(second=0, microsecond=0)], minutes=20
    )[0]
    absent = do_book(health_world.other_citizen, past)
    type(past).objects.filter(pk=past.pk).update(date=now.date())

    monkeypatch.setattr("health.booking.prepare_document", broken_signing)
    mother = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    mother.goto(f"/{language}/health/appointments/{centre.code}/")
    assert ("08:20" if language == "en" else "០៨:២០") in mother.content()
    check(mother, f"health-exact-times-{language}")
    mother.get_by_role("link", name=SIGN_IN_TO_BOOK[language]).first.click()
    mother.wait_for_load_state()
    form = mother.locator("form:has(input[name=password])")
    form.locator("input[name=login]").fill("dara")
    form.locator("input[name=password]").fill(PASSWORD)
    with mother.expect_navigation():
        form.locator("[type=submit]").click()
    with mother.expect_navigation():
        mother.locator(f"form[action$='/slots/{slots[1].pk}/book/'] button").click()
    assert PREPARING[language] in mother.content()
    assert "0820-01" in mother.content()
    check(mother, f"health-booking-ticket-preparing-{language}")

    monkeypatch.setattr("health.booking.prepare_document", prepare_document)  # fixed
    with mother.expect_navigation(timeout=60_000):
        mother.reload()
    assert mother.get_by_role("link", name=DOWNLOAD[language]).is_visible()
    assert PREPARING[language] not in mother.content()
    check(mother, f"health-booking-exact-time-{language}")

    midwife = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    sign_in_with_second_factor(midwife, health_world.clinician, language)
    midwife.goto(f"/{language}/health/office/appointments/{centre.code}/")
    check(midwife, f"health-desk-did-not-come-{language}")
    with midwife.expect_navigation():
        midwife.get_by_role("button", name=f"{DID_NOT_COME[language]} {absent.ticket}").click()
    assert FREED[language] in midwife.content()
    absent.refresh_from_db()
    assert absent.status == Booking.Status.NO_SHOW
