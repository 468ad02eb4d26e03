"""The public status check's limit, counted by core.ratelimit."""

from __future__ import annotations

from core.ratelimit import hit


def allow(key: str, limit: int, seconds: int) -> bool:
    """Count one use of `key`; return False once it passed `limit` uses in this window."""
    return hit("cases", key, f"{limit}/{seconds}s")
