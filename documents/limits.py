"""A limit on verification look-ups per address: codes are unguessable (75 random bits),
and this keeps anyone from even trying at speed."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from core.addresses import client_address


def verification_allowed(request: HttpRequest) -> bool:
    """Count one look-up from the request's address; False past the limit per minute."""
    limit = settings.SALA_DOCUMENT_VERIFICATIONS_PER_MINUTE
    window = f"documents:verify:{client_address(request)}:{int(time.time() // 60)}"
    if cache.add(window, 1, 60):
        return True
    try:
        return cache.incr(window) <= limit
    except ValueError:  # the window expired between add and incr
        cache.set(window, 1, 60)
        return True
