"""Where notifications may reach a person: the lookups the app that owns people registers.

`notifications` sits below `accounts` (accounts sends its sign-in codes through
`notifications.sms`), so it never imports accounts. Instead accounts registers, at start-up
in `accounts/notifications.py`, the two functions that say which email address and mobile
number a person has verified; an unverified address must never receive a message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured

Lookup = Callable[[Any], str]

_lookups: dict[str, Lookup] = {}


def register_contact_lookups(*, email: Lookup, mobile: Lookup) -> None:
    """Say how to find a person's verified email address and mobile number (E.164); each
    returns "" when the person has none verified."""
    _lookups.update(email=email, mobile=mobile)


def verified_email(user: Any) -> str:
    return _lookup("email")(user)


def verified_mobile(user: Any) -> str:
    return _lookup("mobile")(user)


def _lookup(kind: str) -> Lookup:
    try:
        return _lookups[kind]
    except KeyError:
        raise ImproperlyConfigured(
            "No app has registered where people may be reached: accounts does it in "
            "accounts/notifications.py with notifications.api.register_contact_lookups()."
        ) from None
