from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest

from geo.tests.factories import create_facility, create_tree, office_hours


@pytest.mark.django_db
class TestExportingTheDirectory:
    def setup_method(self):
        self.tree = create_tree()
        self.hall = create_facility(
            self.tree.commune,
            latitude=Decimal("13.363300"),
            longitude=Decimal("103.856400"),
            phones=["+85563963555", "+85512345678"],
        )
        office_hours(self.hall)
        self.school = create_facility(self.tree.other_village, "school", name_en="=HYPERLINK()")

    def test_the_csv_has_the_import_columns_and_one_row_per_facility(self, client):
        response = client.get("/en/facilities/export.csv")
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        text = b"".join(response.streaming_content).decode()
        assert text.startswith("\ufeff")
        rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
        assert [row["code"] for row in rows] == ["commune-hall-171001", "school-17100401"]
        hall = rows[0]
        assert hall["name_km"] == "សាលាឃុំ សង្កាត់ស្លក្រាម"
        assert hall["area"] == "171001"
        assert hall["phones"] == "+85563963555;+85512345678"
        assert hall["hours"] == "Mo-Fr 07:30-11:30,14:00-17:00"
        assert rows[1]["name_en"] == "'=HYPERLINK()"

    def test_the_csv_follows_the_directory_filters(self, client):
        response = client.get("/en/facilities/export.csv", {"type": "school"})
        text = b"".join(response.streaming_content).decode()
        assert "school-17100401" in text and "commune-hall" not in text

    def test_the_geojson_has_the_located_facilities_longitude_first(self, client):
        response = client.get("/en/facilities/export.geojson")
        assert response["Content-Type"] == "application/geo+json"
        data = json.loads(response.content)
        assert data["type"] == "FeatureCollection"
        [feature] = data["features"]
        assert feature["geometry"] == {"type": "Point", "coordinates": [103.8564, 13.3633]}
        assert feature["properties"]["name_km"] == "សាលាឃុំ សង្កាត់ស្លក្រាម"
        assert (
            feature["properties"]["url"] == "http://testserver/en/facilities/commune-hall-171001/"
        )
