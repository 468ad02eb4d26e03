"""Lesson text as safe HTML: editors write simple HTML; only our tags survive, and nothing
that loads from another origin (no images, frames or scripts: media are uploaded)."""

from __future__ import annotations

from html import unescape

import nh3

TAGS = {"p", "h2", "h3", "ul", "ol", "li", "strong", "em", "a", "br", "blockquote", "code"}
ATTRIBUTES = {"a": {"href"}}


def clean_lesson_html(html: str) -> str:
    """Return the HTML with only our tags; links get rel="noopener noreferrer"."""
    return nh3.clean(
        html or "",
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"https", "http", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )


def plain_text(html: str) -> str:
    """The lesson's text without tags, for a message (Telegram, SMS)."""
    text = nh3.clean(html or "", tags=set())
    return " ".join(unescape(text).split())
