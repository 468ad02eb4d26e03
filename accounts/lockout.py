"""Wrong passwords lock the way in they came by (the account from that address), not
the person, and the account's owner is told.

Counted per account and client address in the shared cache (core.ratelimit), whichever
way the account is named ("012 345 678" and "+85512345678" count together). After
SALA_SIGN_IN_LOCKOUT_ATTEMPTS wrong passwords from one address, that address gets no
password accepted for the account, the right one neither, for at most
SALA_SIGN_IN_LOCKOUT_MINUTES; the owner, or an officer at their office, still signs in
from anywhere else, so nobody can lock an officer out from outside. The owner gets an
email (or, without a verified address, an SMS) in their own language.

Guessing from many addresses meets a ceiling per account: after
SALA_SIGN_IN_ACCOUNT_CEILING wrong passwords in a day from all addresses the account
itself is locked (User.sign_in_locked_until), as an administrator can lock it by hand. A
correct password or a password reset starts every count again. allauth's per-address
limits still apply.
"""

from __future__ import annotations

import datetime
import logging
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts.contacts import verified_email, verified_mobile
from accounts.models import User
from accounts.validators import normalise_mobile
from core.ratelimit import hit, is_limited
from notifications.sms import send_sms

logger = logging.getLogger(__name__)


def account_for(credentials: dict[str, Any]) -> User | None:
    """Return the account a sign-in attempt names (by email, number or username), if any."""
    if email := credentials.get("email"):
        address = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
        if address:
            return address.user
        return User.objects.filter(email__iexact=email).first()
    if phone := credentials.get("phone"):
        try:
            return User.objects.filter(mobile=normalise_mobile(phone)).first()
        except ValidationError:
            pass
    if username := credentials.get("username"):
        return User.objects.filter(username__iexact=username).first()
    return None


FAILURES = "accounts.sign_in_failures"
FAILURES_OF_ACCOUNT = "accounts.sign_in_failures_of_account"


def _generation(user: User) -> int:
    """Return the account's count generation: a right password or a reset starts a new one."""
    return cache.get(f"accounts:sign_in_generation:{user.pk}", 0)


def _path(user: User, address: str | None) -> str:
    return f"{user.pk}:{_generation(user)}:{address or 'unknown'}"


def _path_rate() -> str:
    return f"{settings.SALA_SIGN_IN_LOCKOUT_ATTEMPTS}/{settings.SALA_SIGN_IN_LOCKOUT_MINUTES}m"


def _account_rate() -> str:
    return f"{settings.SALA_SIGN_IN_ACCOUNT_CEILING}/d"


def is_locked(user: User, address: str | None = None) -> bool:
    """Return True if no password is accepted for the account from this address."""
    if user.sign_in_locked_until is not None and user.sign_in_locked_until > timezone.now():
        return True
    return is_limited(FAILURES, _path(user, address), _path_rate())


@transaction.atomic
def do_record_failed_sign_in(user: User, address: str | None = None) -> bool:
    """Count one wrong password from `address`; lock that way in at the limit, and the
    account at the ceiling. Return True if this wrong password locked something."""
    path = _path(user, address)
    was_locked = is_limited(FAILURES, path, _path_rate())
    hit(FAILURES, path, _path_rate())
    locked = not was_locked and is_limited(FAILURES, path, _path_rate())
    account = f"{user.pk}:{_generation(user)}"
    hit(FAILURES_OF_ACCOUNT, account, _account_rate())
    if is_limited(FAILURES_OF_ACCOUNT, account, _account_rate()) and not is_locked(user):
        user.sign_in_locked_until = timezone.now() + datetime.timedelta(
            minutes=settings.SALA_SIGN_IN_LOCKOUT_MINUTES
        )
        user.save(update_fields=["sign_in_locked_until"])
        logger.warning(
            "account locked after wrong passwords from many addresses", extra={"user_id": user.pk}
        )
        locked = True
    if locked:
        logger.warning("sign-in locked after wrong passwords", extra={"user_id": user.pk})
        transaction.on_commit(lambda: tell_owner_of_lock(user))
    return locked


def do_clear_failed_sign_ins(user: User) -> None:
    """Start every count again (a right password, a password reset) and end a lock."""
    key = f"accounts:sign_in_generation:{user.pk}"
    cache.set(key, _generation(user) + 1, None)
    if user.failed_sign_ins or user.sign_in_locked_until:
        user.failed_sign_ins, user.sign_in_locked_until = 0, None
        user.save(update_fields=["failed_sign_ins", "sign_in_locked_until"])


def tell_owner_of_lock(user: User) -> None:
    """Email the owner (SMS without a verified address) in their preferred language."""
    with translation.override(user.preferred_language):
        context = {
            "user": user,
            "minutes": settings.SALA_SIGN_IN_LOCKOUT_MINUTES,
            "attempts": settings.SALA_SIGN_IN_LOCKOUT_ATTEMPTS,
            "reset_url": settings.SALA_SITE_URL + reverse("account_reset_password"),
        }
        if email := verified_email(user):
            subject = render_to_string("accounts/email/account_locked_subject.txt", context)
            body = render_to_string("accounts/email/account_locked_message.txt", context)
            send_mail(" ".join(subject.split()), body, None, [email])
        elif mobile := verified_mobile(user):
            text = render_to_string("accounts/email/account_locked_sms.txt", context)
            send_sms(mobile, " ".join(text.split()))
