"""Which offices serve which areas: used to route applications to the right office.

An office serves its own area and everything below it, unless it has explicit
`JurisdictionArea` rows: then it serves exactly those areas and everything below them
(a district office that also covers a neighbouring commune, a health centre that serves
three communes). Every lookup is one query, whatever the depth of the area.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Exists, OuterRef, Q

from geo.models import Area, Facility, FacilityQuerySet, FacilityType, JurisdictionArea


def serves_area(area: Area) -> Q:
    """Return the condition "the facility's jurisdiction holds the area" (explicit rows,
    else its own area is the area or one above it)."""
    lineage = area.lineage_codes
    explicit = JurisdictionArea.objects.filter(facility=OuterRef("pk"))
    # Q(...) around the combined expression, so that callers can `|` it with other Qs.
    return Q(
        (~Exists(explicit) & Q(area__code__in=lineage))
        | Exists(explicit.filter(area__code__in=lineage))
    )


def offices_for_area(
    area: Area,
    facility_type: FacilityType | str | None = None,
    level: int | None = None,
) -> FacilityQuerySet:
    """Return the active facilities whose jurisdiction holds the area, nearest first.

    `facility_type` (a type or its code) and `level` (the level of the office's own area,
    an `Area.Level`) narrow the result: `offices_for_area(village, "commune-hall")` is the
    hall of the village's commune.
    """
    offices = Facility.objects.active().filter(serves_area(area))
    if facility_type is not None:
        code = facility_type.code if isinstance(facility_type, FacilityType) else facility_type
        offices = offices.filter(type__code=code)
    if level is not None:
        offices = offices.filter(area__level=level)
    return offices.select_related("area", "type").order_by("-area__level", "name_en", "pk")


def office_for_area(area: Area, facility_type: FacilityType | str) -> Facility | None:
    """Return the nearest office of the type that serves the area, or None."""
    return offices_for_area(area, facility_type).first()


def served_area_ids(facilities: Iterable[Facility]) -> set[int]:
    """Return the ids of the top areas the facilities serve together (each with everything
    below): a facility's `JurisdictionArea` rows, else its own area. One query."""
    facilities = list(facilities)
    explicit: dict[int, set[int]] = {}
    rows = JurisdictionArea.objects.filter(facility__in=facilities)
    for facility_id, area_id in rows.values_list("facility_id", "area_id"):
        explicit.setdefault(facility_id, set()).add(area_id)
    return {pk for f in facilities for pk in explicit.get(f.pk, {f.area_id})}


def served_areas(facility: Facility) -> list[Area]:
    """Return the top areas of the facility's jurisdiction (each with everything below)."""
    return list(Area.objects.filter(pk__in=served_area_ids([facility])).order_by("code"))


@transaction.atomic
def do_set_jurisdiction(facility: Facility, areas: Iterable[Area]) -> None:
    """Make the facility serve exactly these areas; an empty list restores the default."""
    facility.jurisdiction.all().delete()
    JurisdictionArea.objects.bulk_create(
        [JurisdictionArea(facility=facility, area=area) for area in areas]
    )
