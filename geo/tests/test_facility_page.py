from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest

from geo.jurisdiction import do_set_jurisdiction
from geo.tests.factories import create_facility, create_tree, office_hours

JSON_LD = re.compile(
    r'<script type="application/ld\+json" nonce="(?P<nonce>[^"]+)">(?P<data>.*?)</script>', re.S
)


def json_ld(response) -> tuple[dict, str]:
    match = JSON_LD.search(response.content.decode())
    assert match, "no JSON-LD on the page"
    return json.loads(match["data"]), match["nonce"]


@pytest.mark.django_db
class TestTheFacilityPage:
    def setup_method(self):
        self.tree = create_tree()

    def test_it_shows_contacts_hours_and_the_area_it_serves(self, client):
        hall = create_facility(
            self.tree.commune,
            phones=["+85563963555"],
            telegram="https://t.me/slakram_hall",
            address_en="National Road 6",
        )
        office_hours(hall)
        html = client.get(f"/en/facilities/{hall.code}/").content.decode()
        assert '<a href="tel:+85563963555">063 963 555</a>' in html
        assert "07:30\u201311:30, 14:00\u201317:00" in html
        assert "Closed on public holidays." in html
        assert "Areas served" in html and 'href="/en/place/171001/"' in html

    @pytest.mark.parametrize(
        ("type_code", "schema_type"),
        [
            ("commune-hall", "GovernmentOffice"),
            ("referral-hospital", "Hospital"),
            ("school", "School"),
            ("health-centre", "MedicalClinic"),
            ("police-station", "PoliceStation"),
        ],
    )
    def test_its_structured_data_has_the_schema_type_of_its_kind(
        self, client, type_code, schema_type
    ):
        facility = create_facility(
            self.tree.commune,
            type_code,
            latitude=Decimal("13.363300"),
            longitude=Decimal("103.856400"),
        )
        office_hours(facility, range(1))
        response = client.get(f"/en/facilities/{facility.code}/")
        data, nonce = json_ld(response)
        assert data["@type"] == schema_type
        assert data["geo"] == {
            "@type": "GeoCoordinates",
            "latitude": 13.3633,
            "longitude": 103.8564,
        }
        assert data["address"]["addressRegion"] == "Siemreap"
        assert data["openingHoursSpecification"][0]["dayOfWeek"] == "https://schema.org/Monday"
        assert nonce in response["Content-Security-Policy"]

    def test_a_name_cannot_break_out_of_the_structured_data(self, client):
        facility = create_facility(self.tree.commune, name_en="</script><script>alert(1)")
        html = client.get(f"/en/facilities/{facility.code}/").content.decode()
        assert "</script><script>alert(1)" not in html
        data, _ = json_ld(client.get(f"/en/facilities/{facility.code}/"))
        assert data["name"] == "</script><script>alert(1)"

    def test_an_office_with_an_explicit_jurisdiction_lists_those_areas(self, client):
        hall = create_facility(self.tree.commune)
        do_set_jurisdiction(None, hall, [self.tree.commune, self.tree.other_commune])
        html = client.get(f"/en/facilities/{hall.code}/").content.decode()
        assert 'href="/en/place/171004/"' in html

    def test_an_unlisted_or_unknown_facility_is_a_404(self, client):
        hall = create_facility(self.tree.commune, is_active=False)
        assert client.get(f"/en/facilities/{hall.code}/").status_code == 404
        assert client.get("/en/facilities/no-such-place/").status_code == 404
