"""The anonymous page cache: a page a visitor without a session gets is kept for
SALA_PAGE_CACHE_SECONDS and served again to the next such visitor.

Only what is the same for every anonymous visitor is kept: GET or HEAD under a language
prefix, from a request without a session or messages cookie (signed-in people and
visitors who chose an area always have a session), answered 200 without setting a
cookie (so never a page whose form set the CSRF cookie), without a CSP nonce (a page with
an inline script needs a fresh nonce each time), and not marked private or no-store.
Publishing or unpublishing any Wagtail page moves every cached page to a new generation,
so readers see the change at once; other data (offices, opening hours) shows after at most
SALA_PAGE_CACHE_SECONDS.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

GENERATION_KEY = "content:page-cache:generation"
CACHE_HEADER = "X-Sala-Page-Cache"
UNCACHEABLE_CONTROL = ("private", "no-store", "no-cache")


def forget_cached_pages(**kwargs: Any) -> None:
    """Start a new generation of cached pages (connected to publish and unpublish)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def _generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def _language_prefixes() -> tuple[str, ...]:
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def is_cacheable_request(request: HttpRequest) -> bool:
    return (
        settings.SALA_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and request.path.startswith(_language_prefixes())
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def is_cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "'nonce-" not in response.get("Content-Security-Policy", "")
        and not any(word in control for word in UNCACHEABLE_CONTROL)
    )


class AnonymousPageCacheMiddleware:
    """Serve anonymous visitors' pages from the cache (see the module's docstring).

    It sits just inside the request-id and security middleware, so that each answer still
    gets its own request id and security headers, and outside the CSP middleware, whose
    header (without a nonce) is kept with the page.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_cacheable_request(request):
            return self.get_response(request)
        key = f"content:page:{_generation()}:{request.get_host()}:{request.get_full_path()}"
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response[CACHE_HEADER] = "hit"
            return response
        response = self.get_response(request)
        if is_cacheable_response(request, response):
            headers = [(name, value) for name, value in response.items()]
            cache.set(key, (response.content, headers), settings.SALA_PAGE_CACHE_SECONDS)
            response[CACHE_HEADER] = "miss"
        return response
