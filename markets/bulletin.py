"""A province's weekly bulletin: each commodity's weekly mean with its change on the
previous week and the year before, its price-spike level, and the week's biggest rises
and falls. Read from the weekly summary table, so the page and the PDF agree."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from geo.models import Area
from markets.models import Commodity, WeeklyPrice
from markets.spikes import Spike, spike_level
from markets.statistics import Change

LEADERS = 3  # rises and falls listed


@dataclass
class Line:
    commodity: Commodity
    mean: Decimal
    week_change: Change
    year_change: Change
    spike: Spike


@dataclass
class Bulletin:
    province: Area
    week: datetime.date
    lines: list[Line] = field(default_factory=list)
    is_demo: bool = False

    @property
    def iso_week(self) -> str:
        return iso_week(self.week)

    @property
    def week_end(self) -> datetime.date:
        return self.week + datetime.timedelta(days=6)

    @property
    def rises(self) -> list[Line]:
        up = [line for line in self.lines if line.week_change.direction == "up"]
        return sorted(up, key=lambda line: -(line.week_change.percent or 0))[:LEADERS]

    @property
    def falls(self) -> list[Line]:
        down = [line for line in self.lines if line.week_change.direction == "down"]
        return sorted(down, key=lambda line: line.week_change.percent or 0)[:LEADERS]


def iso_week(monday: datetime.date) -> str:
    year, number, _day = monday.isocalendar()
    return f"{year}-W{number:02d}"


def monday_of(text: str) -> datetime.date | None:
    """The Monday of an ISO week written 2026-W49, or None if it is not one."""
    try:
        return datetime.date.fromisoformat(f"{text}-1") if "-W" in text else None
    except ValueError:
        return None


def latest_week(province: Area) -> datetime.date | None:
    return (
        WeeklyPrice.objects.filter(province_code=province.code)
        .order_by("-week")
        .values_list("week", flat=True)
        .first()
    )


def _change(name: str, now: Decimal, then: Decimal | None) -> Change:
    return Change(name, then, float((now - then) / then * 100) if then else None)


def build(province: Area, week: datetime.date) -> Bulletin | None:
    """The bulletin of the province's week, or None if no price was published that week."""
    rows = WeeklyPrice.objects.filter(province_code=province.code, week__lte=week).order_by("week")
    series: dict[tuple[int, str], list[tuple[datetime.date, Decimal, bool]]] = {}
    for commodity_id, price_type, day, mean, demo in rows.values_list(
        "commodity_id", "price_type", "week", "mean_khr", "is_demo"
    ):
        series.setdefault((commodity_id, price_type), []).append((day, mean, demo))
    bulletin = Bulletin(province, week)
    commodities = Commodity.objects.select_related("unit").order_by("position", "code")
    for commodity in commodities:
        weeks = series.get((commodity.pk, commodity.price_type))
        if not weeks or weeks[-1][0] != week:
            continue
        by_week = {day: mean for day, mean, _demo in weeks}
        mean = weeks[-1][1]
        bulletin.lines.append(
            Line(
                commodity,
                mean,
                _change("week", mean, by_week.get(week - datetime.timedelta(weeks=1))),
                _change("year", mean, by_week.get(week - datetime.timedelta(weeks=52))),
                spike_level([(day, value) for day, value, _demo in weeks]),
            )
        )
        bulletin.is_demo = bulletin.is_demo or weeks[-1][2]
    return bulletin if bulletin.lines else None
