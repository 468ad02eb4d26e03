"""Receivers of allauth's and Django's sign-in signals."""

from __future__ import annotations

from typing import Any

from allauth.account.signals import password_reset
from allauth.socialaccount.signals import social_account_added
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from accounts import identity, lockout, sessions


@receiver(social_account_added)
def record_identity_on_connect(sender: Any, request: Any, sociallogin: Any, **kwargs: Any) -> None:
    """A signed-in person linked their national digital ID: their identity is verified."""
    identity.do_record_identity_verified(sociallogin.user, sociallogin.account.extra_data)


@receiver(password_reset)
def unlock_after_password_reset(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    lockout.do_clear_failed_sign_ins(user)


@receiver(user_logged_in)
def limit_officer_session(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        sessions.start_session(request, user)
