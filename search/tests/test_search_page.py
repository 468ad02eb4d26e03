from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command

from accounts.models import User
from geo.models import Area
from search.models import Document, QueryStat
from search.tests.corpus import build_corpus

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    return build_corpus()


def page_url(slug: str, language: str) -> str:
    from wagtail.models import Page

    return Page.objects.get(slug=slug, locale__language_code=language).get_url()


class TestSearchPage:
    def test_an_empty_search_shows_the_form_and_a_hint(self, client):
        response = client.get("/en/search/")
        assert response.status_code == 200
        assert 'name="q"' in response.text
        assert "Battambang" in response.text  # the example in the hint

    def test_a_khmer_query_finds_the_khmer_page_with_the_words_marked(self, client, corpus):
        response = client.get("/km/search/", {"q": "លិខិតឆ្លងដែន"})
        assert response.status_code == 200
        assert "<mark>លិខិតឆ្លងដែន</mark>" in response.text
        assert f'href="{page_url("passport", "km")}"' in response.text

    def test_an_english_query_finds_the_english_page(self, client, corpus):
        response = client.get("/en/search/", {"q": "passport"})
        assert f'href="{page_url("passport", "en")}"' in response.text
        assert "<mark>passport</mark>" in response.text

    def test_a_romanised_name_finds_the_khmer_province(self, client, corpus):
        response = client.get("/km/search/", {"q": "Battambang"})
        assert 'href="/km/place/02/"' in response.text

    def test_when_more_match_than_are_ranked_the_page_says_so(self, client, corpus, monkeypatch):
        monkeypatch.setattr("search.engine.CANDIDATES", 2)
        response = client.get("/en/search/", {"q": "Battambang"})
        # Two candidates may be one page in two languages: "More than 1 result" or "2 results".
        assert re.search(r"More than [12] results?\. Add a word or choose a filter", response.text)
        response = client.get("/km/search/", {"q": "Battambang"})
        assert "លទ្ធផលច្រើនជាង" in response.text
        monkeypatch.setattr("search.engine.CANDIDATES", 300)
        assert "More than" not in client.get("/en/search/", {"q": "Battambang"}).text

    def test_a_typo_is_corrected_and_said(self, client, corpus):
        response = client.get("/en/search/", {"q": "pasport"})
        assert "Showing results for “passport”" in response.text
        assert f'href="{page_url("passport", "en")}"' in response.text

    def test_a_typo_with_results_offers_did_you_mean(self, client, corpus):
        response = client.get("/en/search/", {"q": "passport vacination"})
        assert "Did you mean" in response.text
        assert "passport vaccination" in response.text

    def test_facets_narrow_the_results_and_can_be_removed(self, client, corpus):
        response = client.get("/en/search/", {"q": "Battambang"})
        assert "Offices and facilities" in response.text
        narrowed = client.get("/en/search/", {"q": "Battambang", "kind": "place"})
        assert 'href="/en/place/02/"' not in narrowed.text
        assert "Provincial Referral Hospital" in narrowed.text
        assert 'aria-current="true"' in narrowed.text

    def test_the_institution_and_area_facets_filter(self, client, corpus):
        response = client.get("/en/search/", {"q": "market", "area": "02"})
        assert "Psar Nath" in response.text
        assert "Old Market" not in response.text
        institution = Document.objects.filter(kind="place").first().institution_key
        response = client.get("/en/search/", {"q": "Battambang", "institution": institution})
        assert response.status_code == 200

    def test_the_visitors_area_raises_local_results(self, client, corpus):
        session = client.session
        session["geo_area"] = "17"
        session.save()
        plain = client.get("/en/search/", {"q": "market"}).text
        assert plain.index("Phsar Chas") < plain.index("Psar Nath")
        session["geo_area"] = "02"
        session.save()
        plain = client.get("/en/search/", {"q": "market"}).text
        assert plain.index("Psar Nath") < plain.index("Phsar Chas")

    def test_no_results_helps(self, client, corpus):
        response = client.get("/en/search/", {"q": "zzzzqqqq"})
        assert "No results for" in response.text
        assert "Look for an office in the directory" in response.text

    def test_pages_of_results_are_linked(self, client, corpus):
        response = client.get("/en/search/", {"q": "commune hall"})
        assert 'rel="next"' in response.text
        second = client.get("/en/search/", {"q": "commune hall", "page": "2"})
        assert second.status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "",
        " ",
        "x" * 10_000,
        "ក" * 10_000,
        "'; DROP TABLE search_document; --",
        '" OR 1=1 NEAR(a b) title_terms:* AND NOT {x}',
        "a & b | !c <-> d:* ''\\",
        "Battambang បាត់ដំបង 123 ១២៣",
        "\u200b\u200c\u200d\ufeff",
        "ab\x00cd\x1f",
        "🙂🙂 \U0001f1f0\U0001f1ed",
        "ុំ្",
    ],
)
def test_bad_input_gives_a_page_never_an_error(client, corpus, query):
    for language in ("km", "en"):
        response = client.get(f"/{language}/search/", {"q": query, "page": "x", "kind": "\x00"})
        assert response.status_code == 200
        assert client.get(f"/{language}/search/suggest/", {"q": query}).status_code == 200


