"""A signed-out visitor finds, from the header's search box, a page and a PDF that live
only on a ministry's website (the stand-in site, crawled), in Khmer and English, at phone
width."""

from __future__ import annotations

import re

import pytest

from aggregation.crawling import crawl_site
from aggregation.tests.test_crawling import site_source
from core.testing import (
    assert_no_axe_violations,
    assert_no_console_errors,
    assert_no_csp_violations,
    assert_page_budget,
    save_screenshots,
)
from standins import ministry_site as site

pytestmark = pytest.mark.browser

CASES = [
    # language, query, the result's title, its address on the site, the kind's label
    ("km", "ផ្លូវបណ្តោះអាសន្ន", "ការជួសជុលផ្លូវជាតិលេខ", "/km/news/national-road-5",
     "ពីគេហទំព័ររបស់ក្រសួង"),
    ("en", "guardrails", "Road safety report 2026", site.PDF_PATH,
     "From the ministry's website"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "query", "title", "path", "kind"), CASES)
def test_a_visitor_finds_a_crawled_page_from_the_search_box(
    page, live_server, ministry_site, language, query, title, path, kind
):
    crawl_site(site_source(ministry_site))  # indexed once the crawl's writes commit
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/{language}/")
    box = page.get_by_role("banner").get_by_role("combobox")
    box.fill(query)
    box.press("Enter")
    page.wait_for_url(re.compile(rf"/{language}/search/\?"))
    results = page.get_by_role("region", name=re.compile("Results|លទ្ធផល"))
    hit = results.locator(".search-hit").filter(has_text=title).first
    assert hit.get_by_role("link").get_attribute("href") == f"{ministry_site.url}{path}"
    assert kind in hit.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    assert_no_console_errors(page)
    save_screenshots(page, f"search-crawled-{language}")
    assert_page_budget(page, page.url.removeprefix(live_server.url))
