"""Opening hours: whether a place is open at a moment, in Phnom Penh time.

Pure functions over plain values so that they are easy to test; the models and the
directory's "open now" filter build on them. An interval whose closing time is not after
its opening time runs past midnight (a hospital's 17:00-08:00 night shift).
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Iterable
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.utils import timezone

PHNOM_PENH = ZoneInfo("Asia/Phnom_Penh")


class Interval(NamedTuple):
    weekday: int  # 0 = Monday … 6 = Sunday, as datetime.date.weekday()
    opens: datetime.time
    closes: datetime.time

    @property
    def overnight(self) -> bool:
        return self.closes <= self.opens


def local_moment(moment: datetime.datetime | None = None) -> datetime.datetime:
    """Return the moment (now when None) in Phnom Penh time; naive moments are refused."""
    moment = moment or timezone.now()
    if timezone.is_naive(moment):
        raise ValueError("is_open_at needs an aware datetime")
    return moment.astimezone(PHNOM_PENH)


def days_to_check(moment: datetime.datetime | None = None) -> tuple[datetime.date, datetime.date]:
    """Return (today, yesterday) in Phnom Penh: yesterday's overnight hours may still run."""
    today = local_moment(moment).date()
    return today, today - datetime.timedelta(days=1)


def is_open_at(
    intervals: Iterable[Interval],
    closed_dates: Collection[datetime.date],
    moment: datetime.datetime | None = None,
) -> bool:
    """Return whether any interval covers the moment, skipping days in closed_dates."""
    local = local_moment(moment)
    today, yesterday = local.date(), local.date() - datetime.timedelta(days=1)
    now = local.time()
    for interval in intervals:
        if interval.weekday == today.weekday() and today not in closed_dates:
            if interval.opens <= now and (interval.overnight or now < interval.closes):
                return True
        if (
            interval.overnight
            and interval.weekday == yesterday.weekday()
            and yesterday not in closed_dates
            and now < interval.closes
        ):
            return True
    return False


DAY_ABBREVIATIONS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


class HoursSyntaxError(ValueError):
    """The text is not in the `Mo-Fr 07:30-11:30,14:00-17:00; Sa 07:30-11:30` form."""


def format_hours(intervals: Iterable[Interval]) -> str:
    """Return the hours as `Mo-Fr 07:30-11:30,14:00-17:00; Sa 07:30-11:30`."""
    by_day: dict[int, list[str]] = {}
    for interval in sorted(intervals):
        closes = "24:00" if interval.closes == datetime.time(0) else f"{interval.closes:%H:%M}"
        by_day.setdefault(interval.weekday, []).append(f"{interval.opens:%H:%M}-{closes}")
    parts: list[str] = []
    day = 0
    while day < 7:
        if day not in by_day:
            day += 1
            continue
        last = day
        while last + 1 < 7 and by_day.get(last + 1) == by_day[day]:
            last += 1
        days = DAY_ABBREVIATIONS[day]
        if last > day:
            days += ("-" if last > day + 1 else ",") + DAY_ABBREVIATIONS[last]
        parts.append(f"{days} {','.join(by_day[day])}")
        day = last + 1
    return "; ".join(parts)


def parse_hours(text: str) -> list[Interval]:
    """Return the intervals written as `format_hours` writes them; raise HoursSyntaxError."""
    intervals: list[Interval] = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        days_text, _, ranges_text = part.partition(" ")
        if not ranges_text.strip():
            raise HoursSyntaxError(part)
        for weekday in _parse_days(days_text):
            for range_text in ranges_text.replace(" ", "").split(","):
                opens, _, closes = range_text.partition("-")
                intervals.append(Interval(weekday, _parse_time(opens), _parse_time(closes)))
    return intervals


def _parse_days(text: str) -> list[int]:
    days: list[int] = []
    for item in text.split(","):
        first, _, last = item.partition("-")
        try:
            start = DAY_ABBREVIATIONS.index(first.strip().title())
            end = DAY_ABBREVIATIONS.index(last.strip().title()) if last else start
        except ValueError as exc:
            raise HoursSyntaxError(item) from exc
        if end < start:
            raise HoursSyntaxError(item)
        days.extend(range(start, end + 1))
    return days


def _parse_time(text: str) -> datetime.time:
    if text == "24:00":
        return datetime.time(0)
    try:
        return datetime.datetime.strptime(text, "%H:%M").time()
    except ValueError as exc:
        raise HoursSyntaxError(text) from exc
