from __future__ import annotations

import pytest

from audit.models import AuditEntry
from geo.jurisdiction import do_set_jurisdiction, office_for_area, offices_for_area, served_areas
from geo.models import Area
from geo.tests.factories import create_facility, create_tree


@pytest.mark.django_db
class TestOfficesServingAnArea:
    def setup_method(self):
        self.tree = create_tree()
        self.hall = create_facility(self.tree.commune, "commune-hall")
        self.other_hall = create_facility(self.tree.other_commune, "commune-hall")
        self.district_office = create_facility(self.tree.district, "district-office")
        self.department = create_facility(
            self.tree.province, "provincial-department", code="health-department-17"
        )

    def test_a_village_is_served_by_its_own_commune_hall_not_the_neighbours(self):
        assert office_for_area(self.tree.village, "commune-hall") == self.hall
        assert office_for_area(self.tree.other_village, "commune-hall") == self.other_hall

    def test_every_office_above_the_village_serves_it_nearest_first(self):
        offices = list(offices_for_area(self.tree.village))
        assert offices == [self.hall, self.district_office, self.department]

    def test_the_level_picks_the_office_at_that_level(self):
        offices = offices_for_area(self.tree.village, level=Area.Level.DISTRICT)
        assert list(offices) == [self.district_office]

    def test_an_office_does_not_serve_the_area_above_it(self):
        assert list(offices_for_area(self.tree.district)) == [
            self.district_office,
            self.department,
        ]

    def test_an_explicit_jurisdiction_replaces_the_default(self):
        # The Sla Kram hall takes over the neighbouring commune and stops serving its own.
        do_set_jurisdiction(None, self.hall, [self.tree.other_commune])
        assert served_areas(self.hall) == [self.tree.other_commune]
        assert set(offices_for_area(self.tree.other_village, "commune-hall")) == {
            self.hall,
            self.other_hall,
        }
        assert office_for_area(self.tree.village, "commune-hall") is None

        do_set_jurisdiction(None, self.hall, [])
        assert served_areas(self.hall) == [self.tree.commune]
        entries = AuditEntry.objects.for_object(self.hall).order_by("pk")
        assert [(e.action, e.office_id, e.data) for e in entries] == [
            ("geo.jurisdiction.set", self.hall.pk, {"areas": [self.tree.other_commune.code]}),
            ("geo.jurisdiction.set", self.hall.pk, {"areas": []}),
        ]
        assert office_for_area(self.tree.village, "commune-hall") == self.hall

    def test_an_unlisted_office_serves_nobody(self):
        self.hall.is_active = False
        self.hall.save(update_fields=["is_active"])
        assert office_for_area(self.tree.village, "commune-hall") is None

    def test_the_lookup_takes_one_query_at_any_depth(self, django_assert_num_queries):
        for area in (self.tree.province, self.tree.commune, self.tree.village):
            with django_assert_num_queries(1):
                list(offices_for_area(area))
