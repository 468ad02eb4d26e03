"""Health demo data: bookable slots at the two demo health centres whose clinicians are
the demo's `nurse` and `midwife` (demo.officers), for the next two weeks; the health
services every demo health centre and referral hospital offers, for the health finder.

The danger-sign table comes from health's own data migration. Idempotent: existing slots
are kept as they are.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from geo.models import Facility
from health.models import AppointmentService, FacilityService, HealthService, Slot, Window

HEALTH_CENTRES = ("health-centre-120201", "health-centre-171001")
DAYS = 14
# service -> (window, places a day): vaccination in the morning, antenatal care in the
# afternoon, consultations in both.
OFFER = [
    (AppointmentService.VACCINATION, Window.MORNING, 20),
    (AppointmentService.CONSULTATION, Window.MORNING, 15),
    (AppointmentService.ANTENATAL, Window.AFTERNOON, 10),
    (AppointmentService.CONSULTATION, Window.AFTERNOON, 15),
]


# What the finder lists for each type of demo facility.
SERVICES = {
    "health-centre": [
        HealthService.CONSULTATION,
        HealthService.VACCINATION,
        HealthService.ANTENATAL,
        HealthService.DELIVERY,
        HealthService.FAMILY_PLANNING,
    ],
    "referral-hospital": [
        HealthService.CONSULTATION,
        HealthService.EMERGENCY,
        HealthService.SURGERY,
        HealthService.DELIVERY,
        HealthService.LABORATORY,
    ],
}


@dataclass
class DemoHealth:
    slots: int = 0
    existing: int = 0
    services: int = 0

    def summary(self) -> str:
        return (
            f"Demo health slots: {self.slots} created, {self.existing} already there; "
            f"{self.services} facility services added."
        )


@transaction.atomic
def load_demo() -> DemoHealth:
    if not settings.SALA_DEMO_DATA_ALLOWED:
        raise ImproperlyConfigured("Demo data cannot be loaded when SALA_ENV=production.")
    counts = DemoHealth()
    today = timezone.localdate()
    for office in Facility.objects.filter(code__in=HEALTH_CENTRES):
        for offset in range(1, DAYS + 1):
            day = today + datetime.timedelta(days=offset)
            if day.weekday() == 6:  # closed for bookings on Sundays
                continue
            for service, window, capacity in OFFER:
                _slot, created = Slot.objects.get_or_create(
                    office=office,
                    service=service,
                    date=day,
                    window=window,
                    defaults={"capacity": capacity},
                )
                counts.slots += created
                counts.existing += not created
    for type_code, services in SERVICES.items():
        for facility in Facility.objects.filter(type__code=type_code):
            for offered in services:
                _offer, created = FacilityService.objects.get_or_create(
                    facility=facility, service=offered
                )
                counts.services += created
    return counts
