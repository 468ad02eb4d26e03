"""The visitor's last danger-sign screen, kept in the session (no account needed)."""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from django.utils import timezone

from health.models import Screening
from health.triage import CLEAR_SCREEN_MINUTES

SESSION_KEY = "health_screening"


def remember_screening(request: HttpRequest, screening: Screening) -> None:
    request.session[SESSION_KEY] = screening.pk


def last_screening(request: HttpRequest) -> Screening | None:
    """Return the visitor's screening of the last hour, or None."""
    pk = request.session.get(SESSION_KEY)
    if not isinstance(pk, int):
        return None
    since = timezone.now() - datetime.timedelta(minutes=CLEAR_SCREEN_MINUTES)
    return Screening.objects.select_related("table").filter(pk=pk, answered_at__gte=since).first()
