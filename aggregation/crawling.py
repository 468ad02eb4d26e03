"""Crawl a website source politely and keep its pages (`Page`) as the site has them.

One crawl: robots.txt first (Protego; a site whose robots.txt cannot be read because its
server fails is not crawled, as RFC 9309 asks), then the home page and every page the
sitemaps list, then the links found, breadth first, one request at a time with the larger
of the source's delay and the robots.txt Crawl-delay between two. Only the home page's
host, only HTML and PDF, only up to the size limits; redirects are followed by hand and
only on the site; traps are cut (`scoping.TrapGuard`). Pages are fetched conditionally
(ETag, Last-Modified) and saved only when their text changed, so the search re-indexes
only what changed. A page that answers 404 or 410 is deleted; when the crawl read the
whole site, so is every page it no longer reached (gone from the sitemap and the links).
An error (a 5xx, a timeout) keeps the page we had and doubles the wait before the next
request; too many in a row stop the crawl with a `PollError` (the source backs off).
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from aggregation.errors import PollError
from aggregation.fetching import poll_error
from aggregation.models import Item, Page, Source
from aggregation.robots import MAX_SITEMAP_FILES, RobotsRules, parse_sitemap
from aggregation.scoping import TrapGuard, looks_like_page, page_address, page_key, same_site
from aggregation.webpages import PageText, read_html, read_pdf
from core.outbound import OutboundClient, OutboundError, Response
from search.updates import schedule_update

logger = logging.getLogger("sala.aggregation")

USER_AGENT = "SalaCrawler/1.0 (+https://sala.gov.kh/)"
ROBOTS_NAME = "SalaCrawler"
HTML_TYPES = ("text/html", "application/xhtml+xml")
PDF_TYPE = "application/pdf"
MAX_BACKOFF_SECONDS = 60.0
REDIRECTS = (301, 302, 303, 307, 308)
MAX_LINKS = 1000  # links kept from one page

Progress = Callable[[str, str], None]


@dataclass
class CrawlReport:
    """What one crawl did: counts by outcome, and the pages administrators must look at."""

    counts: Counter = field(default_factory=Counter)
    complete: bool = True
    legacy_font: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    delay: float = 0.0


def site_client(pool_size: int = 1) -> OutboundClient:
    timeout = settings.SALA_CRAWL_TIMEOUT_SECONDS
    return OutboundClient(
        allow_loopback=settings.SALA_OUTBOUND_ALLOW_LOOPBACK,
        connect_timeout=timeout,
        read_timeout=timeout,
        deadline=timeout * 3,
        max_bytes=max(settings.SALA_CRAWL_MAX_PDF_BYTES, settings.SALA_CRAWL_MAX_PAGE_BYTES),
        max_redirects=5,
        user_agent=USER_AGENT,
        pool_size=pool_size,
    )


def crawl_site(source: Source, *, progress: Progress | None = None) -> CrawlReport:
    """Crawl `source` now; return the counts, or raise PollError when the site cannot be
    crawled at all (robots.txt failing, too many errors in a row)."""
    with site_client() as client:
        return SiteCrawl(source, client, progress=progress).run()


class SiteCrawl:
    def __init__(
        self,
        source: Source,
        client: OutboundClient,
        *,
        progress: Progress | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.source, self.client, self.progress, self.sleep = source, client, progress, sleep
        self.home = page_address(source.url)
        self.report = CrawlReport()
        self.frontier: deque[str] = deque()
        self.queued: set[str] = set()
        self.seen: set[str] = set()
        self.traps = TrapGuard()
        self.robots = RobotsRules.allow_all(ROBOTS_NAME)
        self.base_delay = self.delay = max(0.0, source.crawl_delay_seconds)
        self.last_request = 0.0
        self.errors_in_a_row = 0
        self.known = {
            row["canonical_url"]: row
            for row in Page.objects.filter(source=source).values(
                "pk", "canonical_url", "content_hash", "etag", "last_modified", "status"
            )
        }

    # The crawl -------------------------------------------------------------------------

    def run(self) -> CrawlReport:
        if not self.home:
            raise PollError(
                "The website's home page address is not a web address.",
                "អាសយដ្ឋានទំព័រដើមរបស់គេហទំព័រនេះមិនមែនជាអាសយដ្ឋានវេបទេ។",
            )
        self.robots = self.read_robots()
        self.base_delay = self.delay = max(self.base_delay, self.robots.delay())
        self.enqueue(self.home)
        for url in self.sitemap_pages():
            self.enqueue(url)
        while self.frontier:
            if self.report.counts["fetched"] >= self.source.max_pages:
                self.report.complete = False
                self.report.counts["left_at_page_limit"] = len(self.frontier)
                break
            self.visit(self.frontier.popleft())
            if self.errors_in_a_row >= settings.SALA_CRAWL_ERRORS_IN_A_ROW:
                raise PollError(
                    f"The website failed {self.errors_in_a_row} times in a row; we stopped "
                    "and will try again later.",
                    f"គេហទំព័រនេះបរាជ័យ {self.errors_in_a_row} ដងជាប់គ្នា ដូច្នេះយើងបានឈប់ "
                    "ហើយនឹងព្យាយាមម្តងទៀតនៅពេលក្រោយ។",
                )
        if self.report.complete:
            self.remove_unseen()
        self.hide_feed_duplicates()
        self.report.delay = self.delay
        return self.report

    def enqueue(self, url: str, *, base: str = "", discovered: bool = False) -> None:
        address = page_address(url, base)
        if not address or not same_site(address, self.home) or not looks_like_page(address):
            return
        key = page_key(address)
        if key in self.queued:
            return
        self.queued.add(key)
        if not self.robots.allowed(address):
            self.report.counts["refused_by_robots"] += 1
            return
        if discovered and self.traps.trap(address):
            self.report.counts["trap"] += 1
            return
        self.frontier.append(address)

    def visit(self, url: str) -> None:
        key = page_key(url)
        known = self.known.get(key)
        headers = {"Accept": "text/html, application/xhtml+xml, application/pdf;q=0.9"}
        if known and known["etag"]:
            headers["If-None-Match"] = known["etag"]
        if known and known["last_modified"]:
            headers["If-Modified-Since"] = known["last_modified"]
        try:
            response = self.get(url, headers)
        except OutboundError as error:
            return self.failed(url, key, error)
        self.report.counts["fetched"] += 1
        outcome = self.answered(url, key, response)
        self.tell(url, outcome)

    def answered(self, url: str, key: str, response: Response) -> str:
        status = response.status
        if status in REDIRECTS:
            target = page_address(response.headers.get("location", ""), url)
            if target and same_site(target, self.home):
                self.enqueue(target, discovered=True)
                return self.count("redirected")
            return self.count("redirected_off_site")
        if status == 304:
            self.seen.add(key)
            self.follow_known_links(key, url)
            return self.count("not_modified")
        if status == 429 or status >= 500:
            self.seen.add(key)  # keep what we had: the server is in trouble, not the page
            return self.error(url, f"HTTP {status}")
        self.errors_in_a_row = 0
        self.delay = max(self.base_delay, self.delay / 2)
        if status >= 400:
            return self.count("gone") + self.delete(key)
        if status != 200:
            return self.count("skipped")
        return self.store(url, key, response)

    def failed(self, url: str, key: str, error: OutboundError) -> None:
        self.seen.add(key)
        if error.kind == "too_large":
            self.errors_in_a_row = 0
            return self.tell(url, self.count("too_large"))
        self.report.counts["fetched"] += 1
        self.tell(url, self.error(url, poll_error(error).en))

    def error(self, url: str, reason: str) -> str:
        self.errors_in_a_row += 1
        self.delay = min(
            max(self.delay * 2, float(settings.SALA_CRAWL_BACKOFF_SECONDS)), MAX_BACKOFF_SECONDS
        )
        self.report.errors.append(f"{url}: {reason}")
        return self.count("errors")

    def count(self, outcome: str) -> str:
        self.report.counts[outcome] += 1
        return outcome

    def tell(self, url: str, outcome: str) -> None:
        if self.progress:
            self.progress(url, outcome)

    # Requests ----------------------------------------------------------------------------

    def get(self, url: str, headers: dict[str, str], *, follow: bool = False) -> Response:
        wait = self.last_request + self.delay - time.monotonic()
        if wait > 0:
            self.sleep(wait)
        try:
            return self.client.get(url, headers=headers, follow_redirects=follow)
        finally:
            self.last_request = time.monotonic()

    def read_robots(self) -> RobotsRules:
        url = page_address("/robots.txt", self.home)
        try:
            response = self.get(url, {"Accept": "text/plain"}, follow=True)
        except OutboundError as error:
            raise poll_error(error) from error
        if response.status >= 500 or response.status == 429:
            raise PollError(
                f"The website's robots.txt answered with HTTP status {response.status}; "
                "we do not crawl a site whose rules we cannot read.",
                f"robots.txt របស់គេហទំព័រនេះបានឆ្លើយតបដោយស្ថានភាព HTTP {response.status} "
                "ដូច្នេះយើងមិនអានគេហទំព័រដែលយើងមិនអាចអានច្បាប់របស់វាបានទេ។",
            )
        if response.status != 200:
            return RobotsRules.allow_all(ROBOTS_NAME)
        return RobotsRules.parse(response.content.decode("utf-8", "replace"), ROBOTS_NAME)

    def sitemap_pages(self) -> list[str]:
        """Return the pages the sitemaps list (an index is followed, on the site only)."""
        pending = [self.source.sitemap_url] if self.source.sitemap_url else self.robots.sitemaps()
        pages: list[str] = []
        for _ in range(MAX_SITEMAP_FILES):
            if not pending:
                break
            url = pending.pop(0)
            if not same_site(url, self.home):
                continue
            try:
                response = self.get(url, {"Accept": "application/xml, text/xml"}, follow=True)
                sitemap = parse_sitemap(response.content) if response.status == 200 else None
            except (OutboundError, ValueError):
                sitemap = None
            if sitemap is None:
                self.report.errors.append(f"{url}: not a readable sitemap")
                self.count("sitemap_errors")
                continue
            if sitemap.truncated:
                self.count("sitemap_cut")
            pages.extend(sitemap.pages)
            pending.extend(sitemap.sitemaps)
        self.report.counts["in_sitemaps"] = len(pages)
        return pages

    # Storing -----------------------------------------------------------------------------

    def store(self, url: str, key: str, response: Response) -> str:
        self.seen.add(key)
        kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
        is_pdf = kind == PDF_TYPE or response.content.startswith(b"%PDF-")
        if not is_pdf and kind and kind not in HTML_TYPES:
            return self.count("not_html_or_pdf") + self.delete(key)
        if not is_pdf and len(response.content) > settings.SALA_CRAWL_MAX_PAGE_BYTES:
            return self.count("too_large")
        try:
            if is_pdf:
                text = read_pdf(response.content, url)
            else:
                text = read_html(response.content, url, response.headers.get("content-type", ""))
        except ValueError:
            return self.count("unreadable") + self.delete(key)
        if not is_pdf:
            text.links = [page_address(link, response.url) for link in text.links]
            text.links = [link for link in dict.fromkeys(text.links) if link][:MAX_LINKS]
            for link in text.links:
                self.enqueue(link, discovered=True)
        return self.save(url, key, response, text, Page.Format.PDF if is_pdf else Page.Format.HTML)

    def follow_known_links(self, key: str, url: str) -> None:
        known = self.known.get(key)
        if known is not None:
            for link in Page.objects.filter(pk=known["pk"]).values_list("links", flat=True)[0]:
                self.enqueue(link, base=url, discovered=True)

    def save(self, url: str, key: str, response: Response, text: PageText, format: str) -> str:
        status = (
            Page.Status.LEGACY_FONT
            if text.legacy_font
            else Page.Status.INDEXED
            if text.text.strip()
            else Page.Status.EMPTY
        )
        if status == Page.Status.LEGACY_FONT:
            self.report.legacy_font.append(url)
        languages = self.source.site_languages.split() or ["km"]
        language = text.language if text.language in languages else languages[0]
        digest = hashlib.sha256(f"{status}\n{text.title}\n{text.text}".encode()).hexdigest()
        now = timezone.now()
        validators = {
            "etag": response.headers.get("etag", "")[:500],
            "last_modified": response.headers.get("last-modified", "")[:100],
        }
        known = self.known.get(key)
        if known and known["content_hash"] == digest:
            Page.objects.filter(pk=known["pk"]).update(
                last_seen_at=now, links=text.links, **validators
            )
            return self.count("unchanged")
        Page.objects.update_or_create(
            source=self.source,
            canonical_url=key,
            defaults={
                "url": url[:1000],
                "status": status,
                "format": format,
                "title": (text.title or url)[:500],
                "text": text.text,
                "language": language,
                "published_at": text.published,
                "last_seen_at": now,
                "changed_at": now,
                "content_hash": digest,
                "links": text.links,
                **validators,
            },
        )
        outcome = "changed" if known else "new"
        return self.count(outcome if status == Page.Status.INDEXED else f"{outcome}_{status}")

    def delete(self, key: str) -> str:
        known = self.known.pop(key, None)
        if known is None:
            return ""
        Page.objects.filter(pk=known["pk"]).delete()  # post_delete leaves the search
        self.count("removed")
        return ", removed"

    def remove_unseen(self) -> None:
        """Delete the pages this whole-site crawl no longer reached."""
        gone = [row["pk"] for key, row in self.known.items() if key not in self.seen]
        for start in range(0, len(gone), 500):
            Page.objects.filter(pk__in=gone[start : start + 500]).delete()
        self.report.counts["removed"] += len(gone)

    def hide_feed_duplicates(self) -> None:
        """Re-index the pages a feed also brought: the index keeps the feed's story only
        (`search_indexes.PageIndex`)."""
        stories = Item.objects.published().values("canonical_url")
        for page in Page.objects.filter(source=self.source, canonical_url__in=stories):
            schedule_update(page)
            self.count("also_in_a_feed")
