"""The one place that asks which news items are live, for lists, feeds and the home page.

The aggregation app (issue 9) mixes these with items gathered from other sources, so every
list of the portal's own news goes through `live_news`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from content.models import NewsPage

if TYPE_CHECKING:
    from wagtail.models import Page

    from geo.models import Area


def area_lineage(code: str) -> list[str]:
    """Return the codes from the province down to the area `code` (codes nest by prefix:
    province 12, district 1202, commune 120201, village 12020101); no query."""
    return [code[:length] for length in (2, 4, 6, 8) if length <= len(code)]


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
    news = NewsPage.objects.live().public().filter(locale__language_code=language)
    if institution is None and topic is None and area is None:
        return news.order_by("-date", "-first_published_at", "-pk")
    # Tags set on any language version count (editors may tag only the Khmer item).
    tagged = NewsPage.objects.all()
    if institution is not None:
        tagged = tagged.filter(institution__translation_key=institution.translation_key)
    if topic is not None:
        tagged = tagged.filter(topics__translation_key=topic.translation_key)
    if area is not None:
        code = area if isinstance(area, str) else area.code
        tagged = tagged.filter(
            Q(areas__code__in=area_lineage(code)) | Q(areas__code__startswith=code)
        )
    news = news.filter(translation_key__in=tagged.values("translation_key"))
    return news.order_by("-date", "-first_published_at", "-pk")
