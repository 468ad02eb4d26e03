"""A person's own profile: changing it, exporting everything we hold, asking for closure.

Every function here acts on the signed-in user only; no function takes a user id, so no
one can reach another person's profile through these.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.log import log_action

logger = logging.getLogger(__name__)

PROFILE_FIELDS = (
    "name_km",
    "name_latin",
    "date_of_birth",
    "sex",
    "national_id",
    "mobile",
    "home_area",
    "preferred_language",
)
EXPORT_FORMAT = "sala-personal-data/1"

# Other apps add what they hold about a person (applications, messages, payments...) with
# register_export_section; accounts never imports them.
ExportSection = Callable[[User], Any]
_export_sections: dict[str, ExportSection] = {}


def register_export_section(name: str, section: ExportSection) -> None:
    """Add a section to every personal-data export: `section(user)` returns JSON data."""
    _export_sections[name] = section


@transaction.atomic
def do_update_profile(user: User, changes: dict[str, Any]) -> list[str]:
    """Save the changed profile fields; return the names of the fields that changed."""
    changed = [
        name for name in PROFILE_FIELDS if name in changes and getattr(user, name) != changes[name]
    ]
    for name in changed:
        setattr(user, name, changes[name])
    if "mobile" in changed and user.mobile_verified:
        # A new number is not verified until a code sent to it comes back.
        user.mobile_verified = False
        changed.append("mobile_verified")
    if changed:
        user.save(update_fields=changed)
        logger.info("profile changed", extra={"user_id": user.pk, "fields": changed})
    return changed


@transaction.atomic
def do_record_mobile_verified(user: User, mobile: str) -> None:
    """Record that the person entered the code sent by SMS to `mobile`: only now does the
    number count as theirs (the counter binds walk-ins to verified numbers only)."""
    user.mobile, user.mobile_verified = mobile, True
    if user.pk:
        user.save(update_fields=["mobile", "mobile_verified"])
        log_action(user, "accounts.mobile.verified", user, {"mobile_end": mobile[-3:]}, person=user)
    logger.info("mobile number verified", extra={"user_id": user.pk})


@transaction.atomic
def do_request_account_closure(user: User) -> bool:
    """Record that the person asked for closure; return False if they had already asked."""
    if user.closure_requested_at is not None:
        return False
    user.closure_requested_at = timezone.now()
    user.save(update_fields=["closure_requested_at"])
    logger.info("account closure requested", extra={"user_id": user.pk})
    return True


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _account_section(user: User) -> dict[str, Any]:
    return {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "has_password": user.has_usable_password(),
        "date_joined": _iso(user.date_joined),
        "last_login": _iso(user.last_login),
        "is_staff": user.is_staff,
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "closure_requested_at": _iso(user.closure_requested_at),
    }


def _profile_section(user: User) -> dict[str, Any]:
    area = user.home_area
    return {
        "name_km": user.name_km,
        "name_latin": user.name_latin,
        "date_of_birth": _iso(user.date_of_birth),
        "sex": user.sex,
        "national_id": user.national_id,
        "mobile": user.mobile,
        "home_area": (
            {"code": area.code, "name_km": area.name_km, "name_en": area.name_en} if area else None
        ),
        "preferred_language": user.preferred_language,
        "identity_verified_at": _iso(user.identity_verified_at),
    }


register_export_section("account", _account_section)
register_export_section("profile", _profile_section)


def export_personal_data(user: User) -> dict[str, Any]:
    """Return everything the portal holds about the person, as JSON-ready data.

    The password hash and second-factor secrets are left out: they are not information
    about the person, and handing them out would only weaken the account.
    """
    data: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "exported_at": timezone.now().isoformat(),
    }
    for name, section in _export_sections.items():
        data[name] = section(user)
    return data
