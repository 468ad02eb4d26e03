"""Which addresses a website crawl may read: the site's own host, pages and PDFs only, one
spelling per page (session ids dropped), and no traps (endless calendars, paths that
repeat themselves, addresses that grow without end)."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import parse_qsl, urldefrag, urlencode, urljoin, urlsplit, urlunsplit

from aggregation.normalising import canonical_url

SESSION_PARAMETERS = re.compile(
    r"^(jsessionid|phpsessid|sessionid|session_id|sid|aspsessionid\w*|cfid|cftoken|zenid)$",
    re.IGNORECASE,
)
# Path parameters of Java servers: "/page;jsessionid=8F3A2B".
PATH_SESSION = re.compile(r";(jsessionid|sessionid|sid)=[^/?#]*", re.IGNORECASE)
NOT_PAGES = frozenset(
    ".jpg .jpeg .png .gif .svg .webp .ico .css .js .json .xml .zip .rar .7z .gz .tar .doc "
    ".docx .xls .xlsx .ppt .pptx .odt .mp3 .mp4 .avi .mov .wmv .exe .apk .woff .woff2 .ttf "
    ".eot".split()
)
MAX_ADDRESS_LENGTH = 400
MAX_DEPTH = 12  # path segments
MAX_SAME_SEGMENT = 3  # "/section/section/section/" is a loop of relative links
MAX_PER_PATTERN = 12  # discovered addresses of one shape with a query or a date in them
YEAR = re.compile(r"(?:^|\D)(19|20)\d\d(?:\D|$)")


def page_address(url: str, base: str = "") -> str:
    """Return `url` (resolved against `base`) without fragment and session ids; "" when it
    is not an http(s) address."""
    url = urljoin(base, (url or "").strip()) if base else (url or "").strip()
    url, _fragment = urldefrag(url)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ""
    path = PATH_SESSION.sub("", parts.path) or "/"
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not SESSION_PARAMETERS.match(key)
    ]
    return urlunsplit((parts.scheme, parts.netloc.lower(), path, urlencode(query), ""))


def page_key(url: str) -> str:
    """Return the one spelling that identifies a page (also a feed story's address)."""
    return canonical_url(url)


def same_site(url: str, home: str) -> bool:
    """Return whether `url` is on the home page's host and port (http and https of the
    same host alike)."""
    a, b = urlsplit(url), urlsplit(home)
    return a.hostname == b.hostname and (a.port == b.port or {a.port, b.port} <= {None, 80, 443})


def looks_like_page(url: str) -> bool:
    """Return False for addresses whose name says they are pictures, archives, office
    files and the like, which the crawler never reads."""
    path = urlsplit(url).path.lower()
    name = path.rsplit("/", 1)[-1]
    return "." not in name or "." + name.rsplit(".", 1)[-1] not in NOT_PAGES


class TrapGuard:
    """Say when a discovered address belongs to a trap. Sitemap entries are the site's own
    list and are only counted against the page limit."""

    def __init__(self, max_per_pattern: int = MAX_PER_PATTERN) -> None:
        self.max_per_pattern = max_per_pattern
        self.patterns: Counter[str] = Counter()

    def trap(self, url: str) -> str:
        """Return why `url` is a trap ("" when it is not) and count it."""
        if len(url) > MAX_ADDRESS_LENGTH:
            return "too_long"
        segments = [s for s in urlsplit(url).path.split("/") if s]
        if len(segments) > MAX_DEPTH:
            return "too_deep"
        if segments and Counter(segments).most_common(1)[0][1] >= MAX_SAME_SEGMENT:
            return "repeating"
        pattern = shape(url)
        if pattern:
            self.patterns[pattern] += 1
            if self.patterns[pattern] > self.max_per_pattern:
                return "pattern"
        return ""


def shape(url: str) -> str:
    """Return the shape of an address whose query or path changes without end (digits as
    9: "/calendar?month=9-9"), or "" for an ordinary address."""
    parts = urlsplit(url)
    if not parts.query and not YEAR.search(parts.path):
        return ""
    return re.sub(r"\d+", "9", f"{parts.path}?{parts.query}")
