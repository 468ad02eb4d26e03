"""Snippets and highlights: whole clusters and words only, text rather than field names."""

from __future__ import annotations

import re

import pytest

from content.models import GuidePage
from content.tests.factories import create_homes, create_page
from search.analysis import parse_query
from search.engine import highlight
from search.indexing import do_rebuild
from search.models import Document

COENG = "\u17d2"
MARKS = re.compile("[\u17b6-\u17d3\u17dd]")


def lone_marks(html: str) -> list[str]:
    """Return the pieces of highlighted HTML (cut at <mark> and </mark>) that begin with a
    Khmer vowel sign, sign or subscript, or end with a coeng: what a browser draws on a
    dotted circle or as a broken subscript."""
    pieces = re.split(r"</?mark>", str(html))
    return [p for p in pieces if p and (MARKS.match(p) or p.endswith(COENG))]


def marked(html: str) -> list[str]:
    return re.findall(r"<mark>(.*?)</mark>", str(html))


# Real text of the portal's pages and the slips people make in them (ន for ណ).
CASES = [
    # (text, query, the words that must be marked)
    ("ប្រឡងយកប័ណ្ណបើកបររថយន្ត និងម៉ូតូ", "ប័ន្ណបើកបរ", ["ប័ណ្ណបើកបរ"]),
    ("ផ្សារណាត់ ក្រុងបាត់ដំបង", "ផ្សារនាត់", ["ផ្សារណាត់"]),
    ("ពលរដ្ឋអាយុ ១៥ ឆ្នាំឡើងទៅត្រូវមានអត្តសញ្ញាណប័ណ្ណ។", "អត្តសញ្ញានប័ណ្ណ", ["អត្តសញ្ញាណប័ណ្ណ"]),
    # The segmenter knows មណ្ឌលសុខភាព as one word: it is marked whole.
    ("មណ្ឌលសុខភាពបវេល", "មន្ឌល", ["មណ្ឌលសុខភាព"]),
]


@pytest.mark.parametrize(("text", "query", "words"), CASES)
def test_a_misspelt_khmer_query_marks_whole_words(text, query, words):
    html = highlight(text, parse_query(query), whole=True)
    assert lone_marks(html) == []
    assert "".join(marked(html)) == "".join(words)


@pytest.mark.parametrize(
    ("text", "query"),
    [
        # ន alone is the base of ន្ត and the subscript of ស្ន: neither may be marked alone.
        ("ប្រាក់សោធនពីបេឡាជាតិរបបសន្តិសុខសង្គម", "ន"),
        ("ស្នើសុំលិខិតឆ្លងដែន", "ន"),
        # ក is the base of ក្រ (a cluster with a subscript ro).
        ("ក្រសួងសុខាភិបាល", "ក"),
        # A vowel sign typed alone.
        ("ការចុះបញ្ជីអាពាហ៍ពិពាហ៍", "ា"),
    ],
)
def test_a_letter_alone_never_splits_a_cluster(text, query):
    html = highlight(text, parse_query(query), whole=True)
    assert lone_marks(html) == []
    for word in marked(html):
        assert not word.endswith(COENG)
        assert not MARKS.match(word)


def test_a_long_khmer_text_is_cut_between_clusters():
    text = "សំបុត្រកំណើតត្រូវចុះបញ្ជីនៅសាលាឃុំ" * 20 + "លិខិតឆ្លងដែន" + "ក្រសួងសុខាភិបាល" * 20
    html = highlight(text, parse_query("លិខិតឆ្លងដែន"))
    assert marked(html) == ["លិខិតឆ្លងដែន"]
    assert lone_marks(html.strip("…")) == []


@pytest.mark.django_db
def test_a_guide_is_indexed_by_its_text_not_its_blocks_names(client):
    homes = create_homes()
    steps = [
        (
            "step",
            {
                "title": "Go to the commune hall",
                "text": "<p>Bring the <b>family book</b>.</p>",
                "links": [
                    ("external", {"url": "https://example.org/forms", "text": "Forms"}),
                    (
                        "service",
                        {
                            "slug": "birth-registration",
                            "title_km": "ចុះសំបុត្រកំណើត",
                            "title_en": "Register a birth",
                        },
                    ),
                ],
            },
        )
    ]
    page = create_page(
        homes["en"], GuidePage, title="Registering a newborn", slug="newborn", steps=steps
    )
    do_rebuild()
    body = Document.objects.get(key=f"content.guidepage:{page.pk}").body
    assert "Go to the commune hall" in body
    assert "Bring the family book." in body
    for internal in (
        "title",
        "text",
        "links",
        "slug",
        "birth-registration",
        "https://",
        "external",
    ):
        assert internal not in body
    response = client.get("/en/search/", {"q": "family book"})
    snippet = response.content.decode()
    assert "<mark>family</mark> <mark>book</mark>" in snippet
    assert "links" not in re.sub(r"<[^>]+>", " ", snippet.split("<main", 1)[1]).split()
