from __future__ import annotations

from decimal import Decimal

import pytest

from geo.nearest import Point, by_distance, haversine_km
from geo.tests.factories import create_facility, create_tree

# Siem Reap's provincial referral hospital and three health centres around the town.
TOWN = Point(13.3633, 103.8597)


def test_haversine_gives_the_known_distance_phnom_penh_to_siem_reap():
    phnom_penh = Point(11.5564, 104.9282)
    assert haversine_km(phnom_penh, TOWN) == pytest.approx(230, abs=5)
    assert haversine_km(TOWN, TOWN) == 0


def located(area, code, latitude, longitude, **fields):
    return create_facility(
        area,
        "health-centre",
        code=code,
        latitude=Decimal(str(latitude)),
        longitude=Decimal(str(longitude)),
        **fields,
    )


@pytest.mark.django_db
class TestNearestFacilities:
    def setup_method(self):
        self.tree = create_tree()
        self.far = located(self.tree.other_village, "far", 13.10, 103.20)  # ~75 km
        self.near = located(self.tree.village, "near", 13.37, 103.86)  # under 1 km
        self.middle = located(self.tree.commune, "middle", 13.45, 103.90)  # ~10 km
        self.nowhere = create_facility(self.tree.province, "health-centre", code="nowhere")
        self.school = create_facility(
            self.tree.village,
            "school",
            code="school",
            latitude=Decimal("13.3634"),
            longitude=Decimal("103.8598"),
        )

    def test_by_distance_sorts_nearest_first_and_widens_the_circle_as_needed(self):
        from geo.models import Facility

        health = Facility.objects.filter(type__code="health-centre")
        rows, radius = by_distance(health, TOWN, needed=1)
        assert [pk for pk, _km in rows] == [self.near.pk]
        assert radius == 10
        rows, radius = by_distance(health, TOWN, needed=3)
        assert [pk for pk, _km in rows] == [self.near.pk, self.middle.pk, self.far.pk]
        assert radius == 200

    def test_the_directory_lists_the_nearest_health_centre_first_with_its_distance(self, client):
        response = client.get("/en/facilities/", {"type": "health-centre", "near": str(TOWN)})
        listed = list(response.context["page"].object_list)
        assert listed == [self.near, self.middle, self.far]
        assert self.nowhere not in listed
        html = response.content.decode()
        assert "0.7 km away" in html
        assert "Nearest first" in html

    def test_khmer_pages_show_the_distance_in_khmer_digits(self, client):
        response = client.get("/km/facilities/", {"type": "health-centre", "near": str(TOWN)})
        assert "០.៧" in response.content.decode() or "០,៧" in response.content.decode()

    @pytest.mark.parametrize(
        ("near", "message"),
        [
            ("13.36", "with a comma between"),
            ("north,east", "with a comma between"),
            ("nan,nan", "outside Cambodia"),
            ("48.85,2.35", "outside Cambodia"),
            ("1e999,103", "outside Cambodia"),
        ],
    )
    def test_a_bad_location_is_explained_and_the_list_still_shows(self, client, near, message):
        response = client.get("/en/facilities/", {"near": near})
        assert response.status_code == 200
        assert message in response.content.decode()
        assert len(response.context["page"].object_list) == 5

    def test_the_distance_list_pages_and_keeps_the_query(self, client):
        for number in range(25):
            located(self.tree.village, f"hc-{number}", 13.36 + number / 1000, 103.86)
        first = client.get("/en/facilities/", {"type": "health-centre", "near": str(TOWN)})
        assert len(first.context["page"].object_list) == 20
        second = client.get(
            "/en/facilities/", {"type": "health-centre", "near": str(TOWN), "page": "2"}
        )
        rest = list(second.context["page"].object_list)
        assert rest and set(rest).isdisjoint(first.context["page"].object_list)
        assert client.get("/en/facilities/", {"near": str(TOWN), "page": "x"}).status_code == 200

    def test_the_place_page_links_to_the_nearest_health_centres(self, client):
        html = client.get("/en/place/17100101/").content.decode()
        assert "/en/facilities/?type=health-centre&amp;area=1710" in html
