"""What a visitor reads on the search page, in a real Chromium, signed out from the home
page: misspelt Khmer marks whole words (no lone vowel signs or broken subscripts), a
guide's snippet is its text (never its blocks' names), Khmer pages count and number in
Khmer digits, and an address too long gets the portal's own page."""

from __future__ import annotations

import re

import pytest

from content.models import GuidePage
from content.tests.factories import create_homes, create_page, translate
from core.testing import assert_no_axe_violations, save_screenshots
from search.indexing import do_rebuild, make_document, save_documents
from search.registry import Entry

pytestmark = pytest.mark.browser

# Text nodes of the results that begin with a Khmer vowel sign, sign or subscript (drawn
# on a dotted circle), or end with a coeng (a subscript cut from its base).
LONE_MARKS_JS = """
(root) => {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const bad = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue;
    if (/^[\\u17b6-\\u17d3\\u17dd]/.test(text) || /\\u17d2$/.test(text)) bad.push(text);
  }
  return bad;
}
"""

STEPS_KM = [
    (
        "step",
        {
            "title": "ទៅសាលាឃុំ",
            "text": "<p>យកប័ណ្ណបើកបរចាស់ និងសៀវភៅគ្រួសារ។</p>",
            "links": [("external", {"url": "https://example.org/forms", "text": "ទម្រង់"})],
        },
    )
]
STEPS_EN = [
    (
        "step",
        {
            "title": "Go to the commune hall",
            "text": "<p>Bring your old driving licence and the family book.</p>",
            "links": [("external", {"url": "https://example.org/forms", "text": "Forms"})],
        },
    )
]


@pytest.fixture
def pages(live_server):
    homes = create_homes()
    km = create_page(
        homes["km"], GuidePage, title="ការប្តូរប័ណ្ណបើកបរ", slug="renew-licence", steps=STEPS_KM
    )
    translate(km, homes["en"], title="Renewing a driving licence", steps=STEPS_EN)
    # Enough documents for two pages of results, with numbers in their text.
    save_documents(
        [
            make_document(
                f"test.doc:{n}",
                "page",
                Entry("km", f"ប័ណ្ណបើកបរ ប្រភេទ {n}", "ប្រឡងនៅមន្ទីរលេខ ១២ មុនថ្ងៃទី៣០។", f"/km/?doc={n}"),
            )
            for n in range(1, 12)
        ]
    )
    do_rebuild(only=["content.guidepage"])


def search_from_home(page, language: str, query: str) -> None:
    page.goto(f"/{language}/")
    box = page.get_by_role("banner").get_by_role("combobox")
    box.fill(query)
    box.press("Enter")
    page.wait_for_url(re.compile(rf"/{language}/search/\?"))


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_misspelt_khmer_query_marks_whole_words(page, pages, language):
    search_from_home(page, language, "ប័ន្ណបើកបរ")  # ន typed for ណ
    results = page.locator(".search-hits")
    marks = results.locator("mark").all_inner_texts()
    assert marks and set(marks) <= {"ប័ណ្ណបើកបរ", "ការប្តូរប័ណ្ណបើកបរ"}
    assert page.evaluate(LONE_MARKS_JS, results.element_handle()) == []
    save_screenshots(page, f"search-misspelt-khmer-{language}")


@pytest.mark.parametrize(("language", "query"), [("km", "សៀវភៅគ្រួសារ"), ("en", "family book")])
def test_a_guide_snippet_is_its_text_not_its_blocks(page, pages, language, query):
    search_from_home(page, language, query)
    hit = page.locator(".search-hit").first
    snippet = hit.locator(".search-hit__snippet").inner_text()
    assert "សៀវភៅគ្រួសារ" in snippet if language == "km" else "family book" in snippet
    words = set(re.findall(r"[a-z_]+", snippet))
    assert not words & {"title", "text", "links", "external", "url", "step"}
    assert "https://" not in snippet


def test_khmer_pages_count_and_number_in_khmer_digits(page, pages):
    search_from_home(page, "km", "ប័ណ្ណបើកបរ")
    status = page.locator(".search-results").get_by_role("status").inner_text()
    assert re.search("[០-៩]", status) and not re.search("[0-9]", status)
    results = page.locator(".search-results").inner_text()
    assert "១២" in results and "ថ្ងៃទី៣០" in results
    assert not re.search("[0-9]", results), results
    page.get_by_role("navigation", name="ទំព័រ").get_by_role(
        "link", name=re.compile("២")
    ).first.click()
    page.wait_for_url(re.compile(r"page=2"))
    current = page.locator("[aria-current=page]").inner_text()
    assert "២" in current and not re.search("[0-9]", current)
    assert_no_axe_violations(page)
    save_screenshots(page, "search-digits-km")


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_search_address_too_long_gets_the_portals_page(page, pages, language):
    page.goto(f"/{language}/")
    response = page.goto(f"/{language}/search/?q=" + "%E1%9E%80" * 1500)  # 13,500 characters
    assert response.status == 414
    heading = page.get_by_role("heading", level=1)
    assert (
        heading.inner_text() == {"km": "អាសយដ្ឋានវែងពេក", "en": "The address is too long"}[language]
    )
    box = page.get_by_role("searchbox").first
    assert 0 < len(box.input_value()) <= 200
    assert page.get_by_role("banner").is_visible()  # the portal's own page, with its header
    assert_no_axe_violations(page)
    save_screenshots(page, f"search-too-long-{language}")
