from __future__ import annotations

from decimal import Decimal

import pytest

from geo.maps import tile_origin
from geo.tests.factories import create_facility, create_tree

TILES = "https://tiles.example.org/{z}/{x}/{y}.png"


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("", ""),
        (TILES, "https://tiles.example.org"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
        ("http://127.0.0.1:8080/{z}/{x}/{y}.png", "http://127.0.0.1:8080"),
        ("javascript:alert(1)", ""),
    ],
)
def test_the_tile_servers_origin_is_what_the_csp_allows(url, origin):
    assert tile_origin(url) == origin


@pytest.mark.django_db
class TestTheMap:
    def setup_method(self):
        tree = create_tree()
        self.facility = create_facility(
            tree.village, "health-centre", latitude=Decimal("13.36"), longitude=Decimal("103.86")
        )
        self.pages = ("/en/facilities/", f"/en/facilities/{self.facility.code}/")

    def test_without_a_tile_server_no_page_references_leaflet(self, client, settings):
        settings.SALA_MAP_TILE_URL = ""
        for url in self.pages:
            response = client.get(url)
            html = response.content.decode()
            assert "leaflet" not in html
            assert "data-geo-map" not in html
            assert "tiles.example.org" not in response["Content-Security-Policy"]

    def test_with_a_tile_server_the_pages_load_leaflet_and_allow_only_its_origin(
        self, client, settings
    ):
        settings.SALA_MAP_TILE_URL = TILES
        for url in self.pages:
            response = client.get(url)
            html = response.content.decode()
            assert "/static/geo/vendor/leaflet/leaflet.js" in html, url
            assert "/static/geo/vendor/leaflet/leaflet.css" in html, url
            assert "data-geo-map" in html
            policy = dict(
                part.strip().split(" ", 1)
                for part in response["Content-Security-Policy"].split(";")
            )
            assert policy["img-src"].split() == ["'self'", "data:", "https://tiles.example.org"]
            assert "tiles.example.org" not in policy["script-src"]
            assert "tiles.example.org" not in policy["connect-src"]
        other = client.get("/en/place/17/")
        assert "tiles.example.org" not in other["Content-Security-Policy"]
        assert "leaflet" not in other.content.decode()

    def test_the_vendored_leaflet_is_there_with_its_licence(self):
        from pathlib import Path

        folder = Path(__file__).resolve().parents[1] / "static" / "geo" / "vendor" / "leaflet"
        for name in ("leaflet.js", "leaflet.css", "LICENSE", "images/marker-icon.png"):
            assert (folder / name).is_file(), name
        assert "1.9.4" in (folder / "VERSION").read_text()
