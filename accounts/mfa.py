"""Who must sign in with a second factor."""

from __future__ import annotations

import datetime

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled

from accounts.models import User
from accounts.officers import is_officer


def requires_mfa(user: User) -> bool:
    """Return True for people who must use a second factor: staff, administrators and
    officers (anyone with an active office membership)."""
    return user.is_staff or user.is_superuser or is_officer(user)


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
