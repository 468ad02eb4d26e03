"""Which office handles an application: the office whose jurisdiction holds the
application's area, at the service's processing level (`geo.jurisdiction`).

commune → the commune hall, district → the district office, province → the provincial
department of the service's institution, ministry → the ministry itself. A service may name
another office type (`Service.handling_office_type`, e.g. a school). None means the
application goes to the national queue (no area given, or no such office recorded).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo.jurisdiction import offices_for_area
from geo.models import Area, Facility

if TYPE_CHECKING:
    from services.models import Application, Service

OFFICE_TYPE_FOR_LEVEL = {
    "commune": ("commune-hall", Area.Level.COMMUNE),
    "district": ("district-office", Area.Level.DISTRICT),
    "province": ("provincial-department", Area.Level.PROVINCE),
}


def office_for_service(service: Service, area: Area | None) -> Facility | None:
    """Return the office that handles the service for someone in `area`, or None."""
    if service.processing_level == "ministry":
        ministries = Facility.objects.active().filter(
            type__code="ministry", institution_id=service.institution_id
        )
        return ministries.order_by("pk").first()
    if area is None:
        return None
    if (office_type := service.handling_office_type) is not None:
        return offices_for_area(area, office_type.code).first()
    type_code, level = OFFICE_TYPE_FOR_LEVEL[service.processing_level]
    offices = offices_for_area(area, type_code, level)
    if service.processing_level == "province":
        return offices.filter(institution_id=service.institution_id).first()
    return offices.first()


def office_for_application(application: Application) -> Facility | None:
    """Return the office (a geo Facility) that handles the application, or None for the
    national queue."""
    return office_for_service(application.service, application.area)


def offices_handling(service: Service, area: Area) -> list[Facility]:
    """Return the offices a visitor in `area` goes to for the service (for its page)."""
    office = office_for_service(service, area)
    return [office] if office else []
