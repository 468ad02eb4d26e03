"""Plain factory functions for the accounts tests: keyword defaults, no magic."""

from __future__ import annotations

from allauth.account.models import EmailAddress

from accounts.models import User

PASSWORD = "a-long-demo-password"


def create_user(
    username: str = "dara", *, password: str = PASSWORD, verified: bool = True, **fields
) -> User:
    """Return a user whose email address is recorded with allauth (verified by default)."""
    fields.setdefault("email", f"{username}@example.org")
    user = User.objects.create_user(username, password=password, **fields)
    if user.email:
        EmailAddress.objects.create(user=user, email=user.email, verified=verified, primary=True)
    return user
