"""Poll sources: fetch (many at once, in threads: fetching touches no database), parse and
store (one after another), and record each source's health. A failing source gets an
exponential backoff and a plain-words error; it never stops the others."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from aggregation.crawling import CrawlReport, Progress, crawl_site
from aggregation.errors import PollError
from aggregation.fetching import FetchResult, feed_client, fetch
from aggregation.ingesting import IngestReport, store_entries
from aggregation.mailboxes import poll_mailbox
from aggregation.models import Source
from aggregation.parsing import parse_feed
from aggregation.sanitising import absolute_url
from core.outbound import OutboundClient

logger = logging.getLogger("sala.aggregation")

MAX_BACKOFF = timedelta(hours=24)
FETCH_THREADS = 8


@dataclass
class CycleReport:
    """What one polling cycle did, counted over every source."""

    sources: int = 0
    failed: int = 0
    not_modified: int = 0
    counts: Counter = field(default_factory=Counter)
    created: list[int] = field(default_factory=list)

    def add(self, report: IngestReport | CrawlReport) -> None:
        self.counts.update(report.counts)
        if isinstance(report, IngestReport):
            self.created.extend(report.created)


def poll_sources(
    sources: Iterable[Source],
    *,
    threads: int = FETCH_THREADS,
    progress: Callable[[Source, str], None] | None = None,
) -> CycleReport:
    """Poll every source given (feeds fetched in parallel); return the counts."""
    sources = list(sources)
    feeds = [source for source in sources if source.kind == Source.Kind.FEED]
    mailboxes = [source for source in sources if source.kind == Source.Kind.IMAP]
    sites = [source for source in sources if source.kind == Source.Kind.SITE]
    cycle = CycleReport()
    with feed_client(pool_size=max(1, threads)) as client:
        with ThreadPoolExecutor(max_workers=max(1, threads)) as pool:
            fetched = pool.map(lambda source: _fetch_safely(source, client), feeds)
            for source, outcome in zip(feeds, fetched, strict=True):
                _record(cycle, source, store_feed(source, outcome), progress)
    for source in mailboxes:
        _record(cycle, source, poll_mailbox_safely(source), progress)
    for source in sites:
        _record(cycle, source, crawl_site_safely(source), progress)
    return cycle


def poll_source(source: Source) -> IngestReport | CrawlReport | PollError:
    """Poll one source now; return what it stored, or the error that stopped it."""
    if source.kind == Source.Kind.IMAP:
        return poll_mailbox_safely(source)
    if source.kind == Source.Kind.SITE:
        return crawl_site_safely(source)
    return store_feed(source, _fetch_safely(source, None))


def _record(cycle, source, outcome, progress) -> None:
    cycle.sources += 1
    if isinstance(outcome, PollError):
        cycle.failed += 1
        state = f"failed: {outcome.en}"
    else:
        cycle.add(outcome)
        if outcome.counts.get("not_modified"):
            cycle.not_modified += 1
        state = ", ".join(f"{key} {value}" for key, value in sorted(outcome.counts.items()))
    if progress:
        progress(source, state or "nothing new")


def _fetch_safely(source: Source, client: OutboundClient | None) -> FetchResult | PollError:
    try:
        return fetch(
            source.url, etag=source.etag, last_modified=source.last_modified, client=client
        )
    except PollError as error:
        return error
    except Exception as error:  # one source's surprise must not stop the rest
        logger.exception("Fetching source %s failed unexpectedly", source.pk)
        return _unexpected(error)


def store_feed(source: Source, outcome: FetchResult | PollError) -> IngestReport | PollError:
    """Parse and store a fetched feed and record the source's health."""
    now = timezone.now()
    if isinstance(outcome, PollError):
        record_failure(source, outcome, now)
        return outcome
    report = IngestReport()
    if outcome.not_modified:
        report.counts["not_modified"] += 1
        record_success(source, now, report)
        return report

    def store() -> IngestReport:
        parsed = parse_feed(outcome.content, content_type=outcome.headers.get("content-type", ""))
        return store_entries(
            source, parsed.entries, base_url=site_base(parsed.link, outcome.url),
            feed_language=parsed.language,
            fetched_at=now,
        )  # fmt: skip

    stored = _ingest_safely(source, now, "Storing source", store)
    if isinstance(stored, PollError):
        return stored
    source.etag = outcome.etag[:500]
    source.last_modified = outcome.last_modified[:100]
    record_success(source, now, stored, extra_fields=["etag", "last_modified"])
    return stored


