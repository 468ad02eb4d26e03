"""The optional map: Leaflet served from the portal, tiles from the operator's tile server.

Off unless `SALA_MAP_TILE_URL` is set. The tile server is the one external origin an
operator opts into: its origin is added to `img-src` of the pages that show a map, and
to no other page.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from csp.decorators import csp_update
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

DEFAULT_ATTRIBUTION = "© OpenStreetMap"


def tile_url() -> str:
    return settings.SALA_MAP_TILE_URL


def tile_attribution() -> str:
    return settings.SALA_MAP_TILE_ATTRIBUTION or DEFAULT_ATTRIBUTION


def tile_origin(url: str) -> str:
    """Return the CSP source of a tile URL template ("https://{s}.tile.example.org/{z}/…"
    gives "https://*.tile.example.org"), or "" when there is none."""
    if not url:
        return ""
    parts = urlsplit(url.replace("{s}.", "subdomain-placeholder."))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    host = parts.netloc.replace("subdomain-placeholder.", "*.")
    return f"{parts.scheme}://{host}"


def allow_map_tiles(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Let the view's page load tiles from the configured tile server (nothing when unset)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = view(request, *args, **kwargs)
        origin = tile_origin(tile_url())
        if not origin:
            return response
        return csp_update({"img-src": [origin]})(lambda _request: response)(request)

    return wrapped
