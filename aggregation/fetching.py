"""Fetch a feed over HTTP through the portal's one outbound client (`core.outbound`):
conditional GET, connect and read timeouts, an overall deadline, a size cap read as a
stream, redirects followed by hand with each hop checked, and no loopback or private hosts,
checked when the connection is made (server-side request forgery, DNS rebinding).

Nothing here touches the database, so many feeds can be fetched at once in threads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings

from aggregation.errors import PollError
from core.outbound import OutboundClient, OutboundError

MAX_REDIRECTS = 5
USER_AGENT = "Sala news aggregator (+https://sala.gov.kh/)"
ACCEPT = (
    "application/atom+xml, application/rss+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
)


@dataclass
class FetchResult:
    url: str
    status: int
    content: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    etag: str = ""
    last_modified: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def feed_client(
    *, pool_size: int = 10, max_bytes: int | None = None, timeout: float | None = None
) -> OutboundClient:
    """Return the outbound client for feeds: SALA_AGGREGATION_* limits, a deadline of three
    timeouts for the whole fetch."""
    timeout = timeout or settings.SALA_AGGREGATION_TIMEOUT_SECONDS
    return OutboundClient(
        allow_loopback=settings.SALA_OUTBOUND_ALLOW_LOOPBACK,
        connect_timeout=timeout,
        read_timeout=timeout,
        deadline=timeout * 3,
        max_bytes=max_bytes or settings.SALA_AGGREGATION_MAX_FEED_BYTES,
        max_redirects=MAX_REDIRECTS,
        user_agent=USER_AGENT,
        pool_size=pool_size,
    )


def fetch(
    url: str,
    *,
    etag: str = "",
    last_modified: str = "",
    client: OutboundClient | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
) -> FetchResult:
    """Fetch `url` (conditionally when `etag`/`last_modified` are given); raise PollError."""
    headers = {"Accept": ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    own_client = client is None
    client = client or feed_client(pool_size=1, max_bytes=max_bytes, timeout=timeout)
    try:
        response = client.get(url, headers=headers)
    except OutboundError as error:
        raise poll_error(error) from error
    finally:
        if own_client:
            client.close()
    if response.status == 304:
        return FetchResult(url=response.url, status=304)
    if response.status != 200:
        raise PollError(
            f"The site answered with HTTP status {response.status}.",
            f"គេហទំព័របានឆ្លើយតបដោយស្ថានភាព HTTP {response.status}។",
        )
    return FetchResult(
        url=response.url,
        status=200,
        content=response.content,
        headers=response.headers,
        etag=response.headers.get("etag", ""),
        last_modified=response.headers.get("last-modified", ""),
    )


def poll_error(error: OutboundError) -> PollError:
    """Return the source's error for a failed fetch, in the words of a feed where they
    differ from the client's."""
    facts = error.facts
    if error.kind == "timeout":
        return PollError(
            f"The site did not answer within {facts['seconds']:g} seconds.",
            f"គេហទំព័រមិនបានឆ្លើយតបក្នុងរយៈពេល {facts['seconds']:g} វិនាទីទេ។",
        )
    if error.kind == "deadline":
        return PollError(
            "The site sent the feed too slowly; we stopped waiting.",
            "គេហទំព័របញ្ជូនមតិព័ត៌មានយឺតពេក ដូច្នេះយើងឈប់រង់ចាំ។",
        )
    if error.kind == "too_large":
        megabytes = facts["max_bytes"] / (1024 * 1024)
        return PollError(
            f"The feed is larger than {megabytes:g} MB; we did not read it.",
            f"មតិព័ត៌មាននេះធំជាង {megabytes:g} MB ដូច្នេះយើងមិនបានអានវាទេ។",
        )
    if error.kind == "redirects":
        return PollError(
            f"The feed redirected more than {facts['limit']} times.",
            f"មតិព័ត៌មាននេះបញ្ជូនបន្តលើសពី {facts['limit']} ដង។",
        )
    if error.kind == "refused":
        return PollError(
            f"{error.host} points to a private address; we do not fetch from there.",
            f"{error.host} ចង្អុលទៅអាសយដ្ឋានឯកជន ដូច្នេះយើងមិនទាញយកពីទីនោះទេ។",
        )
    return PollError(error.en, error.km)
