"""What a crawled page says: its main text without menus and footers (trafilatura), its
title, date and language, its links; a PDF's text (pypdfium2, the PDF library the tests
already read our own PDFs with); and whether it is written in one of the legacy
non-Unicode Khmer fonts (Limon, ABC), whose text is Latin letters that only the font
draws as Khmer and would be garbage in the search.

Nothing here touches the database or the network.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import charset_normalizer
import lxml.html
import pypdfium2
import trafilatura
from trafilatura.settings import use_config

from aggregation.normalising import declared_language, detect_language, is_khmer

logger = logging.getLogger("sala.aggregation")

MAX_TEXT_CHARS = 100_000
MAX_PDF_PAGES = 300
# Font names of the pre-Unicode Khmer typefaces that government offices still type in.
LEGACY_FONTS = re.compile(
    r"limon\s*[a-z]?\d|\babc[-_ ]?(tex|khmer|kh)|khmer\s*(sbbic|kampuchea|s\d)|"
    r"kh\s*system|baphnom|moul\s*light|zawgyi",
    re.IGNORECASE,
)
# Letters a Limon text is full of and English text almost never has.
LIMON_MARKS = frozenset("þæ¢ñ¶Úø£¥§©«»ÆÉÊËÌÍÎÏÑÒÓÔÕ")
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_config = use_config()
_config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no signals: we run in threads and tasks


@dataclass
class PageText:
    """What one page or PDF says."""

    title: str
    text: str
    language: str
    published: datetime | None = None
    legacy_font: bool = False
    links: list[str] = field(default_factory=list)


def decode_html(content: bytes, content_type: str = "") -> str:
    """Return the page as text. UTF-8 first, whatever the server declares (Khmer sites
    often declare Latin-1 and send UTF-8), then the declared charset, then a guess."""
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = re.search(r"charset=([\w-]+)", content_type or "", re.IGNORECASE)
    meta = CHARSET.search(content[:4096])
    for name in (declared.group(1) if declared else "", meta.group(1).decode() if meta else ""):
        if name:
            try:
                return content.decode(name)
            except (LookupError, UnicodeDecodeError):
                continue
    best = charset_normalizer.from_bytes(content[:200_000]).best()
    return str(best) if best is not None else content.decode("utf-8", errors="replace")


def read_html(content: bytes, url: str, content_type: str = "") -> PageText:
    """Return the main text, title, date, language and links of an HTML page."""
    markup = decode_html(content, content_type).replace("\x00", "")
    tree = _parse(markup)
    links = _links(tree)
    title_of_page = " ".join(tree.findtext(".//title") or "".split()) if tree is not None else ""
    html_language = declared_language(tree.get("lang", "")) if tree is not None else ""
    extracted = trafilatura.bare_extraction(
        markup,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        config=_config,
    )
    text = (getattr(extracted, "text", "") or "")[:MAX_TEXT_CHARS]
    title = " ".join((getattr(extracted, "title", "") or title_of_page or "").split())
    if not text and tree is not None:  # too short for the extractor: the body's text
        text = " ".join(tree.text_content().split())[:MAX_TEXT_CHARS]
    return PageText(
        title=title[:500],
        text=text,
        language=html_language or detect_language(f"{title} {text}"),
        published=_date(getattr(extracted, "date", None)),
        legacy_font=is_legacy_font(markup, f"{title} {text}"),
        links=links,
    )


def _parse(markup: str):
    try:
        return lxml.html.document_fromstring(markup)
    except (ValueError, lxml.etree.ParserError):  # empty or not HTML at all
        return None


def _links(tree) -> list[str]:
    if tree is None:
        return []
    base = tree.findtext(".//base") or ""
    hrefs = [a.get("href", "") for a in tree.iter("a")]
    robots = (tree.xpath("string(//meta[@name='robots']/@content)") or "").lower()
    if "nofollow" in robots:
        return []
    return [base + href if base and "://" not in href else href for href in hrefs if href]


def _date(value: object) -> datetime | None:
    if not value:
        return None
    try:
        day = date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def is_legacy_font(markup: str, text: str) -> bool:
    """Return whether the page is typed in a legacy Khmer font: it names one, or its text
    is Latin letters full of the marks those fonts use for Khmer signs, and it has
    hardly any Khmer Unicode letters."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(map(is_khmer, letters)) * 5 >= len(letters):
        return False
    if LEGACY_FONTS.search(markup):
        return True
    return sum(c in LIMON_MARKS for c in text) * 50 >= len(letters)


def read_pdf(content: bytes, url: str) -> PageText:
    """Return the text and title of a PDF (at most MAX_PDF_PAGES pages); raise ValueError
    when it is not a PDF we can read."""
    try:
        document = pypdfium2.PdfDocument(content)
    except pypdfium2.PdfiumError as error:
        raise ValueError(str(error)) from error
    try:
        parts: list[str] = []
        size = 0
        for index in range(min(len(document), MAX_PDF_PAGES)):
            page = document[index]
            textpage = page.get_textpage()
            piece = textpage.get_text_bounded()
            textpage.close()
            page.close()
            parts.append(piece)
            size += len(piece)
            if size > MAX_TEXT_CHARS:
                break
        title = (document.get_metadata_dict().get("Title") or "").strip()
    finally:
        document.close()
    text = " ".join(" ".join(parts).split())[:MAX_TEXT_CHARS]
    name = url.rstrip("/").rsplit("/", 1)[-1]
    title = title or (text[:80].rsplit(" ", 1)[0] if text else name)
    return PageText(
        title=title[:500],
        text=text,
        language=detect_language(f"{title} {text}"),
        legacy_font=is_legacy_font("", text),
    )
