"""The health finder from the health start page, signed out; the health ministry's
monthly counts page after signing in with the second factor. Khmer and English, at
phone width."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from core.testing import PHONE
from geo.models import OpeningHours
from health.models import FacilityService
from health.tests.factories import create_question
from health.tests.test_browser_danger_signs import check
from health.tests.test_browser_questions import sign_in_with_second_factor

pytestmark = pytest.mark.browser

FINDER = {"en": "Find a health facility", "km": "ស្វែងរកមូលដ្ឋានសុខាភិបាល"}
FOUND = {"en": "Health facilities for", "km": "មូលដ្ឋានសុខាភិបាលសម្រាប់"}
COUNTS = {"en": "Counts for", "km": "ចំនួនសម្រាប់ខែ"}


def name_of(facility, language: str) -> str:
    return facility.name_km if language == "km" else facility.name_en


@pytest.mark.parametrize("language", ["km", "en"])
def test_finding_a_health_centre_by_commune(new_page, live_server, health_world, language):
    FacilityService.objects.create(facility=health_world.centre, service="vaccination")
    OpeningHours.objects.create(
        facility=health_world.centre,
        weekday=0,
        opens=datetime.time(7),
        closes=datetime.time(17),
    )
    page = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    page.goto(f"/{language}/health/")
    with page.expect_navigation():
        page.get_by_role("link", name=FINDER[language]).click()
    page.locator("main input[name=q]").fill("Sla Kram" if language == "en" else "ស្លក្រាម")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    with page.expect_navigation():
        page.locator(f"a[href='?area={health_world.tree.commune.code}']").click()
    assert page.get_by_text(FOUND[language]).is_visible()
    assert page.get_by_role("link", name=name_of(health_world.centre, language)).is_visible()
    page.locator("details summary").first.click()
    check(page, f"health-finder-{language}")


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_ministry_sees_this_months_counts(new_page, live_server, health_world, language):
    create_question(health_world.citizen, health_world.centre)
    page = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    sign_in_with_second_factor(page, health_world.ministry, language)
    month = timezone.localdate().strftime("%Y-%m")
    page.goto(f"/{language}/health/reports/?month={month}")
    assert page.get_by_text(COUNTS[language]).is_visible()
    assert page.get_by_text(name_of(health_world.centre, language)).is_visible()
    check(page, f"health-reports-{language}")
