"""Price-spike level of a weekly series, in the manner of WFP's ALPS (Alert for Price
Spikes): how far the latest weekly mean is above what the season and the trend lead one
to expect, measured in standard deviations of the history.

The method, on the weekly means before the latest week (at least MIN_WEEKS of them):
1. fit a straight line (least squares) through the prices against the week number: the trend
   (fitted again on the prices less the seasonal effects of step 2, four rounds, so that
   the yearly wave does not tilt the line);
2. the seasonal effect of a week of the year is the mean of the history's residuals from
   the trend in the weeks of the year within two weeks of it (a five-week window);
3. the expected price of the latest week is the trend at that week plus its week's
   seasonal effect; the spread is the standard deviation of the history's residuals
   once the seasonal effects are taken off;
4. the standardised deviation z = (latest price - expected) / spread gives the level:
   under 0.25 normal, from 0.25 stress, from 1 alert, from 2 crisis (ALPS's bands).
A price below its expectation is normal: the levels warn of prices that are too high.
With less history the level is "not enough history".
"""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from markets.models import WeeklyPrice

# A year and a half of weekly prices: every week of the year seen at least once.
MIN_WEEKS = 78
SEASON_WINDOW = 2
FIT_ROUNDS = 4
BANDS = ((2.0, "crisis"), (1.0, "alert"), (0.25, "stress"))


class Level(StrEnum):
    NOT_ENOUGH = "not-enough"
    NORMAL = "normal"
    STRESS = "stress"
    ALERT = "alert"
    CRISIS = "crisis"

    @property
    def label(self) -> str:
        return str(LABELS[self])

    @property
    def explanation(self) -> str:
        return str(EXPLANATIONS[self])


LABELS = {
    Level.NOT_ENOUGH: _("Not enough history"),
    Level.NORMAL: _("Normal"),
    Level.STRESS: _("Stress"),
    Level.ALERT: _("Alert"),
    Level.CRISIS: _("Crisis"),
}
EXPLANATIONS = {
    Level.NOT_ENOUGH: _("A level needs at least a year and a half of weekly prices."),
    Level.NORMAL: _("The price is about what the season and the trend lead one to expect."),
    Level.STRESS: _("The price is somewhat higher than the season and the trend suggest."),
    Level.ALERT: _("The price is clearly higher than the season and the trend suggest."),
    Level.CRISIS: _("The price is far higher than the season and the trend suggest."),
}
# Levels an alert may be set on, most severe last.
ORDER = [Level.NORMAL, Level.STRESS, Level.ALERT, Level.CRISIS]


@dataclass
class Spike:
    level: Level
    expected: Decimal | None = None
    deviation: float | None = None


def level_of(z: float) -> Level:
    for limit, name in BANDS:
        if z >= limit:
            return Level(name)
    return Level.NORMAL


def week_of_year(day: datetime.date) -> int:
    return min(day.timetuple().tm_yday // 7, 51)


def seasonal_effects(weeks: Sequence[datetime.date], residuals: Sequence[float]):
    """The seasonal effect of a week: the mean residual of the history's weeks within
    SEASON_WINDOW weeks of the same week of the year (on a 52-week circle)."""
    sums, counts = [0.0] * 52, [0] * 52
    for week, residual in zip(weeks, residuals, strict=True):
        sums[week_of_year(week)] += residual
        counts[week_of_year(week)] += 1

    def effect(day: datetime.date) -> float:
        centre = week_of_year(day)
        near = [(centre + step) % 52 for step in range(-SEASON_WINDOW, SEASON_WINDOW + 1)]
        count = sum(counts[i] for i in near)
        return sum(sums[i] for i in near) / count if count else 0.0

    return effect


def spike_level(series: Sequence[tuple[datetime.date, Decimal]]) -> Spike:
    """The level of the last (week, mean) of a series sorted by week."""
    if len(series) < MIN_WEEKS + 1:
        return Spike(Level.NOT_ENOUGH)
    *history, (last_week, last_price) = series
    start = history[0][0]
    xs = [(week - start).days / 7 for week, _price in history]
    ys = [float(price) for _week, price in history]
    weeks = [week for week, _price in history]
    season = seasonal_effects(weeks, [0.0] * len(weeks))
    for _round in range(FIT_ROUNDS):  # backfitting: trend and season estimated in turn
        deseasoned = [y - season(week) for week, y in zip(weeks, ys, strict=True)]
        slope, intercept = statistics.linear_regression(xs, deseasoned)
        residuals = [y - (intercept + slope * x) for x, y in zip(xs, ys, strict=True)]
        season = seasonal_effects(weeks, residuals)
    spread = statistics.pstdev(
        r - season(week) for (week, _p), r in zip(history, residuals, strict=True)
    )
    x = (last_week - start).days / 7
    expected = intercept + slope * x + season(last_week)
    if spread <= 0:
        spread = max(abs(expected) * 0.01, 1.0)
    z = (float(last_price) - expected) / spread
    return Spike(level_of(z), Decimal(round(expected)), z)


def weekly_series(
    commodity_id: int, price_type: str, province_code: str
) -> list[tuple[datetime.date, Decimal]]:
    """The (week, mean) series of a commodity nationally ("") or in a province."""

    return list(
        WeeklyPrice.objects.filter(
            commodity_id=commodity_id, price_type=price_type, province_code=province_code
        )
        .order_by("week")
        .values_list("week", "mean_khr")
    )


def province_levels(commodity_id: int, price_type: str) -> dict[str, Spike]:
    """Each province's level, from one query of all the provinces' weekly means."""
    series: dict[str, list[tuple[datetime.date, Decimal]]] = defaultdict(list)
    rows = (
        WeeklyPrice.objects.filter(
            commodity_id=commodity_id, price_type=price_type, province_code__gt=""
        )
        .order_by("province_code", "week")
        .values_list("province_code", "week", "mean_khr")
    )
    for code, week, mean in rows:
        series[code].append((week, mean))
    return {code: spike_level(values) for code, values in series.items()}
