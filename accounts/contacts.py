"""Where the portal may reach a person: only addresses and numbers they have verified.

Notifications ask here, so an unverified email address or mobile number never receives a
message (a typo must not send someone else a person's case updates).
"""

from __future__ import annotations

from allauth.account.models import EmailAddress

from accounts.models import User


def verified_email(user: User) -> str:
    """Return the person's verified email address (the primary one first), or ""."""
    address = (
        EmailAddress.objects.filter(user=user, verified=True)
        .order_by("-primary", "id")
        .values_list("email", flat=True)
        .first()
    )
    return address or ""


def verified_mobile(user: User) -> str:
    """Return the person's mobile number in E.164 if they have verified it, or ""."""
    return user.mobile if user.mobile and user.mobile_verified else ""
