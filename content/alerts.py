"""Urgent announcements: the banner on the pages of an area, and the notification of the
people who follow that area when the announcement is published.

An announcement is a live NewsPage marked `urgent`. Its banner shows for URGENT_DAYS from
its date (or until it expires, with Wagtail's expiry date), on every page for a visitor who
chose an area it concerns, on the place pages of those areas, and everywhere when it has no
areas (the whole country). The list of current alerts per language is cached and dropped
whenever a page is published or unpublished.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from content.models import NewsPage, area_lineage
from notifications.api import notify_subscribers
from notifications.areas import area_topic

URGENT_DAYS = 7
CACHE_SECONDS = 300
_CACHE_KEY = "content:urgent-alerts:{language}"


@dataclass(frozen=True)
class Alert:
    title: str
    summary: str
    url: str
    area_codes: tuple[str, ...]

    def concerns(self, code: str) -> bool:
        """Return whether the alert is for the area `code` (or the whole country)."""
        if not self.area_codes:
            return True
        lineage = area_lineage(code) if code else []
        return any(c in lineage or c.startswith(code) for c in self.area_codes if code)


def current_alerts(language: str) -> list[Alert]:
    """Return every current urgent announcement in `language`, newest first (cached)."""
    key = _CACHE_KEY.format(language=language)
    alerts = cache.get(key)
    if alerts is None:
        since = timezone.localdate() - datetime.timedelta(days=URGENT_DAYS)
        pages = (
            NewsPage.objects.live()
            .public()
            .filter(locale__language_code=language, urgent=True, date__gte=since)
            .prefetch_related("areas")
            .order_by("-date", "-pk")
        )
        alerts = [
            Alert(
                title=page.title,
                summary=page.summary(),
                url=page.get_url(),
                area_codes=tuple(area.code for area in page.areas.all()),
            )
            for page in pages
        ]
        cache.set(key, alerts, CACHE_SECONDS)
    return alerts


def alerts_for_area(language: str, code: str) -> list[Alert]:
    """Return the current alerts for the area `code` ("" for none chosen: nationwide only)."""
    return [alert for alert in current_alerts(language) if alert.concerns(code)]


def forget_alerts(**kwargs: Any) -> None:
    """Drop the cached alerts (connected to Wagtail's publish and unpublish signals)."""
    cache.delete_many([_CACHE_KEY.format(language=code) for code in ("km", "en")])


def remember_no_alerts() -> None:
    """Cache "no current alerts" in every language (for tests that count queries)."""
    cache.set_many({_CACHE_KEY.format(language=code): [] for code in ("km", "en")}, CACHE_SECONDS)


def announcement_context(page: NewsPage) -> dict[str, Any]:
    """Return the notification context of an urgent page, with both languages' texts."""
    by_language = {
        p.locale.language_code: p.specific
        for p in Page.objects.filter(translation_key=page.translation_key)
        .live()
        .select_related("locale")
    }

    def both(field: Any) -> dict[str, str]:
        return {code: field(by_language.get(code, page)) for code in ("km", "en")}

    def institution_title(translation: NewsPage) -> str:
        institution = translation.institution
        if institution is None:
            return ""
        return (institution.get_translation_or_none(translation.locale) or institution).title

    areas = list(page.areas.all())
    return {
        "title": both(lambda p: p.title),
        "summary": both(lambda p: p.summary()),
        "institution": both(institution_title),
        "area": {
            "km": " ".join(area.name_km for area in areas),
            "en": ", ".join(area.name_en for area in areas),
        },
        "url": page.get_url() or "",
    }


def notify_urgent_announcement(page: NewsPage) -> int:
    """Notify the followers of each area of an urgent announcement, once per announcement
    (its Khmer and English pages are one announcement); return how many people."""
    if not page.urgent or not page.live:
        return 0
    context = announcement_context(page)
    key = f"content:urgent:{page.translation_key}"
    return sum(
        notify_subscribers(area_topic(area.code), "content.urgent_announcement", context, key=key)
        for area in page.areas.all()
    )


def on_page_published(sender: Any, instance: Page, **kwargs: Any) -> None:
    """Drop the cached alerts; notify after the commit when an urgent item goes live."""
    forget_alerts()
    page = instance.specific
    if isinstance(page, NewsPage) and page.urgent:
        transaction.on_commit(lambda: notify_urgent_announcement(page))
