"""Where to go now: the nearest referral hospitals and health centres to a person's area,
open ones first, found by walking up the area's lineage (commune, district, province)
until facilities of the type are found."""

from __future__ import annotations

from dataclasses import dataclass, field

from geo.models import Area, Facility
from geo.validators import format_phone

HOSPITAL = "referral-hospital"
HEALTH_CENTRE = "health-centre"
PER_TYPE = 2


@dataclass
class NearestCare:
    area: Area | None
    hospitals: list[Facility] = field(default_factory=list)
    health_centres: list[Facility] = field(default_factory=list)


def nearest_of_type(area: Area, type_code: str, limit: int = PER_TYPE) -> list[Facility]:
    """Return up to `limit` listed facilities of the type in the area, else in the nearest
    area above it that has some; open ones first."""
    facilities = (
        Facility.objects.active()
        .filter(type__code=type_code)
        .select_related("type", "area__parent__parent")
        .with_open_now()
    )
    for code in reversed(area.lineage_codes):
        ancestor = area if code == area.code else Area.objects.filter(code=code).first()
        if ancestor is None:
            continue
        found = list(facilities.in_area(ancestor).order_by("-open_now", "name_en")[:limit])
        if found:
            for facility in found:
                facility.phone_numbers = [(phone, format_phone(phone)) for phone in facility.phones]
            return found
    return []


def nearest_care(area: Area | None) -> NearestCare:
    if area is None:
        return NearestCare(area=None)
    return NearestCare(
        area=area,
        hospitals=nearest_of_type(area, HOSPITAL),
        health_centres=nearest_of_type(area, HEALTH_CENTRE),
    )
