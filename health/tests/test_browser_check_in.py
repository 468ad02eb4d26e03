"""A parent books, moves the visit to the afternoon, and is checked in at the desk: the
parent starts signed out at the health page; on the day, the midwife signs in on her
phone with her second factor, types the ticket and checks the parent in; the parent's
ticket then shows it. Khmer and English, at phone width."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from accounts.tests.factories import PASSWORD
from cases.tests.test_browser_confirming import sign_in_with_second_factor
from core.testing import PHONE
from health.models import Booking, Slot
from health.tests.test_browser_danger_signs import check

pytestmark = pytest.mark.browser

BOOK = {"en": "Book a visit to a health centre", "km": "កក់ពេលទៅមណ្ឌលសុខភាព"}
SIGN_IN_TO_BOOK = {"en": "Sign in to book", "km": "ចូលគណនីដើម្បីកក់"}
MOVE = {"en": "Change the day or time", "km": "ប្ដូរថ្ងៃ ឬពេល"}
CHECKED_IN = {"en": "Ticket A-001 is checked in", "km": "សំបុត្រ A-001 បានចុះឈ្មោះមកដល់"}
ATTENDED = {"en": "Checked in", "km": "បានមកដល់"}


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_booking_moved_then_checked_in_at_the_desk(new_page, health_world, language):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    morning, afternoon = (
        Slot.objects.create(
            office=health_world.centre,
            service="vaccination",
            date=tomorrow,
            window=window,
            capacity=20,
        )
        for window in ("morning", "afternoon")
    )
    parent = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    parent.goto(f"/{language}/health/")
    parent.get_by_role("link", name=BOOK[language]).click()
    parent.wait_for_load_state()
    centre = health_world.centre
    parent.get_by_role("link", name=centre.name_en if language == "en" else centre.name_km).click()
    parent.wait_for_load_state()
    parent.get_by_role("link", name=SIGN_IN_TO_BOOK[language]).first.click()
    parent.wait_for_load_state()
    form = parent.locator("form:has(input[name=password])")
    form.locator("input[name=login]").fill("dara")
    form.locator("input[name=password]").fill(PASSWORD)
    with parent.expect_navigation():
        form.locator("[type=submit]").click()
    with parent.expect_navigation(timeout=60_000):  # signs and renders the ticket's PDF
        parent.locator(f"form[action$='/slots/{morning.pk}/book/'] button").click()
    assert "M-001" in parent.content()

    parent.get_by_role("link", name=MOVE[language]).click()
    parent.wait_for_load_state()
    check(parent, f"health-move-{language}")
    parent.locator("main form button[type=submit]").click()  # nothing chosen: an error
    parent.wait_for_load_state()
    assert parent.locator(".error-summary").is_visible()
    parent.locator(f"input[name=slot][value='{afternoon.pk}']").check()
    with parent.expect_navigation(timeout=60_000):
        parent.locator("main form button[type=submit]").click()
    moved = Booking.objects.get(status="booked")
    assert parent.url.endswith(moved.get_absolute_url()[4:])
    assert "A-001" in parent.content()
    assert parent.locator("main a[href$='calendar.ics']").is_visible()
    check(parent, f"health-booking-moved-{language}")

    Slot.objects.filter(pk=afternoon.pk).update(date=timezone.localdate())  # the day comes
    midwife = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    sign_in_with_second_factor(midwife, health_world.clinician, language)
    midwife.goto(f"/{language}/health/office/appointments/")
    assert midwife.url.endswith(f"/{language}/health/office/appointments/{centre.code}/")
    assert "A-001" in midwife.content()
    check(midwife, f"health-desk-{language}")
    midwife.locator("input[name=ticket]").fill("a1")
    with midwife.expect_navigation():
        midwife.locator("main form:has(input[name=ticket]) button[type=submit]").click()
    assert CHECKED_IN[language] in midwife.content()
    check(midwife, f"health-desk-checked-in-{language}")
    midwife.goto(f"/{language}/health/office/appointments/tickets/{moved.public_id}/")
    check(midwife, f"health-desk-ticket-{language}")

    parent.reload()
    assert parent.get_by_text(ATTENDED[language], exact=True).is_visible()
    assert Booking.objects.get(pk=moved.pk).status == "checked_in"
