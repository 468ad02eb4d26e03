"""The one place that asks which news items are live, for lists, feeds and the home page,
and what other apps call to read the portal's news and topics (they never import
`content.models`, an import-linter contract says so).

`live_news` serves a page of this portal (a place's news also counts the news about the
areas above it); `news_for_stream` serves the aggregation app's `/news/` stream, filtered
as its outside items are: by an institution of the gazetteer, and by an area with the areas
inside it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from content.models import NewsPage, TopicPage

if TYPE_CHECKING:
    from wagtail.models import Page

    from geo.models import Area, Institution


def live_news(
    language: str,
    *,
    institution: Page | None = None,
    area: Area | str | None = None,
    topic: Page | None = None,
) -> QuerySet[NewsPage]:
    """Return the live, public news items in `language`, newest first.

    `institution` and `topic` are pages in any language (their translations count too).
    `area` (an Area or its code) keeps the items about that area: those tagged with it, with
    an area above it (a province's news concerns its communes) or below it (a district's news
    concerns its province's followers).
    """
    return NewsPage.objects.live_news(language, institution=institution, area=area, topic=topic)


def news_for_stream(
    language: str,
    *,
    institution: Institution | None = None,
    area: Area | None = None,
    topic: Page | None = None,
) -> QuerySet[NewsPage]:
    """Return the live, public news in `language`, newest first, of `institution` (a
    geo.Institution), about `area` or an area inside it, on `topic` (in any language)."""
    news = NewsPage.objects.live().public().filter(locale__language_code=language)
    if institution is not None:
        news = news.filter(institution__institution=institution)
    if area is not None:
        news = news.filter(areas__path__startswith=area.path)
    if topic is not None:
        news = news.filter(topics__translation_key=topic.translation_key)
    return (
        news.select_related("institution")
        .distinct()
        .order_by("-date", "-first_published_at", "-pk")
    )


def live_topics(language: str) -> QuerySet[TopicPage]:
    """Return the live topic pages in `language`."""
    return TopicPage.objects.live().filter(locale__language_code=language)
