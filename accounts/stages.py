"""Sign-in stages of our own, run by allauth between the password and the session."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import get_adapter
from allauth.account.app_settings import EmailVerificationMethod
from allauth.account.internal.flows.email_verification import (
    send_verification_email_at_login,
)
from allauth.account.stages import EmailVerificationStage
from allauth.account.utils import has_verified_email


class ContactVerificationStage(EmailVerificationStage):
    """Let in only people the portal can reach: a verified mobile number, a verified email
    address, or an identity confirmed by the national digital-ID login.

    allauth's "mandatory" email verification would demand an email address of everyone,
    and many Cambodians sign up with a mobile number only. Someone with neither gets the
    verification email again, as with allauth's mandatory verification. A new account
    that gave an email address besides its (verified) number is still sent the link.
    """

    def handle(self) -> tuple[Any, bool]:
        user = self.login.user
        reachable = user is not None and (
            (user.mobile and user.mobile_verified) or user.is_identity_verified
        )
        if reachable or has_verified_email(user, self.login.email):
            if self.login.signup and user.email and not has_verified_email(user, user.email):
                send_verification_email_at_login(self.request, self.login)
            return None, True
        if self.login.email_verification == EmailVerificationMethod.NONE:
            return None, True  # e.g. an account created by an administrator's import
        send_verification_email_at_login(self.request, self.login)
        return get_adapter().respond_email_verification_sent(self.request, user), True
