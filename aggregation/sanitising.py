"""Make outside HTML safe to show: nh3 against our allow-list, links made absolute,
images kept as links rather than shown (no request may leave the portal's origin)."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "em", "figcaption", "h2",
    "h3", "h4", "hr", "i", "li", "ol", "p", "pre", "q", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"colspan", "rowspan"}}
URL_SCHEMES = {"http", "https", "mailto"}
# The contents of these go with the tag (nh3's default set, written out to be sure).
DROP_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "noscript", "template"}


def absolute_url(url: str, base: str) -> str:
    """Return `url` resolved against `base`; "" for anything but http(s) and mailto."""
    url = (url or "").strip()
    if not url:
        return ""
    resolved = urljoin(base or "", url)
    return resolved if urlsplit(resolved).scheme in URL_SCHEMES else ""


def clean_html(html: str, base_url: str = "") -> str:
    """Return `html` with only allowed tags and attributes, links absolute."""

    def resolve(tag: str, attribute: str, value: str) -> str | None:
        if attribute == "href":
            return absolute_url(value, base_url) or None
        return value

    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        clean_content_tags=DROP_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        attribute_filter=resolve,
    ).strip()


def plain_text(html: str) -> str:
    """Return the text of `html` on one line (no tags, entities decoded)."""
    parser = _TextParser()
    parser.feed(nh3.clean(html or "", tags=set(), clean_content_tags=DROP_WITH_CONTENT))
    parser.close()
    return " ".join("".join(parser.parts).split())


def image_links(html: str, base_url: str = "") -> list[str]:
    """Return the absolute addresses of the images in `html`, in order, without repeats."""
    parser = _ImageParser()
    parser.feed(html or "")
    parser.close()
    links: list[str] = []
    for src in parser.sources:
        link = absolute_url(src, base_url)
        if link.startswith("http") and link not in links:
            links.append(link)
    return links


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs) -> None:
        self.parts.append(" ")


class _ImageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "img":
            src = dict(attrs).get("src")
            if src:
                self.sources.append(src)
