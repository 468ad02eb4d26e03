"""A health centre publishes a week of morning windows and a citizen books one: the
clinician starts signed out at the health page, signs in with the second factor, is
refused a capacity of 0 with the form kept, publishes the week; the citizen, in another
browser, starts signed out, signs in to book and gets a ticket; the clinician sees the
place taken. Khmer and English, at phone width."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from accounts.tests.factories import PASSWORD
from core.testing import PHONE
from health.models import Booking, Slot
from health.tests.test_browser_danger_signs import check
from health.tests.test_browser_questions import sign_in_with_second_factor

pytestmark = pytest.mark.browser

TIMETABLE = {"en": "Appointment times of your health centre", "km": "ពេលណាត់ជួបនៃមណ្ឌលសុខភាពរបស់អ្នក"}
WINDOWS = {"en": "Publish morning or afternoon windows", "km": "ផ្សព្វផ្សាយវេនពេលព្រឹក ឬពេលរសៀល"}
EXACT = {"en": "Publish exact times", "km": "ផ្សព្វផ្សាយម៉ោងជាក់លាក់"}
PLACES = {"en": "Enter a number of places from 1 to 200.", "km": "សូមបញ្ចូលចំនួនកន្លែងពី ១ ដល់ ២០០។"}
PUBLISHED = {"en": "7 times published.", "km": "បានផ្សព្វផ្សាយពេលចំនួន ៧។"}
BOOK = {"en": "Book a visit to a health centre", "km": "កក់ពេលទៅមណ្ឌលសុខភាព"}
SIGN_IN_TO_BOOK = {"en": "Sign in to book", "km": "ចូលគណនីដើម្បីកក់"}
ONE_TAKEN = {"en": "1 of 20", "km": "១ ក្នុងចំណោម ២០"}
CHANGE = {"en": "Change or close", "km": "ប្ដូរ ឬបិទ"}


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_centre_publishes_a_week_of_mornings_and_a_citizen_books_one(
    new_page, health_world, language
):
    phone = {"width": PHONE.width, "height": PHONE.height}
    officer = new_page(viewport=phone)
    officer.goto(f"/{language}/health/")
    assert not officer.get_by_role("link", name=TIMETABLE[language]).count()
    sign_in_with_second_factor(officer, health_world.clinician, language)
    officer.goto(f"/{language}/health/")
    officer.get_by_role("link", name=TIMETABLE[language]).click()
    officer.wait_for_load_state()
    assert officer.url.endswith(f"/office/timetable/{health_world.centre.code}/")
    check(officer, f"health-timetable-empty-{language}")
    officer.get_by_role("link", name=EXACT[language]).click()
    officer.wait_for_load_state()
    check(officer, f"health-timetable-exact-{language}")
    officer.go_back()
    officer.get_by_role("link", name=WINDOWS[language]).click()
    officer.wait_for_load_state()
    check(officer, f"health-timetable-windows-{language}")

    form = officer.locator("main form[method=post]")
    form.locator("input[name=service][value=vaccination]").check()
    for weekday in ("5", "6"):  # Monday to Friday are ticked already: the whole week
        form.locator(f"input[name=weekdays][value='{weekday}']").check()
    form.locator("input[name=windows][value=morning]").check()
    form.locator("input[name=capacity]").fill("0")
    with officer.expect_navigation():
        form.locator("button[type=submit]").click()
    assert officer.locator(".error-summary").get_by_text(PLACES[language]).is_visible()
    assert form.locator("input[name=weekdays][value='6']").is_checked()  # the form is kept
    assert Slot.objects.count() == 0
    check(officer, f"health-timetable-windows-refused-{language}")
    form.locator("input[name=capacity]").fill("20")
    with officer.expect_navigation():
        form.locator("button[type=submit]").click()
    assert officer.get_by_text(PUBLISHED[language]).is_visible()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    days = sorted(Slot.objects.values_list("date", flat=True))
    assert days == [tomorrow + datetime.timedelta(days=n) for n in range(7)]
    check(officer, f"health-timetable-week-{language}")

    citizen = new_page(viewport=phone)
    citizen.goto(f"/{language}/health/")
    citizen.get_by_role("link", name=BOOK[language]).click()
    citizen.wait_for_load_state()
    centre = health_world.centre
    citizen.get_by_role("link", name=centre.name_en if language == "en" else centre.name_km).click()
    citizen.wait_for_load_state()
    citizen.get_by_role("link", name=SIGN_IN_TO_BOOK[language]).first.click()
    citizen.wait_for_load_state()
    sign_in = citizen.locator("form:has(input[name=password])")
    sign_in.locator("input[name=login]").fill("dara")
    sign_in.locator("input[name=password]").fill(PASSWORD)
    with citizen.expect_navigation():
        sign_in.locator("[type=submit]").click()
    first = Slot.objects.get(date=tomorrow)
    # Booking signs and renders the ticket's PDF before answering: allow it time.
    with citizen.expect_navigation(timeout=60_000):
        citizen.locator(f"form[action$='/slots/{first.pk}/book/'] button").click()
    booking = Booking.objects.get()
    assert booking.slot == first and "M-001" in citizen.content()

    officer.reload()
    assert officer.get_by_text(ONE_TAKEN[language]).first.is_visible()
    officer.get_by_role("link", name=CHANGE[language]).first.click()
    officer.wait_for_load_state()
    assert officer.get_by_text(ONE_TAKEN[language]).is_visible()
    check(officer, f"health-timetable-time-{language}")
