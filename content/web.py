"""What the portal tells search engines and browsers: the sitemap (every live page once
per language, with its translations as hreflang alternates), robots.txt and the OpenSearch
description of the portal's search."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Page, Site

# Machine endpoints, accounts and the back office are no use in a search engine; nor are
# search results (the search page itself, without a query, is where people start).
ROBOTS_DISALLOW = (
    "/cms/",
    "/django-admin/",
    "/documents/",
    "/notifications/",
    *(
        f"/{code}/{part}"
        for code, _name in settings.LANGUAGES
        for part in ("account/", "notifications/", "search/?", "search/suggest/",
                     "search/report/")
    ),
)  # fmt: skip
# ...except the sign-in page, which people look for by name ("Sala sign in"). Crawlers take
# the longest rule that matches, so this Allow wins over "Disallow: /km/account/".
ROBOTS_ALLOW = tuple(f"/{code}/account/sign-in/" for code, _name in settings.LANGUAGES)


@dataclass
class SitemapEntry:
    location: str
    lastmod: str
    language: str
    alternates: list[tuple[str, str]] = field(default_factory=list)


def sitemap_entries(request: HttpRequest) -> list[SitemapEntry]:
    """Return one entry per live, public page of the request's site in each language;
    each lists every language version of the page (itself included) as alternates."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    roots = site.root_page.get_translations(inclusive=True)
    pages = Page.objects.none()
    for root in roots:
        pages = pages | Page.objects.descendant_of(root, inclusive=True)
    pages = pages.live().public().select_related("locale").order_by("locale__language_code", "path")
    by_key: dict[str, list[tuple[str, str]]] = defaultdict(list)
    entries = []
    for page in pages:
        url = page.get_url(request)
        if not url:
            continue
        location = request.build_absolute_uri(url)
        language = page.locale.language_code
        by_key[str(page.translation_key)].append((language, location))
        lastmod = page.last_published_at or page.latest_revision_created_at
        entry = SitemapEntry(location, lastmod.date().isoformat() if lastmod else "", language)
        entry.alternates = by_key[str(page.translation_key)]
        entries.append(entry)
    return entries
