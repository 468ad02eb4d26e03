"""A small fixed-window rate limit in the cache (the public status check)."""

from __future__ import annotations

import time

from django.core.cache import cache


def allow(key: str, limit: int, seconds: int) -> bool:
    """Count one use of `key`; return False once it passed `limit` uses in this window."""
    window = f"cases:rate:{key}:{int(time.time() // seconds)}"
    if cache.add(window, 1, seconds):
        return True
    try:
        return cache.incr(window) <= limit
    except ValueError:  # the window expired between add and incr
        cache.set(window, 1, seconds)
        return True
