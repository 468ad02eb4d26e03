"""Health demo data: bookable slots at the two demo health centres whose clinicians are
the demo's `nurse` and `midwife` (demo.officers), for the next two weeks, and today's
appointment of the demo `citizen` at each, so the desk's list of the day
(/health/office/appointments/) has someone to check in (ticket M-001 or A-001); the health
services every demo health centre and referral hospital offers, for the health finder.
One centre books antenatal care at exact times (every 20 minutes) instead of a window.

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

from accounts.models import User
from geo.models import Facility
from health.booking import exact_times, publish_exact_slots
from health.models import (
    AppointmentService,
    Booking,
    FacilityService,
    HealthService,
    Slot,
    Window,
)

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

# Where a centre prefers exact times: antenatal care at the Phnom Penh centre every 20 minutes from
# 14:00 to 16:40, one woman each, instead of the afternoon window.
EXACT = {"health-centre-120201": (AppointmentService.ANTENATAL, "14:00", "16:40", 20)}


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
    today: int = 0

    def summary(self) -> str:
        return (
            f"Demo health slots: {self.slots} created, {self.existing} already there; "
            f"{self.services} facility services added; {self.today} appointments today."
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
            _publish_day(office, day, counts)
    for type_code, services in SERVICES.items():
        for facility in Facility.objects.filter(type__code=type_code):
            for offered in services:
                _offer, created = FacilityService.objects.get_or_create(
                    facility=facility, service=offered
                )
                counts.services += created
    counts.today = _today_appointments(today)
    return counts


def _publish_day(office: Facility, day: datetime.date, counts: DemoHealth) -> None:
    """The centre's slots of one day: windows, and exact times where it prefers them."""
    exact = EXACT.get(office.code)
    for service, window, capacity in OFFER:
        if exact and exact[0] == service:
            continue
        _slot, created = Slot.objects.get_or_create(
            office=office,
            service=service,
            date=day,
            window=window,
            starts_at=None,
            defaults={"capacity": capacity},
        )
        counts.slots += created
        counts.existing += not created
    if exact:
        service, first, last, every = exact
        times = exact_times(
            datetime.time.fromisoformat(first), datetime.time.fromisoformat(last), every
        )
        before = Slot.objects.filter(office=office, date=day, service=service).count()
        after = len(publish_exact_slots(office, service, day, times, minutes=every))
        counts.slots += after - before
        counts.existing += before


# The demo citizen's appointment today at each centre: (centre, service, window).
TODAY = [
    ("health-centre-171001", AppointmentService.VACCINATION, Window.MORNING),
    ("health-centre-120201", AppointmentService.CONSULTATION, Window.AFTERNOON),
]


def _today_appointments(today: datetime.date) -> int:
    """Booked "yesterday" for today: made directly (booking itself opens from tomorrow
    on), without a signed ticket; the desk finds them by their typed number."""
    citizen = User.objects.filter(username="citizen").first()
    if citizen is None:
        return 0
    made = 0
    for code, service, window in TODAY:
        office = Facility.objects.filter(code=code).first()
        if office is None:
            continue
        slot, _created = Slot.objects.get_or_create(
            office=office,
            service=service,
            date=today,
            window=window,
            starts_at=None,
            defaults={"capacity": 10},
        )
        if Booking.objects.filter(slot=slot, user=citizen).exists():
            continue
        Booking.objects.create(slot=slot, user=citizen, number=slot.bookings.count() + 1)
        Slot.objects.filter(pk=slot.pk).update(booked=slot.booked + 1)
        made += 1
    return made
