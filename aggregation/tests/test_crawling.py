"""Crawling the stand-in ministry website (standins.ministry_site, a real HTTP server on
loopback): what is read, what is left alone, and what administrators are told."""

from __future__ import annotations

import time

import pytest
from django.core.management import call_command

from aggregation.crawling import crawl_site
from aggregation.errors import PollError
from aggregation.models import Page, Source
from aggregation.polling import crawl_site_safely
from aggregation.tests.factories import create_institution, create_source
from standins import ministry_site as site

pytestmark = pytest.mark.django_db


def site_source(server, **fields) -> Source:
    fields.setdefault("crawl_delay_seconds", 0)
    institution = create_institution(
        code="mpwt",
        name_en="Ministry of Public Works and Transport",
        name_km="ក្រសួងសាធារណការ និងដឹកជញ្ជូន",
    )
    return create_source(
        url=f"{server.url}/", kind=Source.Kind.SITE, institution=institution, **fields
    )


def page(path: str, server) -> Page:
    return Page.objects.get(url=f"{server.url}{path}")


def test_khmer_and_english_pages_and_the_pdf_are_read_without_menus_and_footers(ministry_site):
    crawl_site(site_source(ministry_site))
    khmer = page("/km/news/national-road-5", ministry_site)
    assert khmer.title == "ការជួសជុលផ្លូវជាតិលេខ ៥ ក្នុងរដូវប្រាំង"
    assert khmer.language == "km" and khmer.status == Page.Status.INDEXED
    assert "ផ្លូវបណ្តោះអាសន្ន" in khmer.text
    assert "Staff only" not in khmer.text and "Copyright" not in khmer.text
    assert khmer.published_at.date().isoformat() == "2026-11-20"
    english = page("/en/news/driving-licence", ministry_site)
    assert english.language == "en" and "health certificate" in english.text
    report = page(site.PDF_PATH, ministry_site)
    assert report.format == Page.Format.PDF
    assert report.title == "Road safety report 2026"
    assert "120 kilometres of guardrails" in report.text


def test_robots_txt_closed_paths_are_never_requested(ministry_site):
    report = crawl_site(site_source(ministry_site))
    assert ministry_site.state.asked("/private/salaries") == 0  # listed in the sitemap
    assert ministry_site.state.asked("/private/staff") == 0  # linked from every page
    assert report.counts["refused_by_robots"] == 2


def test_traps_and_loops_are_cut_and_session_ids_do_not_make_new_pages(ministry_site):
    report = crawl_site(site_source(ministry_site))
    state = ministry_site.state
    calendar_pages = state.asked("/calendar")
    assert 1 < calendar_pages <= 13  # an endless calendar: a dozen months, not forever
    assert state.asked("/en/section/section/section/") == 0  # a loop of relative links
    assert state.asked("/en/news/driving-licence") == 1  # ;jsessionid and ?PHPSESSID dropped
    assert state.asked("/en/news/national-road-5") == 1
    assert report.counts["trap"] >= 2
    assert not Page.objects.filter(url__contains="sessid").exists()


def test_redirects_are_followed_on_the_site_only(ministry_site):
    report = crawl_site(site_source(ministry_site))
    assert report.counts["redirected"] == 2  # "/" to /km/ and /moved to the licence page
    assert report.counts["redirected_off_site"] == 1  # /elsewhere to another host
    assert not Page.objects.filter(url__contains="example.org").exists()


def test_a_50_mb_pdf_is_not_read_and_the_rest_of_the_site_is(ministry_site):
    started = time.monotonic()
    report = crawl_site(site_source(ministry_site))
    assert report.counts["too_large"] == 2  # declared 50 MB, and 50 MB sent without a length
    assert time.monotonic() - started < 20
    assert not Page.objects.filter(url__contains="huge").exists()
    assert Page.objects.filter(status=Page.Status.INDEXED).count() > 8


def test_malformed_html_and_wrong_or_missing_encodings_still_give_their_text(ministry_site):
    crawl_site(site_source(ministry_site))
    assert "Tickets are sold on board" in page("/en/news/malformed", ministry_site).text
    declared_latin1 = page("/km/news/wrong-encoding", ministry_site)
    assert "កាណូតដឹកអ្នកដំណើរពីភ្នំពេញទៅសៀមរាប" in declared_latin1.text
    assert declared_latin1.language == "km"
    assert "ស្ពានថ្មីឆ្លងទន្លេមេគង្គ" in page("/km/news/no-encoding", ministry_site).text


def test_a_page_in_a_legacy_khmer_font_is_reported_to_the_administrator_not_indexed(
    ministry_site,
):
    source = site_source(ministry_site)
    report = crawl_site_safely(source)
    legacy = page("/legacy/notice", ministry_site)
    assert legacy.status == Page.Status.LEGACY_FONT
    assert report.legacy_font == [legacy.url]
    source.refresh_from_db()
    assert "legacy Khmer font" in source.last_error_en and legacy.url in source.last_error_en
    assert "ពុម្ពអក្សរខ្មែរចាស់" in source.last_error_km
    assert source.last_report["new_legacy"] == 1


