"""Issue 16, as a new user meets it: a person signs in and gives a date of birth as day,
month (by name, in the page's language) and year; 31 February and a date in the future
are refused with a message that says why, and what was typed is kept. Khmer and English."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from accounts.models import User
from accounts.tests.factories import PASSWORD, create_user
from core.testing import (
    assert_no_axe_violations,
    assert_no_csp_violations,
    save_screenshots,
    sign_in,
)

pytestmark = pytest.mark.browser

WORDS = {
    "km": {
        "april": "មេសា",
        "february": "កុម្ភៈ",
        "no_such": "គ្មានកាលបរិច្ឆេទនេះទេ",
        "future": "មិនអាចនៅពេលអនាគត",
    },
    "en": {
        "april": "April",
        "february": "February",
        "no_such": "There is no such date",
        "future": "cannot be in the future",
    },
}


def fill(page, day: str, month: str, year: str) -> None:
    page.fill("#id_date_of_birth_0", day)
    page.select_option("#id_date_of_birth_1", label=month)
    page.fill("#id_date_of_birth_2", year)
    with page.expect_navigation():
        page.locator("main form [type=submit]").first.click()


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_date_of_birth_is_given_as_day_month_and_year(page, live_server, language):
    create_user("dara")
    words = WORDS[language]
    page.goto(f"/{language}/")
    sign_in(page, "dara", PASSWORD, language=language)
    page.goto(f"/{language}/account/profile/change/")
    assert page.locator("input[type=date]").count() == 0
    assert page.locator("#id_date_of_birth_0").get_attribute("inputmode") == "numeric"
    legend = page.locator("fieldset:has(#id_date_of_birth_0) legend")
    assert legend.count() == 1

    fill(page, "៣១" if language == "km" else "31", words["february"], "1990")
    summary = page.locator(".error-summary")
    assert words["no_such"] in summary.inner_text()
    assert page.input_value("#id_date_of_birth_0") == ("៣១" if language == "km" else "31")
    assert page.input_value("#id_date_of_birth_2") == "1990"
    assert_no_axe_violations(page)
    save_screenshots(page, f"accounts-date-of-birth-error-{language}")

    next_year = str(timezone.localdate().year + 1)
    fill(page, "1", words["april"], next_year)
    assert words["future"] in page.locator(".error-summary").inner_text()

    fill(page, "17", words["april"], "១៩៩០" if language == "km" else "1990")
    assert "/profile/change/" not in page.url
    assert User.objects.get(username="dara").date_of_birth == datetime.date(1990, 4, 17)
    shown = "១៧ មេសា ១៩៩០" if language == "km" else "17 April 1990"
    assert shown in page.locator("main").inner_text()
    assert_no_csp_violations(page)
