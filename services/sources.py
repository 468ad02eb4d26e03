"""The sources a form field may name as `"source"`: the person's account
(`ACCOUNT_SOURCES`) or a registry's (`registries.lookups.SOURCES`).

Both `services.definitions`, which refuses a definition naming another source, and
`services.prefilling`, which reads the values, take the list from here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from registries.lookups import SOURCES as REGISTRY_SOURCES


def _name(user: Any) -> dict[str, str] | None:
    if not (user.name_km or user.name_latin):
        return None
    return {"km": user.name_km, "latin": user.name_latin}


ACCOUNT_SOURCES: dict[str, Callable[[Any], Any]] = {
    "account.name": _name,
    "account.date_of_birth": lambda u: u.date_of_birth.isoformat() if u.date_of_birth else None,
    "account.national_id": lambda u: u.national_id or None,
    "account.phone": lambda u: u.mobile or None,
    "account.email": lambda u: u.email or None,
    "account.address": lambda u: u.home_area.code if u.home_area_id else None,
}
KNOWN_SOURCES: tuple[str, ...] = (*ACCOUNT_SOURCES, *REGISTRY_SOURCES)
