"""How long a staff or officer session lasts.

A citizen's session lasts SESSION_COOKIE_AGE (14 days) like any Django session. A session
of someone who handles other people's data (accounts.mfa.requires_mfa: staff,
administrators, officers) ends sooner: SALA_OFFICER_SESSION_HOURS after signing in
whatever they do, and after SALA_OFFICER_SESSION_IDLE_MINUTES without a request, so a
counter computer left signed in does not stay open to the next person.

The rule follows the account's standing at each request, not at sign-in: someone given an
office role while signed in gets the officer's limits at their next request, counted from
when they signed in (allauth's record of the sign-in); someone whose last role ended gets
a citizen's session back. `start_session` marks the session at sign-in; `session_ended`
is asked on every request.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from accounts.mfa import requires_mfa

SIGNED_IN_AT = "sala_officer_signed_in_at"
LAST_SEEN = "sala_officer_last_seen"
# Saving the session at most once a minute for the idle count spares a write per request.
LAST_SEEN_PRECISION = 60
# allauth writes how the person signed in into the session at every sign-in it handles.
ALLAUTH_SIGN_IN_RECORDS = "account_authentication_methods"


def sign_in_times(request: HttpRequest) -> list[float]:
    """Return when allauth recorded this session's sign-in steps (seconds since the epoch)."""
    return [
        record["at"]
        for record in request.session.get(ALLAUTH_SIGN_IN_RECORDS) or []
        if isinstance(record, dict) and isinstance(record.get("at"), int | float)
    ]


def mark_officer_session(request: HttpRequest, signed_in_at: float, now: float) -> None:
    """Count this session's officer limits from `signed_in_at`, and give its cookie their
    shorter life."""
    request.session[SIGNED_IN_AT] = signed_in_at
    request.session[LAST_SEEN] = now
    request.session.set_expiry(settings.SALA_OFFICER_SESSION_HOURS * 3600)


def start_session(request: HttpRequest, user: Any) -> None:
    """At sign-in: mark a staff or officer session."""
    if requires_mfa(user):
        now = time.time()
        mark_officer_session(request, now, now)


def session_ended(request: HttpRequest, officer: bool) -> bool:
    """Return True if this session, of an `officer` (accounts.mfa.requires_mfa, asked now),
    has outlived an officer's limits; otherwise count this request as activity."""
    signed_in_at = request.session.get(SIGNED_IN_AT)
    if not officer:
        if signed_in_at is not None:  # their last office role ended: a citizen's session
            del request.session[SIGNED_IN_AT]
            request.session.pop(LAST_SEEN, None)
            request.session.set_expiry(None)
        return False
    now = time.time()
    if signed_in_at is None:  # given an office role while signed in
        signed_in_at = min(sign_in_times(request), default=now)
        mark_officer_session(request, signed_in_at, now)
    last_seen = request.session.get(LAST_SEEN, signed_in_at)
    if now - signed_in_at > settings.SALA_OFFICER_SESSION_HOURS * 3600:
        return True
    if now - last_seen > settings.SALA_OFFICER_SESSION_IDLE_MINUTES * 60:
        return True
    if now - last_seen >= LAST_SEEN_PRECISION:
        request.session[LAST_SEEN] = now
    return False
