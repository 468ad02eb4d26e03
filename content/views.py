"""Views of the content app that are not Wagtail pages: the home page's address, feeds,
the sitemap, robots.txt and the OpenSearch description."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from wagtail.models import Site
from wagtail.views import serve

from content.models import HomePage
from core import views as core_views


def home(request: HttpRequest) -> HttpResponse:
    """Serve the site's Wagtail home page in the reader's language, or the core home page
    while editors have not created one (a new installation)."""
    site = Site.find_for_request(request)
    root = site.root_page.localized.specific if site is not None else None
    if isinstance(root, HomePage) and root.live:
        return serve(request, "")
    return core_views.home(request)
