"""Searching in a real Chromium: from the header in Khmer and English, the type-ahead, the
facets; every search page accessible, light and within the CSP."""

from __future__ import annotations

import re

import pytest

from core.testing import (
    assert_no_axe_violations,
    assert_no_console_errors,
    assert_no_csp_violations,
    assert_page_budget,
    save_screenshots,
)
from search.tests.corpus import build_corpus

pytestmark = pytest.mark.browser


@pytest.fixture
def corpus(live_server):
    return build_corpus()


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [("km", "លិខិតឆ្លងដែន", "លិខិតឆ្លងដែន"), ("en", "Battambang", "Battambang")],
)
def test_searching_from_the_header_shows_highlighted_results(
    page, corpus, language, query, expected
):
    page.goto(f"/{language}/")
    box = page.get_by_role("banner").get_by_role("combobox")
    box.fill(query)
    box.press("Enter")
    page.wait_for_url(re.compile(rf"/{language}/search/\?"))
    results = page.get_by_role("region", name=re.compile("Results|លទ្ធផល"))
    assert results.locator("mark").first.inner_text() == expected
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    assert_no_console_errors(page)
    save_screenshots(page, f"search-results-{language}")


def test_the_type_ahead_suggests_and_opens_a_page(page, corpus, live_server):
    page.goto("/en/")
    box = page.get_by_role("banner").get_by_role("combobox")
    box.press_sequentially("Battamb", delay=30)
    listbox = page.get_by_role("listbox", name="Suggestions")
    option = listbox.get_by_role("option", name="Battambang").first
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert_no_axe_violations(page)
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/en/place/02/"))
    assert_no_csp_violations(page)


def test_the_type_ahead_announces_its_count_and_opens_a_suggestion_clicked(page, corpus):
    page.goto("/en/")
    box = page.get_by_role("banner").get_by_role("combobox")
    box.press_sequentially("Battamb", delay=30)
    option = page.get_by_role("listbox", name="Suggestions").get_by_role("option")
    option.first.wait_for()
    status = page.locator("#site-search-status").text_content()
    assert re.fullmatch(r"\d+ suggestions\. Use the up and down arrows to choose\.", status)
    option.filter(has_text="Battambang").first.click()
    page.wait_for_url(re.compile(r"/en/place/02/"))


def test_the_type_ahead_understands_khmer(page, corpus):
    page.goto("/km/")
    box = page.get_by_role("banner").get_by_role("combobox")
    box.press_sequentially("លិខិតឆ្លង", delay=30)
    listbox = page.get_by_role("listbox")
    listbox.get_by_role("option", name="លិខិតឆ្លងដែន").wait_for()
    save_screenshots(page, "search-type-ahead-km")


def test_facets_narrow_and_widen_the_results(page, corpus):
    page.goto("/en/search/?q=Battambang")
    facets = page.get_by_role("complementary", name="Narrow the results")
    facets.get_by_role("link", name=re.compile(r"^Offices and facilities")).click()
    page.wait_for_url(re.compile(r"kind=place"))
    hits = page.locator(".search-hit")
    assert hits.count() >= 1
    assert set(page.locator(".search-hit .tag").all_inner_texts()) == {"Offices and facilities"}
    selected = facets.locator("[aria-current=true]")
    assert "Offices and facilities" in selected.inner_text()
    selected.click()
    page.wait_for_url(re.compile(r"^(?!.*kind=)"))
    assert_no_axe_violations(page)


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_search_page_is_light_and_works_without_results(page, corpus, language):
    assert_page_budget(page, f"/{language}/search/?q=zzzzqqqq")
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    save_screenshots(page, f"search-empty-{language}")
