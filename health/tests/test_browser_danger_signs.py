"""A parent with a sick child, signed out, on a phone: the danger-sign screen and the
urgent advice with the nearest hospital, in Khmer and English."""

from __future__ import annotations

import re

import pytest

from core.testing import (
    PHONE,
    assert_no_axe_violations,
    assert_no_csp_violations,
    assert_page_budget,
    save_screenshots,
)
from health.models import Screening

pytestmark = pytest.mark.browser

TEXT = {
    "en": {"child": "A child from 2 months to 5 years", "yes": "Yes", "no": "No",
           "urgent": "Go to a health facility now", "clear": "No danger sign"},
    "km": {"child": "កុមារអាយុពី ២ ខែ ដល់ ៥ ឆ្នាំ", "yes": "បាទ/ចាស", "no": "ទេ",
           "urgent": "ទៅកាន់មូលដ្ឋានសុខាភិបាលឥឡូវនេះ", "clear": "គ្មានសញ្ញាគ្រោះថ្នាក់"},
}  # fmt: skip


def check(page, name: str) -> None:
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    save_screenshots(page, name)


def answer_all(page, language: str, yes_index: int | None) -> None:
    groups = page.locator("main form fieldset")
    assert groups.count() == 5
    for index in range(groups.count()):
        word = TEXT[language]["yes" if index == yes_index else "no"]
        groups.nth(index).get_by_label(word, exact=True).check()


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_parent_with_a_convulsing_child_is_sent_to_the_hospital_now(
    new_page, health_world, language
):
    page = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    assert_page_budget(page, f"/{language}/health/")
    check(page, f"health-start-{language}")
    page.get_by_label(TEXT[language]["child"]).check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    check(page, f"health-danger-signs-{language}")
    page.locator("main form button[type=submit]").click()  # nothing answered yet
    page.wait_for_load_state()
    assert page.locator(".error-summary").is_visible()
    answer_all(page, language, yes_index=4)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/{language}/health/urgent/")
    assert page.get_by_role("heading", name=TEXT[language]["urgent"]).is_visible()
    assert page.locator("a[href='tel:119']").is_visible()
    page.locator("main input[name=q]").fill("Sla Kram")
    page.locator("main form.inline-form button").click()
    page.wait_for_load_state()
    page.locator(f"a[href='?area={health_world.tree.commune.code}']").click()
    page.wait_for_load_state()
    assert page.locator("a[href='tel:+85512345678']").is_visible()
    assert re.search(r"Siem Reap Hospital|មន្ទីរពេទ្យបង្អែក", page.content())
    check(page, f"health-urgent-{language}")
    assert Screening.objects.get().outcome == "urgent"


@pytest.mark.parametrize("language", ["km", "en"])
def test_no_danger_sign_gives_the_clear_advice(page, health_world, language):
    page.goto(f"/{language}/health/")
    page.get_by_label(TEXT[language]["child"]).check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    answer_all(page, language, yes_index=None)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name=TEXT[language]["clear"]).is_visible()
    check(page, f"health-clear-{language}")
