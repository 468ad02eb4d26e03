"""Due dates: a service's processing time in working days, skipping weekends and the
public holidays in `geo.PublicHoliday` (loaded for 2026-2030 by a data migration of this
app; administrators add later years in the Django admin)."""

from __future__ import annotations

import datetime

from geo.models import PublicHoliday

WEEKEND = (5, 6)  # Saturday, Sunday


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """Return the date `days` working days after `start` (the day itself not counted)."""
    horizon = start + datetime.timedelta(days=days * 2 + 40)
    holidays = set(
        PublicHoliday.objects.filter(date__gt=start, date__lte=horizon).values_list(
            "date", flat=True
        )
    )
    day = start
    while days > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() not in WEEKEND and day not in holidays:
            days -= 1
    return day


def due_date_for(service, received: datetime.date) -> datetime.date | None:
    """Return when a case of the service received on `received` is due, or None when
    the service states no processing time."""
    if not service.sla_working_days:
        return None
    return add_working_days(received, service.sla_working_days)
