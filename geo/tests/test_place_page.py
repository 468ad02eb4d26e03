from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from geo.models import Area
from geo.places import PlaceSection, register_place_section, unregister_place_section
from geo.tests.factories import create_facility, create_tree, office_hours


def place_url(area: Area, language: str = "en") -> str:
    with translation.override(language):
        return reverse("geo:place", args=[area.code])


@pytest.mark.django_db
class TestThePlacePage:
    def setup_method(self):
        self.tree = create_tree()
        self.hall = create_facility(self.tree.commune, "commune-hall")
        office_hours(self.hall)
        self.health_centre = create_facility(
            self.tree.other_commune, "health-centre", name_en="Sala Kamraeuk Health Centre"
        )
        self.department = create_facility(self.tree.province, "provincial-department")

    def test_a_village_shows_breadcrumbs_province_district_commune(self, client):
        response = client.get(place_url(self.tree.village))
        assert response.status_code == 200
        assert response.context["breadcrumbs"] == [
            ("Places", "/en/place/"),
            ("Siemreap", place_url(self.tree.province)),
            ("Siem Reab", place_url(self.tree.district)),
            ("Sla Kram", place_url(self.tree.commune)),
            ("Sla Kram", ""),
        ]
        html = response.content.decode()
        assert f'<a href="{place_url(self.tree.district)}">Siem Reab</a>' in html
        assert '<span aria-current="page">Sla Kram</span>' in html

    def test_it_lists_the_offices_in_and_above_it_and_the_nearby_ones(self, client):
        response = client.get(place_url(self.tree.village))
        page = response.context["page"]
        assert page.serving == [self.hall, self.department]
        assert page.nearby == [self.health_centre]
        assert "Sala Kamraeuk Health Centre" in response.content.decode()

    def test_a_commune_lists_its_villages(self, client):
        response = client.get(place_url(self.tree.commune))
        assert response.context["page"].children == [self.tree.village]
        assert 'href="/en/place/17100101/"' in response.content.decode()

    def test_it_is_in_khmer_on_the_khmer_page(self, client):
        response = client.get(place_url(self.tree.commune, "km"))
        html = response.content.decode()
        assert '<h1 class="heading-xl">ស្លក្រាម</h1>' in html
        assert "លេខកូដ ១៧១០០១" in html  # the code in Khmer digits (171001)

    @pytest.mark.parametrize("level", ["province", "district", "commune", "village"])
    def test_it_takes_the_same_number_of_queries_at_every_level(
        self, client, django_assert_num_queries, level
    ):
        area = getattr(self.tree, level)
        # area, lineage, children, facilities in and above, nearby facilities
        with django_assert_num_queries(5):
            assert client.get(place_url(area)).status_code == 200

    def test_a_section_registered_by_another_app_appears_with_its_context(self, client):
        register_place_section(
            PlaceSection(
                key="prices",
                title="Market prices",
                template="geo/tests/section.html",
                context=lambda area: {"area_code": area.code} if area.level == 3 else None,
            )
        )
        try:
            commune = client.get(place_url(self.tree.commune)).content.decode()
            village = client.get(place_url(self.tree.village)).content.decode()
        finally:
            unregister_place_section("prices")
        assert "Market prices" in commune and "prices for 171001" in commune
        assert "Market prices" not in village


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/place/99/", "/en/place/1234567890/", "/en/place/abc/"])
def test_an_unknown_area_is_a_404_in_the_layout(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert 'id="main"' in response.content.decode()
