"""RSS and Atom feeds of the portal's news: all of it, or one institution's, one area's or
one topic's, in the language of the address (/km/feeds/…, /en/feeds/…)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from content.models import InstitutionPage, NewsPage, TopicPage
from content.news import live_news
from geo.models import Area

FEED_ITEMS = 30
FORMATS = {"rss": Rss201rev2Feed, "atom": Atom1Feed}
TITLE_SEPARATOR = " \N{EN DASH} "


@dataclass(frozen=True)
class FeedSubject:
    """What a feed is about: its title, the page that shows the same news, and the filter."""

    kind: str
    key: str
    title: str
    link: str
    filters: dict[str, Any]


def find_subject(language: str, kind: str, key: str) -> FeedSubject:
    """Return what the feed of `kind` and `key` is about, or raise Http404."""
    portal = settings.SALA_PORTAL_NAME.get(language, settings.SALA_PORTAL_NAME["en"])

    def titled(name: str) -> str:
        return f"{name}{TITLE_SEPARATOR}{portal}"

    if not kind:
        return FeedSubject(
            "",
            "",
            titled(_("News and announcements")),
            reverse("content:home"),
            {},
        )
    if kind == "area":
        area = Area.objects.filter(code=key).first()
        if area is None:
            raise Http404
        return FeedSubject(kind, key, titled(area.name), area.get_absolute_url(), {"area": area})
    model = InstitutionPage if kind == "institution" else TopicPage
    page = model.objects.live().public().filter(slug=key, locale__language_code=language).first()
    if page is None:
        raise Http404
    return FeedSubject(kind, key, titled(page.title), page.get_url(), {kind: page})


class NewsFeed(Feed):
    """One feed object per request: `get_object` finds the subject from the address."""

    language: str

    def __init__(self, fmt: str) -> None:
        super().__init__()
        self.feed_type = FORMATS[fmt]

    def get_object(self, request: HttpRequest, kind: str = "", key: str = "", fmt: str = "rss"):
        self.language = get_language() or settings.LANGUAGE_CODE
        return find_subject(self.language, kind, key)

    def title(self, subject: FeedSubject) -> str:
        return subject.title

    def link(self, subject: FeedSubject) -> str:
        return subject.link

    def description(self, subject: FeedSubject) -> str:
        return _("The latest news and announcements from ministries and state institutions.")

    def items(self, subject: FeedSubject):
        return (
            live_news(self.language, **subject.filters)
            .select_related("institution")
            .prefetch_related("topics")[:FEED_ITEMS]
        )

    def item_title(self, item: NewsPage) -> str:
        return item.title

    def item_description(self, item: NewsPage) -> str:
        return item.summary()

    def item_link(self, item: NewsPage) -> str:
        return item.get_url()

    def item_pubdate(self, item: NewsPage) -> datetime.datetime:
        published = item.first_published_at
        if published is not None and timezone.localdate(published) == item.date:
            return published
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(8)))

    def item_updateddate(self, item: NewsPage) -> datetime.datetime | None:
        return item.last_published_at

    def item_author_name(self, item: NewsPage) -> str:
        return item.institution.localized.title if item.institution is not None else ""

    def item_categories(self, item: NewsPage) -> list[str]:
        categories = [topic.localized.title for topic in item.topics.all()]
        return [_("Urgent"), *categories] if item.urgent else categories


def news_feed(request: HttpRequest, fmt: str, kind: str = "", key: str = ""):
    return NewsFeed(fmt)(request, kind=kind, key=key, fmt=fmt)
