"""How long a staff or officer session lasts.

A citizen's session lasts SESSION_COOKIE_AGE (14 days) like any Django session. A session
of someone who handles other people's data (accounts.mfa.requires_mfa: staff,
administrators, officers) ends sooner: SALA_OFFICER_SESSION_HOURS after signing in
whatever they do, and after SALA_OFFICER_SESSION_IDLE_MINUTES without a request, so a
counter computer left signed in does not stay open to the next person. The session is
marked at sign-in (`start_session`); `session_ended` is asked on every request.
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


def start_session(request: HttpRequest, user: Any) -> None:
    """At sign-in: mark a staff or officer session, and give its cookie their shorter life."""
    if not requires_mfa(user):
        return
    now = time.time()
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN] = now
    request.session.set_expiry(settings.SALA_OFFICER_SESSION_HOURS * 3600)


def session_ended(request: HttpRequest) -> bool:
    """Return True if this staff or officer session has outlived its limits; otherwise
    count this request as activity."""
    signed_in_at = request.session.get(SIGNED_IN_AT)
    if signed_in_at is None:
        return False
    now = time.time()
    last_seen = request.session.get(LAST_SEEN, signed_in_at)
    if now - signed_in_at > settings.SALA_OFFICER_SESSION_HOURS * 3600:
        return True
    if now - last_seen > settings.SALA_OFFICER_SESSION_IDLE_MINUTES * 60:
        return True
    if now - last_seen >= LAST_SEEN_PRECISION:
        request.session[LAST_SEEN] = now
    return False
