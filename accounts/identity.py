"""What the national digital-ID login (OpenID Connect) tells us about a person.

The provider has checked the person's identity documents, so a login through it marks
the account as identity-verified (`User.identity_verified_at`; services ask
`user.is_identity_verified`). Empty profile fields are filled from the standard claims
(`name`, its Khmer form `name#km`, `given_name`, `family_name`, `birthdate`, `gender`,
`phone_number` when `phone_number_verified`) and from a `national_id` claim if the
provider sends one; a field the person already filled in is never overwritten.
"""

from __future__ import annotations

import datetime
import logging
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.validators import normalise_mobile, normalise_national_id

logger = logging.getLogger(__name__)

KHMER_LETTERS = re.compile(r"[\u1780-\u17ff]")


def claims_of(extra_data: dict[str, Any]) -> dict[str, Any]:
    """Return the claims allauth stored: userinfo over the ID token's."""
    return {**extra_data.get("id_token", {}), **extra_data.get("userinfo", {})}


def profile_from_claims(claims: dict[str, Any]) -> dict[str, Any]:
    """Return the profile fields the claims give, cleaned; unusable claims are left out."""
    found: dict[str, Any] = {}
    name = " ".join(str(claims.get("name") or "").split())
    if not name:
        name = " ".join(
            part for part in (claims.get("family_name"), claims.get("given_name")) if part
        )
    if name:
        found["name_km" if KHMER_LETTERS.search(name) else "name_latin"] = name
    khmer_name = " ".join(str(claims.get("name#km") or "").split())
    if KHMER_LETTERS.search(khmer_name):
        found["name_km"] = khmer_name
    if claims.get("gender") in User.Sex.values:
        found["sex"] = claims["gender"]
    try:
        found["date_of_birth"] = datetime.date.fromisoformat(str(claims.get("birthdate", "")))
    except ValueError:
        pass
    for claim, field, normalise in (
        ("national_id", "national_id", normalise_national_id),
        ("phone_number", "mobile", normalise_mobile),
    ):
        if claims.get(claim):
            try:
                found[field] = normalise(str(claims[claim]))
            except ValidationError:
                logger.info("unusable identity claim", extra={"claim": claim})
    if "mobile" in found and claims.get("phone_number_verified") is not True:
        del found["mobile"]
    return found


def fill_from_claims(user: User, extra_data: dict[str, Any]) -> list[str]:
    """Fill the user's empty profile fields from the claims and mark the identity verified.

    Return the names of the fields set (the caller saves).
    """
    changed = []
    for field, value in profile_from_claims(claims_of(extra_data)).items():
        if getattr(user, field):
            continue
        if field == "mobile":
            if User.objects.filter(mobile=value).exclude(pk=user.pk).exists():
                continue
            user.mobile_verified = True
            changed.append("mobile_verified")
        setattr(user, field, value)
        changed.append(field)
    user.identity_verified_at = timezone.now()
    changed.append("identity_verified_at")
    return changed


@transaction.atomic
def do_record_identity_verified(user: User, extra_data: dict[str, Any]) -> None:
    changed = fill_from_claims(user, extra_data)
    user.save(update_fields=changed)
    logger.info("identity verified", extra={"user_id": user.pk, "fields": changed})
