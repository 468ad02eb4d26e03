"""Middleware owned by core: request ids and the admin's relaxed content security policy."""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase

from core.addresses import client_address
from core.logging import current_client_address, current_request_id

logger = logging.getLogger("sala.request")

# Accept an upstream id (from nginx or a load balancer) only if it looks like one.
REQUEST_ID_PATTERN = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

# One-time keys that travel in the address (allauth's email confirmation and password
# reset links) are not written to the log.
ONE_TIME_KEY_IN_PATH = re.compile(r"(/(?:confirm-email|key)/)[^/]+")


def loggable_path(path: str) -> str:
    """Return the path with any one-time key in it replaced by "…"."""
    return ONE_TIME_KEY_IN_PATH.sub(r"\1…", path)


ADMIN_CSP_RELAXATIONS = {
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
}


class RequestIdMiddleware:
    """Give every request an id, echo it as X-Request-ID and log one line per request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        upstream = request.headers.get("X-Request-ID", "")
        request_id = upstream if REQUEST_ID_PATTERN.match(upstream) else uuid.uuid4().hex
        # Not reset on the way out: Django logs 4xx/5xx responses after the middleware
        # chain returns, and those lines must carry the id too. The next request sets it.
        current_request_id.set(request_id)
        current_client_address.set(client_address(request))
        started = time.monotonic()
        response = self.get_response(request)
        response["X-Request-ID"] = request_id
        logger.info(
            "%s %s %s",
            request.method,
            loggable_path(request.path),
            response.status_code,
            extra={
                "method": request.method,
                "path": loggable_path(request.path),
                "status": response.status_code,
                "duration_ms": round((time.monotonic() - started) * 1000, 1),
            },
        )
        return response


class SalaCSPMiddleware(CSPMiddleware):
    """The strict policy everywhere but the Wagtail and Django admin pages.

    The admins ship inline code we do not control; the public portal keeps the strict policy.
    """

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path.startswith(settings.SALA_ADMIN_PATH_PREFIXES):
            parts.replace = {**ADMIN_CSP_RELAXATIONS, **(parts.replace or {})}
        return parts
