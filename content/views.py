"""Views of the content app that are not Wagtail pages: the home page's address, feeds,
the sitemap, robots.txt and the OpenSearch description."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_safe
from wagtail.models import Site
from wagtail.views import serve

from content.models import HomePage
from content.web import ROBOTS_ALLOW, ROBOTS_DISALLOW, sitemap_entries
from core import views as core_views

SITEMAP_CACHE_SECONDS = 600


def home(request: HttpRequest) -> HttpResponse:
    """Serve the site's Wagtail home page in the reader's language, or the core home page
    while editors have not created one (a new installation)."""
    site = Site.find_for_request(request)
    root = site.root_page.localized.specific if site is not None else None
    if isinstance(root, HomePage) and root.live:
        return serve(request, "")
    return core_views.home(request)


@require_safe
@cache_page(SITEMAP_CACHE_SECONDS)
def sitemap(request: HttpRequest) -> HttpResponse:
    context = {"entries": sitemap_entries(request)}
    return render(request, "content/sitemap.xml", context, content_type="application/xml")


@require_safe
def robots(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        *(f"Allow: {path}" for path in ROBOTS_ALLOW),
        *(f"Disallow: {path}" for path in ROBOTS_DISALLOW),
    ]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('content_sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def opensearch(request: HttpRequest) -> HttpResponse:
    """The OpenSearch description, so that a browser can add the portal's search."""
    context = {
        "search_url": request.build_absolute_uri(reverse("search:search")),
        "home_url": request.build_absolute_uri(reverse("content:home")),
    }
    return render(
        request,
        "content/opensearch.xml",
        context,
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )
