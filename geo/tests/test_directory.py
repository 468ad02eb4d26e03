from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time

from geo.tests.factories import create_facility, create_tree, office_hours

MONDAY_MORNING = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Asia/Phnom_Penh"))


@pytest.mark.django_db
class TestTheDirectory:
    def setup_method(self):
        self.tree = create_tree()
        self.hall = create_facility(self.tree.commune, "commune-hall")
        office_hours(self.hall)
        self.health_centre = create_facility(self.tree.other_commune, "health-centre")
        self.department = create_facility(self.tree.province, "provincial-department")

    def listed(self, client, **params) -> list:
        response = client.get("/en/facilities/", params)
        assert response.status_code == 200
        return list(response.context["page"].object_list)

    def test_it_lists_every_active_facility_without_filters(self, client):
        self.department.is_active = False
        self.department.save(update_fields=["is_active"])
        assert set(self.listed(client)) == {self.hall, self.health_centre}

    def test_it_filters_by_type_and_by_area_with_everything_below(self, client):
        assert self.listed(client, type="health-centre") == [self.health_centre]
        assert self.listed(client, area="171001") == [self.hall]
        assert set(self.listed(client, area="1710")) == {self.hall, self.health_centre}

    def test_each_facility_shows_its_district_and_province_because_commune_names_repeat(
        self, client
    ):
        response = client.get("/en/facilities/", {"type": "commune-hall"})
        assert "Sla Kram, Siem Reab, Siemreap" in response.content.decode()

    def test_open_now_keeps_only_what_is_open(self, client):
        with freeze_time(MONDAY_MORNING):
            assert self.listed(client, open="on") == [self.hall]
        with freeze_time(MONDAY_MORNING.replace(hour=20)):
            assert self.listed(client, open="on") == []

    @pytest.mark.parametrize(
        "params",
        [
            {"type": "spaceship"},
            {"area": "abc"},
            {"area": "99"},
            {"page": "-3"},
            {"page": "999"},
            {"open": "maybe", "q": "x" * 500},
        ],
    )
    def test_bad_filter_values_are_reported_or_ignored_never_fatal(self, client, params):
        response = client.get("/en/facilities/", params)
        assert response.status_code == 200

    def test_an_unknown_area_is_explained_next_to_the_field(self, client):
        response = client.get("/en/facilities/", {"area": "99"})
        assert "There is no area with the code 99." in response.content.decode()
        assert len(response.context["page"].object_list) == 3

    def test_it_pages_through_many_facilities_keeping_the_filters(self, client):
        for number in range(25):
            create_facility(self.tree.village, "school", code=f"school-{number}")
        response = client.get("/en/facilities/", {"type": "school"})
        assert len(response.context["page"].object_list) == 20
        assert "?type=school&amp;page=2" in response.content.decode()
        second = client.get("/en/facilities/", {"type": "school", "page": 2})
        assert len(second.context["page"].object_list) == 5

    def test_the_list_takes_a_constant_number_of_queries(self, client, django_assert_num_queries):
        for number in range(10):
            create_facility(self.tree.village, "school", code=f"school-{number}")
        # the types for the select, the count, the page (with open-now), the area
        with django_assert_num_queries(4):
            client.get("/en/facilities/", {"area": "1710"})
