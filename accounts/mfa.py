"""Who must sign in with a second factor."""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled

from accounts.models import User


def requires_mfa(user: User) -> bool:
    """Return True for people who must use a second factor: staff and administrators.

    Officers join this rule when office memberships arrive (accounts issue, slice 5).
    """
    return user.is_staff or user.is_superuser


def has_mfa(user: User) -> bool:
    return is_mfa_enabled(user, [Authenticator.Type.TOTP])
