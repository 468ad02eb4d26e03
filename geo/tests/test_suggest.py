from __future__ import annotations

import pytest

from geo.models import Area
from geo.names import english_key, khmer_key
from geo.tests.factories import create_area, create_tree


def test_english_keys_ignore_case_spaces_and_hyphens():
    assert english_key("Siem Reap") == english_key("siemreap") == english_key("Siem-Reap")
    assert english_key("Kampong Cham") == "kampongcham"


def test_khmer_keys_ignore_spaces_zero_width_and_the_two_subscript_ts():
    assert khmer_key("សៀម\u200bរាប") == khmer_key("សៀម រាប") == "សៀមរាប"
    assert khmer_key("វត្ដបូព៌") == khmer_key("វត្តបូព៌")


@pytest.mark.django_db
class TestTheAreaTypeAhead:
    def setup_method(self):
        self.tree = create_tree()
        self.cham = create_area("03", "Kampong Cham", "កំពង់ចាម")

    def suggest(self, client, query: str, language: str = "en") -> list[dict]:
        response = client.get(f"/{language}/place/suggest/", {"q": query})
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        return response.json()["results"]

    @pytest.mark.parametrize("query", ["siem", "Siem Reap", "siemreap", "SIEM-REAP", "សៀម"])
    def test_it_matches_english_and_khmer_names_however_typed(self, client, query):
        codes = [r["code"] for r in self.suggest(client, query)]
        assert codes[0] == "17", query

    def test_it_matches_names_with_spaces_and_codes_by_prefix(self, client):
        assert [r["code"] for r in self.suggest(client, "kampong cham")] == ["03"]
        assert [r["code"] for r in self.suggest(client, "171001")] == ["171001", "17100101"]

    def test_each_result_has_its_full_path_in_the_pages_language(self, client):
        village = next(r for r in self.suggest(client, "17100101"))
        assert village["label"] == "Sla Kram, Sla Kram, Siem Reab, Siemreap"
        assert village["url"] == "/en/place/17100101/"
        khmer = self.suggest(client, "17100101", language="km")[0]
        assert khmer["label"] == "ស្លក្រាម, ស្លក្រាម, សៀមរាប, សៀមរាប"

    def test_short_queries_give_nothing_without_touching_the_database(
        self, client, django_assert_num_queries
    ):
        with django_assert_num_queries(0):
            assert self.suggest(client, "s") == []
            assert self.suggest(client, " ") == []

    def test_it_returns_at_most_ten_areas_provinces_first_in_two_queries(
        self, client, django_assert_num_queries
    ):
        for number in range(15):
            create_area(
                f"171001{number + 10:02d}", f"Sla Village {number}", "ភូមិ", self.tree.commune
            )
        with django_assert_num_queries(2):
            results = self.suggest(client, "sla")
        assert len(results) == 10
        assert [r["level"] for r in results] == sorted(r["level"] for r in results)

    def test_a_level_keeps_only_the_places_of_that_level(self, client):
        response = client.get("/en/place/suggest/", {"q": "sla", "level": "4"})
        assert [r["code"] for r in response.json()["results"]] == ["17100101"]
        response = client.get("/en/place/suggest/", {"q": "siem", "level": "nonsense"})
        assert [r["code"] for r in response.json()["results"]][:2] == ["17", "1710"]

    def test_retired_areas_and_very_long_text_are_not_offered(self, client):
        Area.objects.filter(code="1710").update(is_current=False)
        assert "1710" not in [r["code"] for r in self.suggest(client, "siem")]
        assert self.suggest(client, "x" * 5000) == []

    def test_renaming_an_area_updates_its_keys(self):
        self.cham.name_en = "Kompong Cham"
        self.cham.save(update_fields=["name_en"])
        assert list(Area.objects.suggest("kompongc")) == [self.cham]
