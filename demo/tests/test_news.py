"""The demo news loads once, with items in both languages and a mailed draft, and the
demo feeds it names are the files the demo serves."""

from __future__ import annotations

import pytest

from aggregation.models import ClassificationRule, Item, Source
from aggregation.polling import poll_source
from demo.news import load_demo
from geo.models import Area, Institution
from standins import ministry_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def places():
    for code, en, km in (("07", "Kampot", "កំពត"), ("17", "Siem Reap", "សៀមរាប")):
        Area.objects.create(code=code, level=1, path=f"/{code}/", name_en=en, name_km=km,
                            key_en=en.lower())  # fmt: skip
    Institution.objects.create(code="moh", name_en="Ministry of Health", name_km="ក្រសួងសុខាភិបាល")


def test_loading_twice_creates_everything_once(places):
    first = load_demo()
    second = load_demo()
    assert first.sources == 5  # three feeds, a mailbox and a ministry's website
    assert first.items == 8
    assert second.sources == second.items == 0
    assert Item.objects.filter(status=Item.Status.DRAFT).count() == 1
    assert set(Item.objects.values_list("language", flat=True)) == {"km", "en"}
    assert ClassificationRule.objects.count() == 4


def test_demo_rules_file_items_under_their_province(places):
    load_demo()
    kampot = Area.objects.get(code="07")
    titles = set(Item.objects.filter(areas=kampot).values_list("title", flat=True))
    assert "Measles vaccination week in Kampot province" in titles
    assert "ការចាក់វ៉ាក់សាំងការពារជំងឺកញ្ជ្រិលនៅខេត្តកំពត" in titles


def test_polling_the_served_demo_feeds_finds_nothing_new(places, feed_server):
    load_demo()
    sources = list(Source.objects.filter(kind=Source.Kind.FEED))
    assert sources
    for source in sources:
        filename = source.url.rsplit("/", 1)[1]
        source.url = feed_server.serve_file(f"/{filename}", f"../../../demo/static/demo/news/"
                                            f"{filename}")  # fmt: skip
        report = poll_source(source)
        assert report.counts["new"] == 0, source.last_error_en
        assert report.counts["seen"] > 0


def test_the_demo_website_source_reads_the_stand_in_ministry_site(places, settings):
    server, _state = ministry_site.start()
    try:
        settings.SALA_DEMO_MINISTRY_SITE_URL = server.url
        load_demo()
        source = Source.objects.get(kind=Source.Kind.SITE)
        report = poll_source(source)
        assert report.counts["new"] > 10, source.last_error_en
        assert source.pages.filter(format="pdf").exists()
    finally:
        server.stop()
