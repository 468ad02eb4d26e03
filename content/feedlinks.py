"""The addresses of the news feeds, for the pages that link to them (content.feeds serves
them)."""

from __future__ import annotations

from django.urls import reverse


def feed_url(kind: str = "", key: str = "", fmt: str = "rss") -> str:
    """Return the address of a feed in the active language."""
    if kind:
        return reverse("content:feed", kwargs={"kind": kind, "key": key, "fmt": fmt})
    return reverse("content:news_feed", kwargs={"fmt": fmt})
