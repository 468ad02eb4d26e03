"""Which office handles a report: the routing of applications (`services.routing`) when
the category names a catalogue service, else the commune hall whose jurisdiction holds
the report's area (`geo.jurisdiction`). None: nobody is recorded yet, the national queue."""

from __future__ import annotations

from geo.jurisdiction import office_for_area
from geo.models import Area, Facility
from reports.models import Category
from services.routing import office_for_service

COMMUNE_HALL = "commune-hall"


def office_for_report(category: Category, area: Area) -> Facility | None:
    if category.service is not None:
        return office_for_service(category.service, area)
    return office_for_area(area, COMMUNE_HALL)
