"""Wrong passwords lock the account they were tried on, and its owner is told.

Counted per account in the database (not per typed login, so "012 345 678" and
"+85512345678" count together, and every web process sees the same count). After
SALA_SIGN_IN_LOCKOUT_ATTEMPTS wrong passwords in a row the account refuses every
password, the right one too, for SALA_SIGN_IN_LOCKOUT_MINUTES, and its owner gets an
email (or, without a verified address, an SMS) in their own language. A correct password
or a password reset starts the count again. allauth's per-address limits still apply.
"""

from __future__ import annotations

import datetime
import logging
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts.contacts import verified_email, verified_mobile
from accounts.models import User
from accounts.validators import normalise_mobile
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


def is_locked(user: User) -> bool:
    return user.sign_in_locked_until is not None and user.sign_in_locked_until > timezone.now()


@transaction.atomic
def do_record_failed_sign_in(user: User) -> bool:
    """Count one wrong password; lock the account at the limit. Return True if it locked."""
    User.objects.filter(pk=user.pk).update(failed_sign_ins=F("failed_sign_ins") + 1)
    user.refresh_from_db(fields=["failed_sign_ins", "sign_in_locked_until"])
    if user.failed_sign_ins < settings.SALA_SIGN_IN_LOCKOUT_ATTEMPTS:
        return False
    user.failed_sign_ins = 0
    user.sign_in_locked_until = timezone.now() + datetime.timedelta(
        minutes=settings.SALA_SIGN_IN_LOCKOUT_MINUTES
    )
    user.save(update_fields=["failed_sign_ins", "sign_in_locked_until"])
    logger.warning("account locked after wrong passwords", extra={"user_id": user.pk})
    transaction.on_commit(lambda: tell_owner_of_lock(user))
    return True


def do_clear_failed_sign_ins(user: User) -> None:
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
