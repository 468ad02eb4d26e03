"""The health finder: the hospitals and health centres of a commune (or, if it has none,
of the nearest area above it), with their health services, opening hours and whether
they are open now, and what they do online (questions, appointments)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch
from django.utils import timezone

from accounts.models import OfficeMembership, Role
from geo.models import Area, Facility
from geo.validators import format_phone
from health.care import HEALTH_CENTRE, HOSPITAL
from health.models import FacilityService, Slot

HEALTH_TYPES = [HOSPITAL, HEALTH_CENTRE]
MAX_LISTED = 30


@dataclass
class Found:
    area: Area | None
    searched: Area | None = None  # the area whose facilities are listed (it or one above)
    facilities: list[Facility] = field(default_factory=list)


def health_facilities():
    """Listed hospitals and health centres with what the finder shows, open ones first."""
    answering = OfficeMembership.objects.active().filter(
        office=OuterRef("pk"), role__code=Role.CLINICIAN
    )
    booking = Slot.objects.open().filter(office=OuterRef("pk"), date__gt=timezone.localdate())
    return (
        Facility.objects.active()
        .filter(type__code__in=HEALTH_TYPES)
        .select_related("type", "area__parent__parent")
        .prefetch_related(
            "hours", "closures", Prefetch("health_services", FacilityService.objects.all())
        )
        .with_open_now()
        .annotate(answers_questions=Exists(answering), takes_bookings=Exists(booking))
        .order_by("-open_now", "type__position", "name_en")
    )


def find_in(area: Area | None) -> Found:
    """The health facilities of the area, else of the nearest area above it with some."""
    if area is None:
        return Found(area=None)
    facilities = health_facilities()
    for ancestor in reversed(list(Area.objects.lineage_of(area))):
        found = list(facilities.in_area(ancestor)[:MAX_LISTED])
        if found:
            for facility in found:
                facility.phone_numbers = [(phone, format_phone(phone)) for phone in facility.phones]
            return Found(area=area, searched=ancestor, facilities=found)
    return Found(area=area)
