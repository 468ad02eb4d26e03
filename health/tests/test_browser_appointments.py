"""A parent books a vaccination at a health centre: signed out at the health page, signs
in to book, gets the ticket, downloads it, checks it and cancels; Khmer and English at
phone width."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from accounts.tests.factories import PASSWORD
from core.testing import PHONE
from health.models import Booking, Slot
from health.tests.test_browser_danger_signs import check

pytestmark = pytest.mark.browser

BOOK = {"en": "Book a visit to a health centre", "km": "កក់ពេលទៅមណ្ឌលសុខភាព"}
SIGN_IN_TO_BOOK = {"en": "Sign in to book", "km": "ចូលគណនីដើម្បីកក់"}
VALID = {"en": "This document is valid", "km": "ឯកសារនេះមានសុពលភាព"}


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_parent_books_gets_the_ticket_and_cancels(new_page, health_world, language):
    slot = Slot.objects.create(
        office=health_world.centre,
        service="vaccination",
        date=timezone.localdate() + datetime.timedelta(days=2),
        window="morning",
        capacity=20,
    )
    page = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    page.goto(f"/{language}/health/")
    page.get_by_role("link", name=BOOK[language]).click()
    page.wait_for_load_state()
    check(page, f"health-appointments-{language}")
    centre = health_world.centre
    page.get_by_role("link", name=centre.name_en if language == "en" else centre.name_km).click()
    page.wait_for_load_state()
    check(page, f"health-slots-signed-out-{language}")
    page.get_by_role("link", name=SIGN_IN_TO_BOOK[language]).first.click()
    page.wait_for_load_state()
    form = page.locator("form:has(input[name=password])")
    form.locator("input[name=login]").fill("dara")
    form.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        form.locator("[type=submit]").click()
    assert page.url.endswith(f"/{language}/health/appointments/{health_world.centre.code}/")
    # Booking signs and renders the ticket's PDF before answering: allow it time.
    with page.expect_navigation(timeout=60_000):
        page.locator(f"form[action$='/slots/{slot.pk}/book/'] button").click()
    booking = Booking.objects.get()
    assert page.url.endswith(f"/{language}/health/appointments/bookings/{booking.public_id}/")
    assert "M-001" in page.content()
    check(page, f"health-booking-{language}")
    with page.expect_download() as download:
        page.locator("main a[href$='/pdf/']").click()
    assert download.value.path().read_bytes().startswith(b"%PDF")
    page.locator("main a[href*='/verify/']").click()
    page.wait_for_load_state()
    assert re.search(VALID[language], page.content())
    page.go_back()
    page.locator("main form button.button--warning").click()
    page.wait_for_load_state()
    assert Booking.objects.get().status == "cancelled"
    check(page, f"health-booking-cancelled-{language}")
