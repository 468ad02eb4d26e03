"""Khmer digits on Khmer search pages; a search address too long gets the portal's page."""

from __future__ import annotations

import re

import pytest

from search.indexing import make_document, save_documents
from search.registry import Entry

pytestmark = pytest.mark.django_db

ASCII_DIGIT = re.compile(r"[0-9]")


def results_text(html: str) -> str:
    """Return the visible text of the results list (tags and attributes left out)."""
    section = html.split('class="search-results"', 1)[1].split("</section>", 1)[0]
    return re.sub(r"<[^>]+>", " ", section.split(">", 1)[1])


@pytest.fixture
def documents():
    body_km = "ម្ចាស់អចលនទ្រព្យបង់ពន្ធប្រចាំឆ្នាំមុនថ្ងៃទី៣០ ខែកញ្ញា ឆ្នាំ២០២៦ នៅការិយាល័យលេខ ១២ ផ្លូវជាតិលេខ៥។"
    entries = [
        Entry("km", f"ពន្ធលើអចលនទ្រព្យ ទម្រង់ {n}", body_km, f"/km/page/tax-{n}/") for n in range(1, 13)
    ]
    entries.append(Entry("en", "Property tax form 7", "Pay before 30 September 2026.", "/en/tax/"))
    save_documents(
        [make_document(f"test.doc:{n}", "page", entry) for n, entry in enumerate(entries)]
    )


def test_khmer_pages_show_counts_pages_and_codes_in_khmer_digits(client, documents):
    response = client.get("/km/search/", {"q": "ពន្ធ"})
    html = response.content.decode()
    text = results_text(html)
    assert "លទ្ធផល" in text and "១២" in text  # the count, in Khmer digits
    assert "ថ្ងៃទី៣០" in text and "លេខ៥" in text  # codes and dates in the prose
    assert ASCII_DIGIT.search(text) is None, text
    pages = html.split('class="pagination"', 1)[1].split("</nav>", 1)[0]
    assert "២" in pages and ASCII_DIGIT.search(re.sub(r"<[^>]+>", "", pages)) is None


def test_english_pages_keep_ascii_digits(client, documents):
    text = results_text(client.get("/en/search/", {"q": "property tax"}).content.decode())
    assert "30 September 2026" in text


def test_the_type_ahead_gives_khmer_digits_on_khmer_pages(client, documents):
    titles = [r["title"] for r in client.get("/km/search/suggest/", {"q": "ពន្ធ"}).json()["results"]]
    assert titles
    assert not any(ASCII_DIGIT.search(title) for title in titles)


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_search_address_too_long_gets_the_portals_page(client, language):
    response = client.get(f"/{language}/search/", {"q": "លិខិតឆ្លងដែន" * 300})
    assert response.status_code == 414
    html = response.content.decode()
    heading = {"km": "អាសយដ្ឋានវែងពេក", "en": "The address is too long"}
    assert f'<h1 id="search-heading">{heading[language]}</h1>' in html
    other_language = "en" if language == "km" else "km"
    other = heading[other_language]
    assert other not in html
    box = re.search(r'<input[^>]*name="q"[^>]*value="([^"]*)"', html).group(1)
    assert 0 < len(box) <= 200
    # Its head and language links do not repeat the address: they lead to the search page.
    tags = re.findall(r'<(?:link|a)[^>]*hreflang="[^"]*"[^>]*>', html)
    links = [tag for tag in tags if "/search/" in tag]
    assert len(links) == 5  # km, en and x-default in the head; km and en in the header
    assert all("?" not in link for link in links), links
    assert f'href="/{other_language}/search/"' in html
