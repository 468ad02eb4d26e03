from __future__ import annotations

import pytest

from demo.places import load_demo_places
from geo.jurisdiction import office_for_area
from geo.models import Facility, PublicHoliday
from geo.tests.factories import create_area, create_tree


@pytest.mark.django_db
class TestTheDemoPlaces:
    def test_every_commune_gets_a_hall_named_in_khmer_and_english(self):
        tree = create_tree()
        counts = load_demo_places()
        assert counts.created > 0
        hall = office_for_area(tree.village, "commune-hall")
        assert (hall.name_km, hall.name_en) == ("សាលាឃុំស្លក្រាម", "Sla Kram Commune Hall")
        assert office_for_area(tree.other_village, "commune-hall").area == tree.other_commune
        assert hall.hours.count() == 10

    def test_the_ministries_serve_every_province(self):
        tree = create_tree()
        capital = create_area("12", "Phnom Penh", "រាជធានីភ្នំពេញ")
        load_demo_places()
        ministry = Facility.objects.get(code="ministry-moh")
        assert ministry.area == capital
        assert office_for_area(tree.village, "ministry").code.startswith("ministry-")

    def test_loading_again_creates_nothing(self):
        create_tree()
        first = load_demo_places()
        holidays = PublicHoliday.objects.count()
        second = load_demo_places()
        assert (second.created, second.existing) == (0, first.created)
        # cases' migration 0002 already holds 2026-2027, so this is at least the 26 of the demo
        assert second.holidays == 0 and PublicHoliday.objects.count() == holidays >= 26
