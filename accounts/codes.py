"""Say clearly when a one-time code has expired.

allauth refuses an expired code by dropping the half-done sign-in and sending the person
back to the start, without a word. These wrappers around its two code pages (the code
that verifies a mobile number, the code that signs in) notice the expiry first and leave
a message for the page the person lands on.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from allauth.account import app_settings
from allauth.account.internal.constants import LoginStageKey
from allauth.account.internal.stagekit import LOGIN_SESSION_KEY, unstash_login
from allauth.account.views import confirm_login_code, verify_phone
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _


def code_expired(request: HttpRequest, stage: LoginStageKey, timeout: int) -> bool:
    """Return whether the code of the sign-in in progress (at `stage`) has expired."""
    if LOGIN_SESSION_KEY not in request.session:
        return False
    login = unstash_login(request, peek=True)
    if login is None:
        return True  # the whole sign-in timed out
    data = login.state.get("stages", {}).get(stage.value, {}).get("data", {})
    sent_at = data.get("at")
    return sent_at is not None and time.time() - sent_at > timeout


def _explaining_expiry(
    view: Callable[[HttpRequest], HttpResponse], stage: LoginStageKey, timeout: Callable[[], int]
) -> Callable[[HttpRequest], HttpResponse]:
    def wrapped(request: HttpRequest) -> HttpResponse:
        if not request.user.is_authenticated and code_expired(request, stage, timeout()):
            messages.error(
                request,
                _(
                    "This code has expired: codes are valid for %(minutes)s minutes. "
                    "Start again to get a new one."
                )
                % {"minutes": timeout() // 60},
            )
        return view(request)

    wrapped.__name__ = view.__name__
    return wrapped


verify_phone_explaining_expiry = _explaining_expiry(
    verify_phone, LoginStageKey.VERIFY_PHONE, lambda: app_settings.PHONE_VERIFICATION_TIMEOUT
)
confirm_login_code_explaining_expiry = _explaining_expiry(
    confirm_login_code, LoginStageKey.LOGIN_BY_CODE, lambda: app_settings.LOGIN_BY_CODE_TIMEOUT
)