def test_a_second_crawl_asks_conditionally_and_saves_nothing_unchanged(ministry_site):
    source = site_source(ministry_site)
    crawl_site(source)
    changed_at = dict(Page.objects.values_list("pk", "changed_at"))
    report = crawl_site(source)
    assert report.counts["not_modified"] >= 10
    assert report.counts["new"] == report.counts["changed"] == 0
    assert dict(Page.objects.values_list("pk", "changed_at")) == changed_at


def test_pages_that_disappear_leave(ministry_site):
    source = site_source(ministry_site)
    crawl_site(source)
    stale = Page.objects.create(
        source=source, url=f"{ministry_site.url}/en/news/last-year", canonical_url="x",
        status=Page.Status.INDEXED, format=Page.Format.HTML, title="Old", language="en",
        content_hash="x",
    )  # fmt: skip
    ministry_site.state.gone.add("/en/news/national-road-5")
    report = crawl_site(source)
    assert not Page.objects.filter(url__endswith="/en/news/national-road-5").exists()
    assert not Page.objects.filter(pk=stale.pk).exists()  # no longer listed nor linked
    assert report.counts["removed"] == 2


def test_a_crawl_cut_at_its_page_limit_removes_nothing_it_did_not_reach(ministry_site):
    source = site_source(ministry_site)
    crawl_site(source)
    pages = Page.objects.count()
    source.max_pages = 3
    report = crawl_site(source)
    assert not report.complete and report.counts["fetched"] == 3
    assert Page.objects.count() == pages


def test_the_crawl_delay_of_robots_txt_is_kept_between_requests():
    server, _state = site.start(site.SiteState(crawl_delay=0.3))
    try:
        source = site_source(server, max_pages=3)
        started = time.monotonic()
        crawl_site(source)
        # robots.txt, the sitemap and three pages: four waits of 0.3 s.
        assert time.monotonic() - started >= 1.2
    finally:
        server.stop()


def test_a_sitemap_of_100000_entries_is_cut_and_the_crawl_keeps_its_page_limit():
    server, _state = site.start(site.SiteState(sitemap_entries=100_000))
    try:
        source = site_source(server, max_pages=20)
        started = time.monotonic()
        report = crawl_site(source)
        assert time.monotonic() - started < 30
        assert report.counts["sitemap_cut"] == 1
        assert report.counts["in_sitemaps"] == 50_000
        assert report.counts["fetched"] == 20 and not report.complete
    finally:
        server.stop()


def test_slow_and_failing_pages_back_off_and_the_rest_of_the_site_is_read(settings):
    settings.SALA_CRAWL_BACKOFF_SECONDS = 1
    settings.SALA_CRAWL_TIMEOUT_SECONDS = 1
    state = site.SiteState(
        failing={"/en/news/national-road-5"}, slow={"/km/news/driving-licence": 1.5}
    )
    server, state = site.start(state)
    try:
        source = site_source(server)
        started = time.monotonic()
        report = crawl_site_safely(source)
        assert time.monotonic() - started >= 1 + 2  # waited 1 s, then 2 s after the errors
        assert report.counts["errors"] == 2
        assert any("HTTP 500" in error for error in report.errors)
        assert any("did not answer within 1 seconds" in error for error in report.errors)
        assert Page.objects.filter(url__endswith="/en/news/driving-licence").exists()
        assert Page.objects.filter(format=Page.Format.PDF).exists()
        source.refresh_from_db()
        assert source.consecutive_failures == 0 and "2 pages could not be read" in (
            source.last_error_en
        )
    finally:
        server.stop()


def test_a_site_that_keeps_failing_is_left_for_later_with_a_back_off(settings):
    settings.SALA_CRAWL_ERRORS_IN_A_ROW = 3
    state = site.SiteState(failing={"/", "/km/", "/en/", *site.ARTICLES, site.PDF_PATH})
    server, state = site.start(state)
    try:
        source = site_source(server)
        outcome = crawl_site_safely(source)
        assert isinstance(outcome, PollError)
        assert "failed 3 times in a row" in outcome.en
        source.refresh_from_db()
        assert source.consecutive_failures == 1 and source.next_poll_at is not None
        assert "៣" not in source.last_error_km and "ដងជាប់គ្នា" in source.last_error_km
    finally:
        server.stop()


def test_a_robots_txt_that_fails_means_no_crawl_at_all():
    server, state = site.start(site.SiteState(failing={"/robots.txt"}))
    try:
        with pytest.raises(PollError, match=r"robots\.txt answered with HTTP status 500"):
            crawl_site(site_source(server))
        assert state.requests == ["/robots.txt"]
    finally:
        server.stop()


def test_a_home_address_that_is_not_a_web_address_is_a_plain_error(ministry_site):
    source = site_source(ministry_site)
    source.url = "ftp://files.example.gov.kh/"
    with pytest.raises(PollError, match="not a web address"):
        crawl_site(source)


def test_the_command_shows_progress_and_a_summary(ministry_site, capsys):
    site_source(ministry_site)
    call_command("crawl_sites", verbosity=2)
    out = capsys.readouterr().out
    assert f"{ministry_site.url}/km/news/national-road-5: new" in out
    assert "Crawled " in out and "new legacy 1" in out and "too large 2" in out
