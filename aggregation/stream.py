"""The one stream of news: the portal's own Wagtail news and the published items from
outside sources, newest first, filtered the same way.

`portal_news` asks `content.news.news_for_stream` for the portal's news with the stream's own
filters, so that both lists are filtered alike: an institution of the gazetteer, and an
area with the areas inside it (`live_news`, made for a place's page, also counts news about
the areas above). `build_stream` merges the two lists lazily so that Django's Paginator
pages through them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time
from heapq import merge
from typing import Protocol
from urllib.parse import urlsplit

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from wagtail.models import Page

from aggregation.models import Item, Source
from content.news import news_for_stream
from geo.models import Area, Institution

PORTAL = "portal"


@dataclass(frozen=True)
class StreamFilters:
    institution: Institution | None = None
    area: Area | None = None
    topic: Page | None = None  # a content topic page
    language: str = ""
    source: Source | None = None
    portal_only: bool = False


@dataclass(frozen=True)
class StreamEntry:
    """One line of the stream, whatever it came from."""

    title: str
    summary: str
    url: str
    published_at: datetime
    language: str
    institution: str
    source: str
    original_url: str = ""
    urgent: bool = False

    @property
    def is_external(self) -> bool:
        return bool(self.original_url)

    @property
    def original_host(self) -> str:
        return urlsplit(self.original_url).hostname or ""


class StreamContributor(Protocol):
    """What another app adds to the stream (forums: institutions' answers), registered
    with `register_contributor` so that aggregation never imports it."""

    def count(self, filters: StreamFilters, language: str) -> int: ...

    def entries(self, filters: StreamFilters, language: str, limit: int) -> list[StreamEntry]:
        """Return up to `limit` entries matching `filters`, newest first."""
        ...


_contributors: list[StreamContributor] = []


def register_contributor(contributor: StreamContributor) -> None:
    """Add a contributor to every stream (again for the same class replaces it)."""
    _contributors[:] = [c for c in _contributors if type(c) is not type(contributor)]
    _contributors.append(contributor)


def portal_news(filters: StreamFilters, language: str) -> QuerySet[Page]:
    """Return the live Wagtail news matching `filters`, newest first, in `language`
    (the filter's language, else the page's)."""
    return news_for_stream(
        filters.language or language,
        institution=filters.institution,
        area=filters.area,
        topic=filters.topic,
    )


def source_items(filters: StreamFilters, language: str) -> QuerySet[Item]:
    """Return the published items from outside sources matching `filters`, newest first.
    Without a language filter, a story published in both languages appears once: in
    `language` (the page's)."""
    items = Item.objects.published().select_related("source", "institution")
    if not filters.language:
        in_page_language = Item.objects.published().filter(
            story_url=OuterRef("story_url"), language=language
        )
        items = items.exclude(~Q(language=language) & ~Q(story_url="") & Exists(in_page_language))
    if filters.institution is not None:
        items = items.filter(institution=filters.institution)
    if filters.area is not None:
        items = items.filter(areas__path__startswith=filters.area.path)
    if filters.topic is not None:
        items = items.filter(topics__translation_key=filters.topic.translation_key)
    if filters.language:
        items = items.filter(language=filters.language)
    if filters.source is not None:
        items = items.filter(source=filters.source)
    return items.distinct().order_by("-published_at", "-pk")


def news_entry(page: Page) -> StreamEntry:
    """Return the stream's line for a content.NewsPage."""
    published = page.first_published_at
    if published is None or timezone.localdate(published) != page.date:
        published = timezone.make_aware(datetime.combine(page.date, time(12)))
    institution = page.institution.localized.title if page.institution else ""
    return StreamEntry(
        title=page.title,
        summary=page.summary(),
        url=page.url or "",
        published_at=published,
        language=page.locale.language_code,
        institution=institution,
        source="",
        urgent=page.urgent,
    )


def item_entry(item: Item) -> StreamEntry:
    return StreamEntry(
        title=item.title,
        summary=item.summary,
        url=item.get_absolute_url(),
        published_at=item.published_at,
        language=item.language,
        institution=item.institution.name if item.institution else "",
        source=item.source.name,
        original_url=item.original_url or item.get_absolute_url(),
    )


class Stream:
    """The lists merged by time, sliceable and countable for Django's Paginator."""

    def __init__(
        self,
        news: QuerySet[Page] | None,
        items: QuerySet[Item] | None,
        contributed: Sequence[tuple[StreamContributor, StreamFilters, str]] = (),
    ) -> None:
        self.news = news
        self.items = items
        self.contributed = contributed

    def count(self) -> int:
        own = sum(qs.count() for qs in (self.news, self.items) if qs is not None)
        return own + sum(c.count(filters, language) for c, filters, language in self.contributed)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[StreamEntry]:
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        stop = index.stop or 0
        lists = []
        if self.news is not None:
            lists.append([news_entry(page) for page in self.news.select_related("locale")[:stop]])
        if self.items is not None:
            lists.append([item_entry(item) for item in self.items[:stop]])
        for contributor, filters, language in self.contributed:
            lists.append(contributor.entries(filters, language, stop))
        merged = list(merge(*lists, key=lambda entry: entry.published_at, reverse=True))
        return merged[index]


def build_stream(filters: StreamFilters, language: str) -> Stream:
    """Return the stream for `filters` on a page in `language`."""
    wants_items = not filters.portal_only
    wants_news = filters.source is None
    return Stream(
        portal_news(filters, language) if wants_news else None,
        source_items(filters, language) if wants_items else None,
        [(contributor, filters, language) for contributor in _contributors] if wants_news else [],
    )
