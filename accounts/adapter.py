"""How allauth fits Sala.

- New accounts start in the language they signed up in.
- Mobile numbers live on the user (`User.mobile`, `User.mobile_verified`) in E.164;
  people type them as Cambodians write them (012 345 678) and the codes go out through
  `notifications.sms.send_sms`.
- Wrong passwords are counted per account and lock it for a while (`accounts.lockout`).
- A national digital-ID login marks the person's identity as verified; its discovery,
  token and key calls go through the portal's outbound checks (`core.outbound`).
"""

from __future__ import annotations

import logging
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialLogin
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import identity, lockout, nonces
from accounts.models import User
from accounts.profiles import do_record_mobile_verified
from accounts.validators import normalise_mobile
from core.addresses import client_address
from core.outbound import requests_session
from core.phones import MobileNumberField
from notifications.sms import send_sms

logger = logging.getLogger(__name__)


def _find_by_phone(phone: str) -> User | None:
    try:
        mobile = normalise_mobile(phone)
    except ValidationError:
        return None
    return User.objects.filter(mobile=mobile).first()


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "incorrect_code": gettext_lazy(
            "This code is not the one we sent, or it has already been used. "
            "Check the latest message and try again."
        ),
    }

    def save_user(self, request: HttpRequest, user: User, form: Any, commit: bool = True) -> User:
        language = translation.get_language() or User.Language.KHMER
        if language in User.Language.values:
            user.preferred_language = language
        return super().save_user(request, user, form, commit=commit)

    def get_client_ip(self, request: HttpRequest) -> str:
        """The address allauth's per-address limits count: the one Sala's own limits and
        audit records use, behind the operator's proxies too."""
        address = client_address(request)
        if address is None:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def get_login_stages(self) -> list[str]:
        return [
            "accounts.stages.ContactVerificationStage"
            if path == "allauth.account.stages.EmailVerificationStage"
            else path
            for path in super().get_login_stages()
        ]

    # --- Mobile numbers ----------------------------------------------------------------

    def phone_form_field(self, **kwargs: Any) -> forms.Field:
        kwargs.pop("label", None)
        return MobileNumberField(**kwargs)

    def set_phone(self, user: User, phone: str, verified: bool) -> None:
        user.mobile, user.mobile_verified = phone, verified
        if user.pk:
            user.save(update_fields=["mobile", "mobile_verified"])

    def get_phone(self, user: User) -> tuple[str, bool] | None:
        return (user.mobile, user.mobile_verified) if user.mobile else None

    def set_phone_verified(self, user: User, phone: str) -> None:
        do_record_mobile_verified(user, phone)

    def get_user_by_phone(self, phone: str) -> User | None:
        return _find_by_phone(phone)

    def send_verification_code_sms(self, user: User, phone: str, code: str, **kwargs: Any) -> None:
        with translation.override(user.preferred_language):
            text = _("Sala: your code is %(code)s. It is valid for 15 minutes. Never share it.")
            send_sms(phone, text % {"code": code})

    def send_unknown_account_sms(self, phone: str, **kwargs: Any) -> None:
        send_sms(
            phone,
            _("Sala: someone asked to sign in with this number, but it has no account."),
        )

    def send_account_already_exists_sms(self, phone: str) -> None:
        send_sms(
            phone,
            _(
                "Sala: someone tried to create an account with this number, which already "
                "has one. Sign in instead, or reset your password."
            ),
        )

    # --- Wrong passwords -----------------------------------------------------------------

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        super().pre_authenticate(request, **credentials)
        user = lockout.account_for(credentials)
        if user is not None and lockout.is_locked(user, client_address(request)):
            self._rollback_login_failed_rl_usage()
            raise self.validation_error("too_many_login_attempts")

    def authenticate(self, request: HttpRequest, **credentials: Any) -> User | None:
        user = super().authenticate(request, **credentials)
        if user is not None:
            lockout.do_clear_failed_sign_ins(user)
        return user

    def authentication_failed(self, request: HttpRequest, **credentials: Any) -> None:
        user = lockout.account_for(credentials)
        if user is not None:
            lockout.do_record_failed_sign_in(user, client_address(request))


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """The national digital-ID provider proves who the person is."""

    def get_requests_session(self) -> Any:
        """allauth's calls to the provider (discovery, token, keys, user info), with every
        connection's address checked as any call out of the portal."""
        timeout = settings.SOCIALACCOUNT_REQUESTS_TIMEOUT
        return requests_session(
            allow_loopback=settings.SALA_OUTBOUND_ALLOW_LOOPBACK, timeout=(timeout, timeout)
        )

    def on_authentication_error(
        self,
        request: HttpRequest,
        provider: Any,
        error: str | None = None,
        exception: Exception | None = None,
        extra_context: dict | None = None,
    ) -> None:
        logger.warning(
            "national digital-ID sign-in refused",
            extra={"error": error, "exception": repr(exception)[:300]},
        )

    def pre_social_login(self, request: HttpRequest, sociallogin: SocialLogin) -> None:
        nonces.check(request, sociallogin)
        if sociallogin.is_existing:
            identity.do_record_identity_verified(sociallogin.user, sociallogin.account.extra_data)

    def populate_user(self, request: HttpRequest, sociallogin: SocialLogin, data: dict) -> User:
        user = super().populate_user(request, sociallogin, data)
        identity.fill_from_claims(user, sociallogin.account.extra_data)
        if translation.get_language() in User.Language.values:
            user.preferred_language = translation.get_language()
        return user
