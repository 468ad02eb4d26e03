"""Monthly counts per health facility for the national HMIS, as a DHIS2 `dataValueSets`
JSON document: how many health questions were asked, and how many appointments were
booked, attended and missed, in one calendar month.

Only counts leave: no person, no question text, no ticket. The data set and the data
element ids come from settings (SALA_DHIS2_DATA_SET, SALA_DHIS2_DATA_ELEMENTS); the
organisation unit is the facility's code. Appointments count in the month of their slot's
date; questions in the month they were sent (Phnom Penh time).
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, QuerySet
from django.utils import timezone

from health.models import Booking, Question

MEASURES = ("questions", "bookings", "attendances", "no_shows")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """Return the month written as YYYY-MM; ValueError for anything else."""
        match = MONTH.match(text.strip())
        if not match or not 1 <= int(match[2]) <= 12:
            raise ValueError(text)
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def previous(cls, today: datetime.date | None = None) -> Month:
        first = (today or timezone.localdate()).replace(day=1)
        last_month = first - datetime.timedelta(days=1)
        return cls(last_month.year, last_month.month)

    @property
    def period(self) -> str:
        """DHIS2's monthly period: YYYYMM."""
        return f"{self.year:04d}{self.month:02d}"

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month, 1)

    @property
    def next_first_day(self) -> datetime.date:
        return datetime.date(self.year + self.month // 12, self.month % 12 + 1, 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def _by_office(queryset: QuerySet, office_field: str) -> dict[str, int]:
    rows = queryset.values_list(office_field).annotate(n=Count("pk")).order_by()
    return dict(rows)


def monthly_counts(
    month: Month, progress: Callable[[str], None] = lambda step: None
) -> dict[str, dict[str, int]]:
    """Return {facility code: {measure: count}} for the facilities with any count."""
    start = timezone.make_aware(datetime.datetime.combine(month.first_day, datetime.time()))
    end = timezone.make_aware(datetime.datetime.combine(month.next_first_day, datetime.time()))
    slots_in_month = Booking.objects.filter(
        slot__date__gte=month.first_day, slot__date__lt=month.next_first_day
    )
    queries = {
        "questions": (
            Question.objects.filter(created_at__gte=start, created_at__lt=end),
            "office__code",
        ),
        "bookings": (
            slots_in_month.exclude(status=Booking.Status.CANCELLED),
            "slot__office__code",
        ),
        "attendances": (
            slots_in_month.filter(status=Booking.Status.CHECKED_IN),
            "slot__office__code",
        ),
        "no_shows": (slots_in_month.filter(status=Booking.Status.NO_SHOW), "slot__office__code"),
    }
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(MEASURES, 0))
    for measure, (queryset, office_field) in queries.items():
        progress(measure)
        for code, number in _by_office(queryset, office_field).items():
            counts[code][measure] = number
    return dict(sorted(counts.items()))


def data_value_set(month: Month, counts: dict[str, dict[str, int]]) -> dict:
    """Return the DHIS2 dataValueSets document for the month's counts (zeros included for
    every facility that has any count, so that "none missed" is reported, not missing)."""
    elements = settings.SALA_DHIS2_DATA_ELEMENTS
    return {
        "dataSet": settings.SALA_DHIS2_DATA_SET,
        "period": month.period,
        "completeDate": timezone.localdate().isoformat(),
        "dataValues": [
            {
                "dataElement": elements[measure],
                "period": month.period,
                "orgUnit": code,
                "value": str(values[measure]),
            }
            for code, values in counts.items()
            for measure in MEASURES
        ],
    }
