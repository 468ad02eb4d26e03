"""Turn the bytes of a feed into entries: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 through
feedparser, JSON Feed 1.0/1.1 through our own small reader.

Before feedparser sees a document we refuse any that declares XML entities (`<!ENTITY`):
feeds have no need of them, and they are how a "billion laughs" document expands a few
kilobytes into gigabytes. feedparser is also told not to sanitise or resolve links itself;
`sanitising.py` does both with our allow-list.
"""

from __future__ import annotations

import calendar
import json
import re
import xml.sax
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import feedparser

from aggregation.errors import PollError

ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
JSON_FEED_VERSION = "https://jsonfeed.org/version/"


@dataclass
class Entry:
    """One entry as the feed gave it, before normalising (HTML not yet sanitised)."""

    guid: str = ""
    title: str = ""
    link: str = ""
    summary_html: str = ""
    content_html: str = ""
    published: datetime | None = None
    language: str = ""
    author: str = ""
    image_urls: list[str] = field(default_factory=list)


@dataclass
class ParsedFeed:
    title: str = ""
    link: str = ""
    language: str = ""
    entries: list[Entry] = field(default_factory=list)


def parse_feed(content: bytes, *, content_type: str = "") -> ParsedFeed:
    """Return the feed in `content`; raise PollError when it is not one we can read."""
    stripped = content.lstrip()
    if stripped.startswith(b"{") or "json" in content_type:
        return parse_json_feed(content)
    if ENTITY_DECLARATION.search(content):
        raise PollError(
            "The feed declares XML entities, which we refuse for safety.",
            "មតិព័ត៌មាននេះប្រកាសអង្គភាព XML (XML entities) ដែលយើងបដិសេធដើម្បីសុវត្ថិភាព។",
        )
    # No content-location: feedparser would resolve links against the feed's address,
    # and `sanitising.absolute_url` resolves them against the site the feed names.
    headers = {}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(
        content,
        response_headers=headers,
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    # A document that is not well-formed may be cut off mid-item: we take nothing from it
    # rather than half a story. (Encoding mix-ups are bozo too, but harmless.)
    broken = isinstance(parsed.get("bozo_exception"), xml.sax.SAXException)
    if broken or (not parsed.entries and (parsed.bozo or not parsed.feed)):
        raise PollError(
            "The feed is not valid RSS or Atom and no item could be read from it.",
            "មតិព័ត៌មាននេះមិនមែនជា RSS ឬ Atom ត្រឹមត្រូវ ហើយមិនអាចអានអត្ថបទណាមួយពីវាបានទេ។",
        )
    feed = parsed.feed
    return ParsedFeed(
        title=feed.get("title", ""),
        link=feed.get("link", ""),
        language=feed.get("language", ""),
        entries=[_feedparser_entry(entry) for entry in parsed.entries],
    )


def _feedparser_entry(entry: Any) -> Entry:
    content = entry.get("content") or []
    content_html = content[0].get("value", "") if content else ""
    summary_html = entry.get("summary", "")
    if content_html == summary_html:
        summary_html = ""
    images = [
        link.get("href", "")
        for link in entry.get("links", []) + entry.get("enclosures", [])
        if link.get("type", "").startswith("image/")
    ]
    images += [media.get("url", "") for media in entry.get("media_content", [])]
    images += [media.get("url", "") for media in entry.get("media_thumbnail", [])]
    language = ""
    if entry.get("title_detail"):
        language = entry.title_detail.get("language") or ""
    return Entry(
        guid=entry.get("id", "") or entry.get("link", ""),
        title=entry.get("title", ""),
        link=entry.get("link", ""),
        summary_html=summary_html,
        content_html=content_html,
        published=_struct_time(entry.get("published_parsed") or entry.get("updated_parsed")),
        language=language,
        author=entry.get("author", ""),
        image_urls=[image for image in images if image],
    )


def _struct_time(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (OverflowError, ValueError, OSError):
        return None


def parse_json_feed(content: bytes) -> ParsedFeed:
    """Return a JSON Feed (https://jsonfeed.org/version/1.1)."""
    try:
        document = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise PollError(
            "The feed is not valid JSON.", "មតិព័ត៌មាននេះមិនមែនជា JSON ត្រឹមត្រូវទេ។"
        ) from error
    if not isinstance(document, dict) or not str(document.get("version", "")).startswith(
        JSON_FEED_VERSION
    ):
        raise PollError(
            "The document is JSON but not a JSON Feed.",
            "ឯកសារនេះជា JSON ប៉ុន្តែមិនមែនជា JSON Feed ទេ។",
        )
    items = document.get("items")
    language = _text(document.get("language"))
    return ParsedFeed(
        title=_text(document.get("title")),
        link=_text(document.get("home_page_url")),
        language=language,
        entries=[_json_entry(item) for item in items if isinstance(item, dict)]
        if isinstance(items, list)
        else [],
    )


def _json_entry(item: dict[str, Any]) -> Entry:
    authors = item.get("authors") or (
        [item["author"]] if isinstance(item.get("author"), dict) else []
    )
    author = ", ".join(
        _text(one.get("name")) for one in authors if isinstance(one, dict) and one.get("name")
    )
    content_html = _text(item.get("content_html"))
    if not content_html and item.get("content_text"):
        content_html = "".join(
            f"<p>{_escape(paragraph)}</p>"
            for paragraph in _text(item.get("content_text")).split("\n\n")
        )
    images = [_text(item.get("image")), _text(item.get("banner_image"))]
    return Entry(
        guid=_text(item.get("id")),
        title=_text(item.get("title")),
        link=_text(item.get("url")) or _text(item.get("external_url")),
        summary_html=_escape(_text(item.get("summary"))),
        content_html=content_html,
        published=_iso_date(item.get("date_published") or item.get("date_modified")),
        language=_text(item.get("language")),
        author=author,
        image_urls=[image for image in images if image],
    )


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ("" if value is None else str(value))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _iso_date(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
