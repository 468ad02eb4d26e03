"""Rate limits for every app: one use counted against a rate such as "10/10m".

Counted by django-ratelimit (a fixed window per key, in the default cache, so every web
process sees the same count when the cache is Redis); ADR 0028 says why it replaced the
three copies the apps had. allauth keeps its own limits for signing in.

    from core.ratelimit import hit

    if not hit("cases.messages", f"{request.user.pk}", "20/h"):
        return too_many(request)
"""

from __future__ import annotations

from django_ratelimit.core import get_usage


def _usage(group: str, key: str, rate: str, *, increment: bool) -> dict | None:
    # No request: the key is ours, and the limit holds for every HTTP method.
    return get_usage(
        None, group=group, key=lambda _group, _request: key, rate=rate, increment=increment
    )


def hit(group: str, key: str, rate: str) -> bool:
    """Count one use of `key` in `group`; return False once the uses pass `rate`."""
    usage = _usage(group, key, rate, increment=True)
    return usage is None or not usage["should_limit"]


def is_limited(group: str, key: str, rate: str) -> bool:
    """Return True if `key` has already used up `rate` in `group` (counts nothing)."""
    usage = _usage(group, key, rate, increment=False)
    return usage is not None and usage["count"] >= usage["limit"]
