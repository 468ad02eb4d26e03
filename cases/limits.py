"""The public status check's limit, counted by core.ratelimit."""

from __future__ import annotations

from core.ratelimit import hit


def allow(key: str, limit: int, seconds: int) -> bool:
    """Count one use of `key`; return False once it passed `limit` uses in this window."""
    return hit("cases", key, f"{limit}/{seconds}s")


# Case messages, per person (officer or applicant) across all cases: enough for any real
# conversation, too few to flood an office or an applicant's phone. The one call for it:
# a shared rate limiter may replace `allow` here without touching the views.
MESSAGES_PER_HOUR = 30


def message_allowed(user) -> bool:
    """Count one case message by `user`; False once they sent too many this hour."""
    return allow(f"case-message:{user.pk}", limit=MESSAGES_PER_HOUR, seconds=3600)
