"""Types the apps share for type checking (mypy with django-stubs; `make typecheck`).

`User` is the configured user model (settings.AUTH_USER_MODEL): django-stubs' plugin refines
its placeholder to `accounts.User`, so an app below `accounts` (notifications, audit, core)
can name the user model without importing `accounts`. Import these under `TYPE_CHECKING`
only; nothing here exists at run time except `AuthenticatedHttpRequest`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from django.contrib.auth.models import _AnyUser as AnyUser
    from django.contrib.auth.models import _User as User

__all__ = ["AnyUser", "AuthenticatedHttpRequest", "User"]


class AuthenticatedHttpRequest(HttpRequest):
    """A request behind `login_required` (or a decorator built on it): its user is signed in.

    Annotate a view's `request` with it instead of narrowing `request.user` in the view."""

    user: User
