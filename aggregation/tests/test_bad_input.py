"""Bad input never crashes the poller, never affects other sources, never publishes unsafe
HTML. Each source below is polled in one cycle with a good source."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from aggregation.models import Item, Source
from aggregation.polling import poll_source, poll_sources
from aggregation.tests.factories import create_source
from aggregation.tests.servers import Route

pytestmark = pytest.mark.django_db


def poll_with_a_good_source(feed_server, bad_url: str) -> Source:
    """Poll the bad source together with a good one; return the bad one, refreshed."""
    good = create_source(url=feed_server.serve_file("/good", "atom10.xml"), name_en="Good")
    bad = create_source(url=bad_url, name_en="Bad")
    cycle = poll_sources([bad, good])
    assert cycle.sources == 2
    assert Item.objects.filter(source=good).count() == 1, "the good source must not suffer"
    bad.refresh_from_db()
    return bad


def test_malformed_xml_is_a_plain_error_for_that_source_only(feed_server):
    bad = poll_with_a_good_source(feed_server, feed_server.serve_file("/bad", "malformed.xml"))
    assert not Item.objects.filter(source=bad).exists()
    assert bad.last_error_en.startswith("The feed is not valid RSS or Atom")
    assert bad.last_error_km
    assert bad.consecutive_failures == 1


def test_an_html_page_instead_of_a_feed_is_refused(feed_server):
    url = feed_server.serve_file("/page", "not_a_feed.html", "text/html")
    bad = poll_with_a_good_source(feed_server, url)
    assert "not valid RSS or Atom" in bad.last_error_en


def test_a_billion_laughs_document_is_refused_before_parsing(feed_server):
    started = time.monotonic()
    bad = poll_with_a_good_source(feed_server, feed_server.serve_file("/lol", "billion_laughs.xml"))
    assert time.monotonic() - started < 10
    assert bad.last_error_en == "The feed declares XML entities, which we refuse for safety."
    assert not Item.objects.filter(source=bad).exists()


@override_settings(SALA_AGGREGATION_MAX_FEED_BYTES=2 * 1024 * 1024)
def test_a_200_mb_response_is_cut_off_at_the_size_cap(feed_server):
    feed_server.routes["/huge"] = Route(behaviour="huge")
    bad = poll_with_a_good_source(feed_server, feed_server.url("/huge"))
    assert bad.last_error_en == "The feed is larger than 2 MB; we did not read it."
    # We stopped reading long before the server could send 200 MB.
    assert feed_server.sent_bytes < 50 * 1024 * 1024


@override_settings(SALA_AGGREGATION_TIMEOUT_SECONDS=1)
def test_a_source_that_never_answers_times_out(feed_server):
    feed_server.routes["/hang"] = Route(behaviour="hang")
    started = time.monotonic()
    bad = poll_with_a_good_source(feed_server, feed_server.url("/hang"))
    assert time.monotonic() - started < 8
    assert bad.last_error_en == "The site did not answer within 1 seconds."


def test_a_feed_in_the_wrong_encoding_is_still_read(feed_server):
    # Declared UTF-8 (in the XML and the header) but written in Windows-1252.
    source = create_source(url=feed_server.serve_file("/enc", "wrong_encoding.xml"))
    report = poll_source(source)
    assert report.counts["new"] == 1, source.last_error_en
    item = Item.objects.get(source=source)
    assert item.title == "Café owners meet the governor"


def test_script_and_event_handlers_never_reach_the_stored_html(feed_server):
    source = create_source(url=feed_server.serve_file("/unsafe", "script.xml"))
    poll_source(source)
    item = Item.objects.get(source=source)
    stored = f"{item.title} {item.summary} {item.body}".lower()
    for unsafe in ("<script", "onclick", "onmouseover", "onerror", "javascript:", "<iframe",
                   "style=", "evil.example"):  # fmt: skip
        assert unsafe not in stored
    assert "<b>8\u201317</b>" in item.body
    assert item.image_urls == ["https://unsafe.example.gov.kh/hours.png"]


def test_duplicate_guids_and_a_republished_story_show_once(feed_server):
    source = create_source(url=feed_server.serve_file("/dupes", "duplicate_guids.xml"))
    report = poll_source(source)
    assert report.counts == {"new": 1, "seen": 1, "duplicate": 1}
    assert Item.objects.get().title == "Water supply cut on Sunday in Daun Penh"


def test_a_date_in_2999_becomes_the_fetch_time_and_a_missing_date_too(feed_server):
    source = create_source(url=feed_server.serve_file("/future", "future.xml"))
    before = timezone.now()
    poll_source(source)
    items = list(Item.objects.all())
    assert len(items) == 2  # the item dated 2999 and the one without a date
    for item in items:
        assert before - timedelta(seconds=1) <= item.published_at <= timezone.now()
        assert item.published_at < datetime(2100, 1, 1, tzinfo=UTC)


def test_a_failing_source_backs_off_exponentially_and_recovers(feed_server):
    source = create_source(url=feed_server.url("/later"), interval_minutes=10)
    delays = []
    for _attempt in range(3):
        poll_source(source)
        delays.append((source.next_poll_at - source.last_polled_at).total_seconds() / 60)
    assert delays == [20, 40, 80]
    assert source.consecutive_failures == 3
    assert not Source.objects.due().filter(pk=source.pk).exists()

    feed_server.serve_file("/later", "rss20.xml")
    poll_source(source)
    assert source.consecutive_failures == 0
    assert source.last_error_en == ""
    assert (source.next_poll_at - source.last_polled_at) == timedelta(minutes=10)


@override_settings(SALA_OUTBOUND_ALLOW_LOOPBACK=False)
def test_private_addresses_are_refused_in_production(feed_server):
    source = create_source(url=feed_server.serve_file("/rss", "rss20.xml"))
    poll_source(source)
    assert "private address" in source.last_error_en
    assert feed_server.requests == []
