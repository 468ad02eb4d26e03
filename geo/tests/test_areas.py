from __future__ import annotations

import pytest
from django.utils import translation

from geo.models import Area
from geo.tests.factories import create_area, create_tree


@pytest.mark.django_db
class TestTheTreeOfAreas:
    def test_the_lineage_of_a_village_runs_province_district_commune_village(self):
        tree = create_tree()
        lineage = list(Area.objects.lineage_of(tree.village))
        assert lineage == [tree.province, tree.district, tree.commune, tree.village]

    def test_below_a_district_are_its_communes_and_their_villages_only(self):
        tree = create_tree()
        neighbour = create_area("1701", "Angkor Chum", "អង្គរជុំ", tree.province)
        below = set(Area.objects.below(tree.district))
        assert below == {tree.commune, tree.village, tree.other_commune, tree.other_village}
        assert neighbour not in below

    def test_search_matches_khmer_english_and_the_start_of_a_code(self):
        tree = create_tree()
        assert set(Area.objects.search("ស្លក្រាម")) == {tree.commune, tree.village}
        assert set(Area.objects.search("sla kram")) == {tree.commune, tree.village}
        assert list(Area.objects.search("1710040")) == [tree.other_village]
        assert not Area.objects.search("   ").exists()


@pytest.mark.django_db
def test_an_area_is_named_in_the_active_language():
    province = create_area("17", "Siemreap", "សៀមរាប")
    with translation.override("km"):
        assert province.name == "សៀមរាប"
    with translation.override("en"):
        assert province.name == "Siemreap"


@pytest.mark.django_db
def test_phnom_penh_has_khans_and_sangkats_and_provinces_districts_and_communes():
    capital = create_area("12", "Phnom Penh", "រាជធានីភ្នំពេញ")
    khan = create_area("1201", "Chamkar Mon", "ចំការមន", capital)
    tree = create_tree()
    with translation.override("en"):
        assert (capital.level_label, khan.level_label) == ("Capital", "Khan")
        assert khan.child_level_label == "Sangkat"
        assert (tree.district.level_label, tree.commune.level_label) == ("District", "Commune")
        assert tree.village.child_level_label == ""
