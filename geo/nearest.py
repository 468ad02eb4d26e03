"""Facilities by great-circle distance from a point, the same on SQLite and PostgreSQL.

A bounding box of growing size narrows the candidates in the database (plain comparisons
on latitude and longitude); Python computes the haversine distance of those and keeps the
ones inside the circle, so the order is exact for every facility it returns.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from geo.models import FacilityQuerySet

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE = 111.32
# Search circles tried in turn; None is the whole country.
RADII_KM = (10.0, 50.0, 200.0, None)
# Cambodia with a margin for its islands (Koh Poulo Wai ~9.9° N) and border posts.
CAMBODIA_BOUNDS = {"south": 9.5, "north": 15.0, "west": 102.0, "east": 108.0}


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float

    def __str__(self) -> str:
        return f"{self.latitude:.5f},{self.longitude:.5f}"


def in_cambodia(point: Point) -> bool:
    bounds = CAMBODIA_BOUNDS
    return (
        bounds["south"] <= point.latitude <= bounds["north"]
        and bounds["west"] <= point.longitude <= bounds["east"]
    )


def haversine_km(a: Point, b: Point) -> float:
    """Return the great-circle distance between two points in kilometres."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat = lat2 - lat1
    dlng = math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlng / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def within_box(facilities: FacilityQuerySet, point: Point, radius_km: float) -> FacilityQuerySet:
    """Return the facilities inside the box that holds the circle of the radius."""
    dlat = radius_km / KM_PER_DEGREE
    dlng = radius_km / (KM_PER_DEGREE * max(math.cos(math.radians(point.latitude)), 0.01))
    return facilities.filter(
        latitude__range=(point.latitude - dlat, point.latitude + dlat),
        longitude__range=(point.longitude - dlng, point.longitude + dlng),
    )


def by_distance(
    facilities: FacilityQuerySet, point: Point, needed: int
) -> tuple[list[tuple[int, float]], float | None]:
    """Return (facility id, km) of located facilities, nearest first, and the radius searched.

    Widens the circle until it holds `needed` facilities (or covers everything, radius
    None). One query per circle tried, reading three columns.
    """
    located = facilities.filter(latitude__isnull=False, longitude__isnull=False)
    rows: list[tuple[int, float]] = []
    radius: float | None = None
    for radius in RADII_KM:
        candidates = within_box(located, point, radius) if radius else located
        rows = [
            (pk, haversine_km(point, Point(float(lat), float(lng))))
            for pk, lat, lng in candidates.values_list("pk", "latitude", "longitude")
        ]
        if radius is not None:
            rows = [row for row in rows if row[1] <= radius]
        if len(rows) >= needed:
            break
    rows.sort(key=lambda row: (row[1], row[0]))
    return rows, radius
