"""Posts are written in Markdown (CommonMark through markdown-it-py, raw HTML off) and
shown as HTML cleaned by the project's sanitiser (aggregation.sanitising, nh3).

What a person writes is checked first, so that they learn what is wrong instead of
seeing their words changed: no script, no pictures from other websites, not too long.
Pictures are never shown (no request may leave the portal's origin): the renderer writes
each one as a link, and the sanitiser would drop an <img> anyway.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

from aggregation.sanitising import clean_html, plain_text
from core.formatting import format_number

MAX_CHARACTERS = 10_000
_SCRIPT = re.compile(r"<\s*/?\s*script|javascript\s*:|\bon[a-z]+\s*=\s*[\"']", re.IGNORECASE)
_BARE_LINK = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)


def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})

    def image_as_link(self, tokens: list[Token], index: int, options, env) -> str:
        token = tokens[index]
        src = escapeHtml(str(token.attrGet("src") or ""))
        alt = escapeHtml(token.content or src)
        return f'<a href="{src}">{alt}</a>'

    parser.add_render_rule("image", image_as_link)
    return parser


_MARKDOWN = _parser()


def _inline_tokens(text: str) -> list[Token]:
    found: list[Token] = []
    for token in _MARKDOWN.parse(text):
        found.extend(token.children or [])
    return found


def outside_images(text: str) -> list[str]:
    """Return the addresses of pictures in `text` that are not on the portal itself."""
    return [
        str(token.attrGet("src") or "")
        for token in _inline_tokens(text)
        if token.type == "image" and not _is_own(str(token.attrGet("src") or ""))
    ]


def _is_own(src: str) -> bool:
    return src.startswith("/") and not src.startswith("//")


def has_links(text: str) -> bool:
    """Whether `text` links anywhere (a Markdown link or an address written out)."""
    if _BARE_LINK.search(text):
        return True
    return any(token.type in {"link_open", "image"} for token in _inline_tokens(text))


def check(text: str) -> str:
    """Return `text` stripped, or raise ValidationError saying (in the page's language)
    what to change; the person's text is kept by the form that shows the message."""
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write something before you send."), code="empty")
    if len(text) > MAX_CHARACTERS:
        language = get_language()
        raise ValidationError(
            _(
                "Write at most %(limit)s characters; this text has %(count)s. Shorten it, "
                "or split it into two posts."
            )
            % {
                "limit": format_number(MAX_CHARACTERS, language),
                "count": format_number(len(text), language),
            },
            code="too_long",
        )
    if _SCRIPT.search(text):
        raise ValidationError(
            _(
                "Posts cannot carry scripts. Remove the <script> tag, any javascript: "
                "address and any on…= attribute, then send again."
            ),
            code="script",
        )
    if outside_images(text):
        raise ValidationError(
            _(
                "Pictures from other websites cannot be shown here. Remove the picture, or "
                "write its address as a link: [description](address)."
            ),
            code="outside_image",
        )
    return text


def render(text: str) -> str:
    """Return the safe HTML of Markdown `text`."""
    return clean_html(_MARKDOWN.render(text or ""))


def summary(html: str, length: int = 200) -> str:
    text = plain_text(html)
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def normalised(text: str) -> str:
    """The text without case, spacing or punctuation: how duplicates are recognised."""
    return re.sub(r"[\W_]+", "", text.casefold())