def test_a_broken_index_gives_a_helpful_page(client, corpus, monkeypatch):
    from django.db import DatabaseError

    from search import engine

    def broken(query):
        raise DatabaseError("index gone")

    monkeypatch.setattr(engine, "_candidates", broken)
    response = client.get("/en/search/", {"q": "passport"})
    assert response.status_code == 503
    assert "Search is not working right now" in response.text


class TestSuggestions:
    def test_the_last_word_is_a_prefix(self, client, corpus):
        data = client.get("/en/search/suggest/", {"q": "Battamb"}).json()
        assert data["results"][0]["title"] == "Battambang"
        assert data["results"][0]["url"] == "/en/place/02/"

    def test_khmer_prefixes_suggest_too(self, client, corpus):
        data = client.get("/km/search/suggest/", {"q": "លិខិតឆ្លង"}).json()
        assert "លិខិតឆ្លងដែន" in [r["title"] for r in data["results"]]

    def test_one_letter_suggests_nothing(self, client, corpus):
        assert client.get("/en/search/suggest/", {"q": "B"}).json() == {"results": []}


class TestAnalytics:
    def test_searches_are_counted_with_their_results(self, client, corpus):
        client.get("/en/search/", {"q": "Passport"})
        client.get("/en/search/", {"q": "passport "})
        client.get("/en/search/", {"q": "zzzzqqqq"})
        stat = QueryStat.objects.get(query="passport")
        assert stat.searches == 2
        assert stat.results >= 1
        assert QueryStat.objects.get(query="zzzzqqqq").results == 0

    def test_the_report_is_for_administrators_only(self, client, corpus):
        client.get("/en/search/", {"q": "zzzzqqqq"})
        assert client.get("/en/search/report/").status_code == 302
        citizen = User.objects.create_user("citizen", password="x")
        client.force_login(citizen)
        assert client.get("/en/search/report/").status_code == 403
        admin = User.objects.create_user("admin", password="x", is_staff=True)
        admin.user_permissions.add(Permission.objects.get(codename="view_querystat"))
        client.force_login(admin)
        response = client.get("/en/search/report/")
        assert response.status_code == 200
        assert "Searched, but nothing found" in response.text
        assert "zzzzqqqq" in response.text


class TestIndexUpdates:
    def test_saving_an_object_reindexes_it_after_commit(
        self, corpus, django_capture_on_commit_callbacks
    ):
        area = Area.objects.get(code="02")
        with django_capture_on_commit_callbacks(execute=True):
            area.name_en = "Battambang Renamed"
            area.save()
        assert Document.objects.get(key=f"geo.area:{area.pk}", language="en").title == (
            "Battambang Renamed"
        )

    def test_deleting_an_object_removes_it(self, corpus, django_capture_on_commit_callbacks):
        from geo.models import Facility

        facility = Facility.objects.get(code="psar-nath")
        key = f"geo.facility:{facility.pk}"
        assert Document.objects.filter(key=key).exists()  # indexed before it is deleted
        with django_capture_on_commit_callbacks(execute=True):
            facility.delete()
        assert not Document.objects.filter(key=key).exists()

    def test_an_unpublished_page_leaves_the_index(self, corpus, django_capture_on_commit_callbacks):
        from content.models import GuidePage

        page = GuidePage.objects.get(slug="passport", locale__language_code="en")
        assert Document.objects.filter(key=f"content.guidepage:{page.pk}").exists()
        with django_capture_on_commit_callbacks(execute=True):
            page.unpublish()
        assert not Document.objects.filter(key=f"content.guidepage:{page.pk}").exists()

    def test_the_rebuild_command_reports_progress_and_counts(self, corpus, capsys):
        call_command("rebuild_search_index")
        out = capsys.readouterr().out
        assert "geo.area:" in out
        assert "Indexed" in out