def site_base(site_link: str, feed_url: str) -> str:
    """Return the address relative links are resolved against: the site the feed names
    (links in feeds are written relative to the site), else the feed's own address."""
    site = absolute_url(site_link, feed_url)
    return site if site.startswith("http") else feed_url


def poll_mailbox_safely(source: Source) -> IngestReport | PollError:
    now = timezone.now()
    report = _ingest_safely(source, now, "Polling mailbox", lambda: poll_mailbox(source))
    if isinstance(report, PollError):
        return report
    record_success(source, now, report, extra_fields=["imap_uidvalidity", "imap_last_uid"])
    return report


def crawl_site_safely(source: Source, progress: Progress | None = None) -> CrawlReport | PollError:
    """Crawl a website source and record its health: the pages that failed and those in a
    legacy font are the source's last error, in plain words, while the rest is indexed."""
    now = timezone.now()
    crawled = _ingest_safely(
        source, now, "Crawling site", lambda: crawl_site(source, progress=progress)
    )
    if isinstance(crawled, PollError):
        return crawled
    record_success(source, now, crawled)
    errors, legacy = len(crawled.errors), len(crawled.legacy_font)
    if errors or legacy:
        source.last_error_en = (
            f"{errors} pages could not be read; {legacy} pages are typed in a legacy Khmer "
            "font (Limon, ABC) and are not in the search until the ministry converts them "
            f"to Unicode. {' '.join(crawled.errors[:5] + crawled.legacy_font[:5])}"
        )
        source.last_error_km = (
            f"ទំព័រចំនួន {errors} មិនអាចអានបាន។ ទំព័រចំនួន {legacy} ត្រូវបានវាយដោយពុម្ពអក្សរខ្មែរចាស់ "
            "(Limon, ABC) ហើយមិនមាននៅក្នុងការស្វែងរកទេ រហូតដល់ក្រសួងបំប្លែងវាទៅជាយូនីកូដ។ "
            f"{' '.join(crawled.errors[:5] + crawled.legacy_font[:5])}"
        )
        source.save(update_fields=["last_error_en", "last_error_km"])
    return crawled


def _ingest_safely(source: Source, now: datetime, what: str, ingest: Callable[[], Any]) -> Any:
    """Return what `ingest()` stored, or the error it met, recorded on the source."""
    try:
        return ingest()
    except PollError as error:
        record_failure(source, error, now)
        return error
    except Exception as error:  # one source's surprise must not stop the rest
        logger.exception("%s %s failed unexpectedly", what, source.pk)
        failure = _unexpected(error)
        record_failure(source, failure, now)
        return failure


def record_success(source, now, report: IngestReport | CrawlReport, extra_fields=()) -> None:
    source.last_polled_at = now
    source.last_success_at = now
    source.last_error_km = source.last_error_en = ""
    source.consecutive_failures = 0
    source.next_poll_at = now + timedelta(minutes=source.interval_minutes)
    source.last_report = dict(report.counts)
    source.save(
        update_fields=[
            "last_polled_at", "last_success_at", "last_error_km", "last_error_en",
            "consecutive_failures", "next_poll_at", "last_report", *extra_fields,
        ]
    )  # fmt: skip


def record_failure(source: Source, error: PollError, now) -> None:
    """Record the error and wait twice as long after each failure in a row (at most a day)."""
    source.consecutive_failures += 1
    source.last_polled_at = now
    source.last_error_en = error.en
    source.last_error_km = error.km
    delay = timedelta(minutes=source.interval_minutes) * 2 ** min(source.consecutive_failures, 16)
    source.next_poll_at = now + min(delay, MAX_BACKOFF)
    source.last_report = {"error": error.en}
    source.save(
        update_fields=[
            "consecutive_failures", "last_polled_at", "last_error_en", "last_error_km",
            "next_poll_at", "last_report",
        ]
    )  # fmt: skip


def _unexpected(error: Exception) -> PollError:
    return PollError(
        f"Something unexpected went wrong ({type(error).__name__}); see the server log.",
        f"មានបញ្ហាដែលមិនបានរំពឹងទុក ({type(error).__name__}) សូមមើលកំណត់ហេតុម៉ាស៊ីនមេ។",
    )
