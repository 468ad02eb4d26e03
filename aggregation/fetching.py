"""Fetch a feed over HTTP the careful way: conditional GET, connect and read timeouts, an
overall deadline, a size cap read as a stream, redirects followed by hand (at most
MAX_REDIRECTS, each hop checked), and no private or loopback hosts unless allowed
(server-side request forgery, as healthchecks' `hc/lib/curl.py` does).

Nothing here touches the database, so many feeds can be fetched at once in threads.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings

from aggregation.errors import PollError

MAX_REDIRECTS = 5
CHUNK_BYTES = 64 * 1024
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


def check_host(url: str) -> None:
    """Refuse a URL that is not http(s) or whose host resolves to a private address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PollError(
            f"The address {url!r} is not a web address (http or https).",
            f"អាសយដ្ឋាន {url!r} មិនមែនជាអាសយដ្ឋានគេហទំព័រ (http ឬ https) ទេ។",
        )
    if settings.SALA_AGGREGATION_ALLOW_PRIVATE_HOSTS:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except OSError as error:
        raise PollError(
            f"The name {parts.hostname} could not be found ({error}).",
            f"រកឈ្មោះ {parts.hostname} មិនឃើញទេ ({error})។",
        ) from error
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise PollError(
                f"{parts.hostname} points to a private address; we do not fetch from there.",
                f"{parts.hostname} ចង្អុលទៅអាសយដ្ឋានឯកជន ដូច្នេះយើងមិនទាញយកពីទីនោះទេ។",
            )


def fetch(
    url: str,
    *,
    etag: str = "",
    last_modified: str = "",
    session: requests.Session | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
) -> FetchResult:
    """Fetch `url` (conditionally when `etag`/`last_modified` are given); raise PollError."""
    max_bytes = max_bytes or settings.SALA_AGGREGATION_MAX_FEED_BYTES
    timeout = timeout or settings.SALA_AGGREGATION_TIMEOUT_SECONDS
    session = session or requests.Session()
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    deadline = time.monotonic() + timeout * 3
    for _hop in range(MAX_REDIRECTS + 1):
        check_host(url)
        response = _get(session, url, headers, timeout)
        if response.is_redirect and "location" in response.headers:
            response.close()
            url = urljoin(url, response.headers["location"])
            continue
        with response:
            return _read(response, url, max_bytes, deadline)
    raise PollError(
        f"The feed redirected more than {MAX_REDIRECTS} times.",
        f"មតិព័ត៌មាននេះបញ្ជូនបន្តលើសពី {MAX_REDIRECTS} ដង។",
    )


def _get(session: requests.Session, url: str, headers: dict, timeout: float):
    try:
        return session.get(
            url, headers=headers, timeout=(timeout, timeout), stream=True, allow_redirects=False
        )
    except requests.Timeout as error:
        raise PollError(
            f"The site did not answer within {timeout:g} seconds.",
            f"គេហទំព័រមិនបានឆ្លើយតបក្នុងរយៈពេល {timeout:g} វិនាទីទេ។",
        ) from error
    except requests.RequestException as error:
        raise PollError(
            f"The site could not be reached ({type(error).__name__}).",
            f"មិនអាចភ្ជាប់ទៅគេហទំព័របានទេ ({type(error).__name__})។",
        ) from error


def _read(response, url: str, max_bytes: int, deadline: float) -> FetchResult:
    if response.status_code == 304:
        return FetchResult(url=url, status=304)
    if response.status_code != 200:
        raise PollError(
            f"The site answered with HTTP status {response.status_code}.",
            f"គេហទំព័របានឆ្លើយតបដោយស្ថានភាព HTTP {response.status_code}។",
        )
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(max_bytes)
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_content(CHUNK_BYTES):
            size += len(chunk)
            if size > max_bytes:
                raise _too_large(max_bytes)
            if time.monotonic() > deadline:
                raise PollError(
                    "The site sent the feed too slowly; we stopped waiting.",
                    "គេហទំព័របញ្ជូនមតិព័ត៌មានយឺតពេក ដូច្នេះយើងឈប់រង់ចាំ។",
                )
            chunks.append(chunk)
    except requests.RequestException as error:
        raise PollError(
            f"The connection broke while reading the feed ({type(error).__name__}).",
            f"ការតភ្ជាប់បានដាច់ពេលកំពុងអានមតិព័ត៌មាន ({type(error).__name__})។",
        ) from error
    return FetchResult(
        url=url,
        status=200,
        content=b"".join(chunks),
        headers={key.lower(): value for key, value in response.headers.items()},
        etag=response.headers.get("etag", ""),
        last_modified=response.headers.get("last-modified", ""),
    )


def _too_large(max_bytes: int) -> PollError:
    megabytes = max_bytes / (1024 * 1024)
    return PollError(
        f"The feed is larger than {megabytes:g} MB; we did not read it.",
        f"មតិព័ត៌មាននេះធំជាង {megabytes:g} MB ដូច្នេះយើងមិនបានអានវាទេ។",
    )
