"""Plain factory functions for the geo tests: keyword defaults, no magic.

Codes and names are real ones from the gazetteer (Siem Reap province).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from geo.models import Area, Facility, FacilityType, OpeningHours


@dataclass
class Tree:
    province: Area
    district: Area
    commune: Area
    village: Area
    other_commune: Area
    other_village: Area


def create_area(code: str, name_en: str, name_km: str, parent: Area | None = None) -> Area:
    return Area.objects.create(
        code=code,
        level=(parent.level + 1) if parent else Area.Level.PROVINCE,
        parent=parent,
        path=f"{parent.path if parent else '/'}{code}/",
        name_km=name_km,
        name_en=name_en,
    )


def create_tree() -> Tree:
    """Siem Reap > Siem Reab > Sla Kram > Sla Kram village, plus a neighbouring commune."""
    province = create_area("17", "Siemreap", "សៀមរាប")
    district = create_area("1710", "Siem Reab", "សៀមរាប", province)
    commune = create_area("171001", "Sla Kram", "ស្លក្រាម", district)
    village = create_area("17100101", "Sla Kram", "ស្លក្រាម", commune)
    other_commune = create_area("171004", "Sala Kamraeuk", "សាលាកំរើក", district)
    other_village = create_area("17100401", "Voat Bour", "វត្ដបូព៌", other_commune)
    return Tree(province, district, commune, village, other_commune, other_village)


def facility_type(code: str) -> FacilityType:
    return FacilityType.objects.get(code=code)


def create_facility(
    area: Area,
    type_code: str = "commune-hall",
    code: str | None = None,
    name_en: str = "",
    name_km: str = "",
    **fields,
) -> Facility:
    kind = facility_type(type_code)
    return Facility.objects.create(
        code=code or f"{type_code}-{area.code}",
        type=kind,
        area=area,
        name_en=name_en or f"{kind.name_en} {area.name_en}",
        name_km=name_km or f"{kind.name_km}{area.name_km}",
        **fields,
    )


def office_hours(facility: Facility, weekdays: range = range(5)) -> None:
    """Monday to Friday 7:30-11:30 and 14:00-17:00, as most public offices keep them."""
    for weekday in weekdays:
        OpeningHours.objects.create(
            facility=facility,
            weekday=weekday,
            opens=datetime.time(7, 30),
            closes=datetime.time(11, 30),
        )
        OpeningHours.objects.create(
            facility=facility,
            weekday=weekday,
            opens=datetime.time(14, 0),
            closes=datetime.time(17, 0),
        )
