"""Normalise what sources send into the one shape of an Item: language, time, address and
the fingerprint of the text."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# A date this far ahead is a mistake of the source (a clock, a template): we use the time
# we fetched the item instead.
FUTURE_TOLERANCE = timedelta(hours=1)
TRACKING_PARAMETERS = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref)$", re.IGNORECASE)


def is_khmer(character: str) -> bool:
    return "\u1780" <= character <= "\u17ff" or "\u19e0" <= character <= "\u19ff"


def detect_language(text: str) -> str:
    """Return "km" when at least a fifth of the letters of `text` are Khmer, else "en"."""
    khmer = latin = 0
    for character in text:
        if is_khmer(character):
            khmer += 1
        elif character.isalpha():
            latin += 1
    if khmer + latin == 0:
        return "km"
    return "km" if khmer * 5 >= khmer + latin else "en"


def declared_language(value: str) -> str:
    """Return "km" or "en" from a declared language tag ("en-US", "km_KH"), else ""."""
    code = (value or "").strip().lower()[:2]
    return code if code in ("km", "en") else ""


def published_time(value: datetime | None, fetched_at: datetime) -> datetime:
    """Return the item's time: the fetch time when it is missing or in the future."""
    if value is None or value > fetched_at + FUTURE_TOLERANCE:
        return fetched_at
    return value


def canonical_url(url: str) -> str:
    """Return `url` in one spelling: lower-case scheme and host, no default port, no
    fragment, no tracking parameters, sorted query, no trailing slash."""
    url = (url or "").strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return ""
    host = (parts.hostname or "").lower()
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not TRACKING_PARAMETERS.match(key)
    )
    path = parts.path.rstrip("/") or "/"
    # http and https of the same page are the same story.
    return urlunsplit(("https", host, path, urlencode(query), ""))


LANGUAGE_MARKERS = {"km", "kh", "khm", "khmer", "en", "eng", "english"}
LANGUAGE_PARAMETERS = {"lang", "language", "locale", "hl"}


def story_address(url: str) -> str:
    """Return the canonical address of `url` without its language marker (a path segment
    "/km/" or "/en/", a "lang=" parameter, an "en." host label), so that the Khmer and
    English versions of one story on a ministry's site share it; "" without an address."""
    canonical = canonical_url(url)
    if not canonical:
        return ""
    parts = urlsplit(canonical)
    labels = parts.netloc.split(".")
    if len(labels) > 2 and labels[0] in LANGUAGE_MARKERS:
        labels = labels[1:]
    path = "/".join(s for s in parts.path.split("/") if s.lower() not in LANGUAGE_MARKERS)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k.lower() not in LANGUAGE_PARAMETERS]  # fmt: skip
    if not path.strip("/") and not query:
        return ""  # a site's home page is no story
    return urlunsplit((parts.scheme, ".".join(labels), path or "/", urlencode(query), ""))


def normalised_text(text: str) -> str:
    """Return `text` folded for comparison: NFC, lower case, only letters and digits."""
    text = unicodedata.normalize("NFC", text).casefold()
    return "".join(character for character in text if character.isalnum() or is_khmer(character))


def fingerprint(title: str, text: str) -> str:
    """Return the SHA-256 of the normalised title and text: equal for identical stories."""
    return hashlib.sha256(normalised_text(f"{title} {text}").encode()).hexdigest()
