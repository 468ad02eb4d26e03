"""A website's robots.txt, read with Protego (wildcards, Allow, Crawl-delay, Sitemap as
Google and RFC 9309 read them), and its sitemaps, read with lxml without entities, DTDs
or network access, and cut at a number of entries however long the file is."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from lxml import etree
from protego import Protego

MAX_SITEMAP_ENTRIES = 50_000  # the sitemap protocol's own limit for one file
MAX_SITEMAP_FILES = 10
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@dataclass
class RobotsRules:
    """What the site's robots.txt allows us (everything when it has none)."""

    parser: Protego | None
    user_agent: str

    @classmethod
    def parse(cls, text: str, user_agent: str) -> RobotsRules:
        return cls(Protego.parse(text), user_agent)

    @classmethod
    def allow_all(cls, user_agent: str) -> RobotsRules:
        return cls(None, user_agent)

    def allowed(self, url: str) -> bool:
        return self.parser is None or bool(self.parser.can_fetch(url, self.user_agent))

    def delay(self) -> float:
        if self.parser is None:
            return 0.0
        return float(self.parser.crawl_delay(self.user_agent) or 0)

    def sitemaps(self) -> list[str]:
        return list(self.parser.sitemaps) if self.parser is not None else []


@dataclass
class Sitemap:
    """The addresses one sitemap file lists: pages, or further sitemaps (an index)."""

    pages: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    truncated: bool = False


def parse_sitemap(content: bytes, limit: int = MAX_SITEMAP_ENTRIES) -> Sitemap:
    """Return the `<loc>`s of a sitemap or sitemap index, at most `limit`; raise ValueError
    when it is not XML."""
    sitemap = Sitemap()
    events = etree.iterparse(
        io.BytesIO(content),
        events=("end",),
        tag=(f"{SITEMAP_NS}loc", "loc"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        recover=False,
    )
    try:
        for _event, element in events:
            loc = (element.text or "").strip()
            parent = element.getparent()
            in_index = parent is not None and etree.QName(parent).localname == "sitemap"
            if loc:
                (sitemap.sitemaps if in_index else sitemap.pages).append(loc)
            element.clear()
            if len(sitemap.pages) + len(sitemap.sitemaps) >= limit:
                sitemap.truncated = True
                break
    except etree.XMLSyntaxError as error:
        if not (sitemap.pages or sitemap.sitemaps):
            raise ValueError(str(error)) from error
        sitemap.truncated = True  # keep what came before the broken part
    return sitemap
