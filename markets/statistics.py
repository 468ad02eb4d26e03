"""What the public pages say about a commodity, read from the weekly and latest tables:
this week's price, its change against last week, month and year, the five-year normal
(KAMIS's rule: the same week of the five years before, highest and lowest dropped), the
weekly trend, and each province's latest price."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from geo.models import Area
from markets.models import Commodity, WeeklyPrice

NATIONAL = ""
COMPARED_WEEKS = {"week": 1, "month": 4, "year": 52}
NORMAL_YEARS = 5
MIN_NORMAL_YEARS = 3
# A province's price counts as current if its last week is at most this old.
PROVINCE_FRESH_WEEKS = 8


FIELDS = ("week", "mean_khr", "low_khr", "high_khr", "count", "is_demo")


class Week(NamedTuple):
    """One weekly row, read as a tuple: the page reads hundreds of them."""

    week: datetime.date
    mean_khr: Decimal
    low_khr: Decimal
    high_khr: Decimal
    prices: int
    is_demo: bool


@dataclass
class Change:
    name: str
    then: Decimal | None
    percent: float | None

    @property
    def size(self) -> float | None:
        return None if self.percent is None else abs(self.percent)

    @property
    def direction(self) -> str:
        if self.percent is None:
            return ""
        if abs(self.percent) < 0.5:
            return "flat"
        return "up" if self.percent > 0 else "down"


@dataclass
class CommodityFigures:
    commodity: Commodity
    price_type: str
    weeks: list[Week] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    normal: Change | None = None
    provinces: list[tuple[Area, Week]] = field(default_factory=list)
    is_demo: bool = False

    @property
    def latest(self) -> Week | None:
        return self.weeks[-1] if self.weeks else None


def _percent(now: Decimal, then: Decimal | None) -> float | None:
    if then is None or then == 0:
        return None
    return float((now - then) / then * 100)


def five_year_normal(by_week: dict[datetime.date, Decimal], week: datetime.date) -> Decimal | None:
    """The mean of the same week in the five years before, without the highest and the
    lowest; with three or four years, their plain mean; with fewer, none."""
    values = []
    for years in range(1, NORMAL_YEARS + 1):
        then = week - datetime.timedelta(weeks=52 * years)
        value = by_week.get(then)
        if value is not None:
            values.append(value)
    if len(values) < MIN_NORMAL_YEARS:
        return None
    if len(values) == NORMAL_YEARS:
        values = sorted(values)[1:-1]
    return Decimal(sum(values)) / len(values)


def commodity_figures(commodity: Commodity, price_type: str, trend_weeks: int) -> CommodityFigures:
    """Two queries: the national weekly series and each province's recent weeks."""
    figures = CommodityFigures(commodity, price_type)
    national = [
        Week(*row)
        for row in WeeklyPrice.objects.filter(
            commodity=commodity, price_type=price_type, province_code=NATIONAL
        )
        .order_by("week")
        .values_list(*FIELDS)
    ]
    if not national:
        return figures
    latest = national[-1]
    by_week = {row.week: row.mean_khr for row in national}
    for name, weeks in COMPARED_WEEKS.items():
        then = by_week.get(latest.week - datetime.timedelta(weeks=weeks))
        figures.changes.append(Change(name, then, _percent(latest.mean_khr, then)))
    normal = five_year_normal(by_week, latest.week)
    figures.normal = Change("normal", normal, _percent(latest.mean_khr, normal))
    figures.weeks = national[-trend_weeks:]
    figures.is_demo = any(row.is_demo for row in figures.weeks)
    recent = WeeklyPrice.objects.filter(
        commodity=commodity,
        price_type=price_type,
        province_code__gt=NATIONAL,
        week__gt=latest.week - datetime.timedelta(weeks=PROVINCE_FRESH_WEEKS),
    )
    newest: dict[str, Week] = {}
    for code, *row in recent.order_by("week").values_list("province_code", *FIELDS):
        newest[code] = Week(*row)
    areas = {a.code: a for a in Area.objects.filter(code__in=newest, level=Area.Level.PROVINCE)}
    figures.provinces = sorted(
        ((areas[code], row) for code, row in newest.items() if code in areas),
        key=lambda pair: pair[0].code,
    )
    return figures
