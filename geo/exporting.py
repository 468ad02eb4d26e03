"""Export the directory as CSV (the same columns the importer reads) and as GeoJSON."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator

from geo.hours import Interval, format_hours
from geo.models import Facility, FacilityQuerySet

# Columns that each hold one of the facility's own fields, under the field's name.
FIELD_COLUMNS = (
    "name_km",
    "name_en",
    "address_km",
    "address_en",
    "latitude",
    "longitude",
    "phones",
    "email",
    "website",
    "telegram",
)
COLUMNS = (
    "code",
    "type",
    "institution",
    "area",
    *FIELD_COLUMNS,
    "hours",
    "open_on_public_holidays",
)
PHONE_SEPARATOR = ";"


def for_export(facilities: FacilityQuerySet) -> FacilityQuerySet:
    return (
        facilities.select_related("type", "area", "institution")
        .prefetch_related("hours")
        .order_by("code")
    )


def facility_row(facility: Facility) -> dict[str, str]:
    """Return the facility as one row of the import/export format."""
    return {
        "code": facility.code,
        "type": facility.type.code,
        "institution": facility.institution.code if facility.institution else "",
        "area": facility.area.code,
        "name_km": facility.name_km,
        "name_en": facility.name_en,
        "address_km": facility.address_km,
        "address_en": facility.address_en,
        "latitude": "" if facility.latitude is None else str(facility.latitude),
        "longitude": "" if facility.longitude is None else str(facility.longitude),
        "phones": PHONE_SEPARATOR.join(facility.phones),
        "email": facility.email,
        "website": facility.website,
        "telegram": facility.telegram,
        "hours": format_hours(Interval(h.weekday, h.opens, h.closes) for h in facility.hours.all()),
        "open_on_public_holidays": "yes" if facility.open_on_public_holidays else "no",
    }


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(facilities: Iterable[Facility]) -> Iterator[str]:
    """Yield the CSV text line by line, starting with a BOM so that Excel reads Khmer."""
    writer = csv.DictWriter(_Echo(), fieldnames=COLUMNS)
    yield "\ufeff" + writer.writeheader()
    for facility in facilities:
        yield writer.writerow(_defuse(facility_row(facility)))


def _defuse(row: dict[str, str]) -> dict[str, str]:
    """Keep spreadsheet programs from running cells as formulas (CSV injection)."""
    return {
        key: ("'" + value if value[:1] in ("=", "+", "-", "@") and key != "phones" else value)
        for key, value in row.items()
    }


def geojson(facilities: Iterable[Facility], url_for: Callable[[Facility], str]) -> dict:
    """Return a GeoJSON FeatureCollection of the facilities that have a location."""
    features = [
        {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                # GeoJSON order: longitude first.
                "coordinates": [float(f.longitude), float(f.latitude)],
            },
            "properties": {
                "code": f.code,
                "type": f.type.code,
                "name_km": f.name_km,
                "name_en": f.name_en,
                "area": f.area.code,
                "url": url_for(f),
            },
        }
        for f in facilities
        if f.latitude is not None and f.longitude is not None  # f.has_location, for mypy
    ]
    return {"type": "FeatureCollection", "features": features}
