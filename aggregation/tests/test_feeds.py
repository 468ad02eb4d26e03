"""Feeds of every format served over real HTTP on loopback become items."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core.management import call_command

from aggregation.models import Item, Source
from aggregation.polling import poll_source, poll_sources
from aggregation.tests.factories import create_institution, create_source

pytestmark = pytest.mark.django_db


def test_an_rss_2_feed_becomes_items_with_absolute_links_and_attribution(feed_server):
    institution = create_institution()
    source = create_source(url=feed_server.serve_file("/rss", "rss20.xml"), institution=institution)

    report = poll_source(source)

    assert report.counts["new"] == 2
    english = Item.objects.get(guid="moh-2026-101")
    assert english.title == "Measles vaccination week in Kampot"
    assert english.original_url == "https://moh.example.gov.kh/news/measles-week?utm_source=rss"
    assert english.canonical_url == "https://moh.example.gov.kh/news/measles-week"
    assert english.story_url == "https://moh.example.gov.kh/news/measles-week"
    assert 'href="https://moh.example.gov.kh/provinces/kampot"' in english.body
    assert "<img" not in english.body
    assert english.image_urls == ["https://moh.example.gov.kh/img/vaccine.jpg"]
    assert english.published_at == datetime(2026, 11, 30, 1, 0, tzinfo=UTC)
    assert english.institution == institution
    assert english.status == Item.Status.PUBLISHED
    khmer = Item.objects.get(guid="moh-2026-102")
    # The feed says en-us for everything; the entry's script says Khmer... but a declared
    # language wins over the script, so a Khmer-only source sets its language.
    assert khmer.title.startswith("ការចាក់វ៉ាក់សាំង")


@pytest.mark.parametrize(
    ("name", "content_type", "title", "language"),
    [
        ("atom10.xml", "application/atom+xml", "New school year starts on 1 December", "en"),
        ("atom03.xml", "application/atom+xml", "Road works on National Road 6 near the airport",
         "en"),
        ("rss10.rdf", "application/rdf+xml", "Flood warning for the Mekong river banks", "en"),
        ("rss091.xml", "application/rss+xml", "Rice export figures for October published", "en"),
        ("feed.json", "application/feed+json", "តម្លៃសំបុត្រចូលទស្សនាអង្គរថ្មី", "km"),
    ],
)  # fmt: skip
def test_every_feed_format_is_read(feed_server, name, content_type, title, language):
    source = create_source(url=feed_server.serve_file("/feed", name, content_type))

    report = poll_source(source)

    assert report.counts["new"] == 1, source.last_error_en
    item = Item.objects.get(source=source)
    assert item.title == title
    assert item.language == language
    assert item.original_url.startswith("https://")
    assert "<script" not in item.body


def test_the_json_feed_image_is_kept_as_an_absolute_link(feed_server):
    source = create_source(url=feed_server.serve_file("/j", "feed.json", "application/json"))
    poll_source(source)
    assert Item.objects.get().image_urls == ["https://mot.example.gov.kh/images/angkor.jpg"]


def test_language_comes_from_the_script_when_nothing_declares_it(feed_server):
    source = create_source(url=feed_server.serve_file("/f", "rss20.xml"))
    feed_server.routes["/f"].body = feed_server.routes["/f"].body.replace(
        b"<language>en-us</language>", b""
    )
    poll_source(source)
    assert Item.objects.get(guid="moh-2026-102").language == "km"
    assert Item.objects.get(guid="moh-2026-101").language == "en"


def test_a_second_poll_asks_conditionally_and_stores_nothing_twice(feed_server):
    source = create_source(url=feed_server.serve_file("/rss", "rss20.xml"))
    poll_source(source)
    source.refresh_from_db()
    assert source.etag

    report = poll_source(source)

    assert report.counts == {"not_modified": 1}
    assert feed_server.requests[-1] == ("/rss", source.etag)
    assert Item.objects.count() == 2


def test_redirects_are_followed_within_a_limit(feed_server):
    feed_server.serve_file("/final", "atom10.xml", "application/atom+xml")
    feed_server.routes["/moved"] = feed_server.routes["/final"].__class__(
        status=301, location="/final"
    )
    moved = create_source(url=feed_server.url("/moved"))
    assert poll_source(moved).counts["new"] == 1

    from aggregation.tests.servers import Route

    feed_server.routes["/loop"] = Route(status=302, location="/loop")
    looping = create_source(url=feed_server.url("/loop"), name_en="Loop")
    poll_source(looping)
    looping.refresh_from_db()
    assert "redirected more than" in looping.last_error_en


def test_the_command_polls_due_sources_and_prints_a_summary(feed_server, capsys):
    create_source(url=feed_server.serve_file("/a", "rss20.xml"))
    create_source(url=feed_server.serve_file("/b", "atom10.xml"), name_en="Education")
    create_source(url=feed_server.url("/missing"), name_en="Gone")
    create_source(url=feed_server.url("/off"), name_en="Off", enabled=False)

    call_command("poll_sources", verbosity=2)

    out = capsys.readouterr().out
    assert "[3/3]" in out
    assert "Polled 3 sources" in out
    assert "1 failed" in out
    assert "items 3 new" in out
    gone = Source.objects.get(name_en="Gone")
    assert gone.last_error_en == "The site answered with HTTP status 404."
    assert gone.last_error_km


def test_many_sources_in_one_cycle_are_fetched_in_parallel(feed_server):
    for number in range(12):
        feed_server.routes[f"/s{number}"] = feed_server.routes.get("/x") or None
        create_source(url=feed_server.serve_file(f"/s{number}", "rss20.xml"),
                      name_en=f"S{number}")  # fmt: skip
    cycle = poll_sources(Source.objects.all(), threads=4)
    assert cycle.sources == 12
    assert cycle.failed == 0
    # The same two stories from twelve sources show once.
    assert Item.objects.count() == 2
    assert cycle.counts["duplicate"] == 22
