"""Who must sign in with a second factor."""

from __future__ import annotations

import datetime
from weakref import WeakKeyDictionary

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.http import HttpRequest

from accounts.models import User
from accounts.officers import is_officer


def requires_mfa(user: User) -> bool:
    """Return True for people who must use a second factor: staff, administrators and
    officers (anyone with an active office membership)."""
    return user.is_staff or user.is_superuser or is_officer(user)


# Each request's answer, so that the session limits and the second-factor check, which
# both ask on every request, query the memberships once between them.
STANDING: WeakKeyDictionary[HttpRequest, bool] = WeakKeyDictionary()


def request_requires_mfa(request: HttpRequest) -> bool:
    """Return requires_mfa for the request's signed-in user, as it stands now (asked once
    per request: a role granted or ended since the sign-in counts at once)."""
    if request not in STANDING:
        STANDING[request] = requires_mfa(request.user)  # type: ignore[arg-type]
    return STANDING[request]


def has_mfa(user: User) -> bool:
    return is_mfa_enabled(user, [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN])


def set_up_since(user: User, timestamp: float) -> bool:
    """Return True if the person added an authenticator app or a passkey after `timestamp`
    (seconds since the epoch)."""
    since = datetime.datetime.fromtimestamp(timestamp, tz=datetime.UTC)
    return Authenticator.objects.filter(
        user_id=user.pk,
        type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN],
        created_at__gte=since,
    ).exists()
