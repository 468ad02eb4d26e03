"""Made-up weekly price series for the demo and the benchmark, seeded so every run is the
same: each commodity's typical price (markets.reference), a fixed difference per market
and per province, the season of its category, slow inflation, a slowly wandering level
per series and a little noise each week, rounded as sellers round.

Seasons, from the year's calendar in Cambodia: paddy and rice are cheapest after the
main harvest (December-January) and dearest in the lean months before it (August-
September); vegetables are dearer in the rainy season, when fields flood (August-
October); fruit is cheapest at its harvest (mango in April-May); meat and fish are
dearest around Khmer New Year (mid-April) and Pchum Ben (late September) and fish cheapest
in the open season after the flood (December-February).
"""

from __future__ import annotations

import datetime
import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from markets.reference import COMMODITIES

INFLATION_PER_YEAR = 0.03
NOISE = 0.025
WANDER = 0.01


@dataclass(frozen=True)
class Series:
    commodity: str
    category: str
    unit: str
    price_type: str
    typical: float


def catalogue(codes: Sequence[str] | None = None) -> list[Series]:
    rows = [Series(code, category, unit, ptype, typical)
            for code, category, _km, _en, unit, ptype, typical in COMMODITIES]  # fmt: skip
    return [s for s in rows if codes is None or s.commodity in codes]


def _peak(day_of_year: int, peak_day: int) -> float:
    """A yearly wave from -1 (half a year from the peak) to 1 (at the peak day)."""
    return math.cos(2 * math.pi * (day_of_year - peak_day) / 365.25)


def season(category: str, commodity: str, day: datetime.date) -> float:
    """The seasonal factor (around 1) of a commodity on a day."""
    doy = day.timetuple().tm_yday
    if category == "cereals":
        return 1 + 0.12 * _peak(doy, 245)
    if category == "vegetables":
        return 1 + 0.18 * _peak(doy, 260)
    if category == "fruit":
        return 1 + (0.30 if commodity == "mango" else 0.15) * _peak(doy, 310)
    if category == "livestock":
        new_year, pchum_ben = _peak(doy, 104), _peak(doy, 270)
        return 1 + 0.06 * max(new_year, pchum_ben, 0) ** 8
    if category == "fish":
        return 1 + 0.15 * _peak(doy, 200)
    return 1 + 0.05 * _peak(doy, 60)


def rounded(value: float) -> float:
    step = 1000 if value >= 100_000 else 100 if value >= 1000 else 10
    return max(step, round(value / step) * step)


@dataclass(frozen=True)
class Market:
    code: str
    province: str


def weekly_rows(
    markets: Sequence[Market],
    series: Sequence[Series],
    weeks: int,
    end: datetime.date,
    seed: int = 22,
) -> Iterator[dict[str, str]]:
    """Yield import rows (markets.importing's columns), week by week, oldest first."""
    rng = random.Random(seed)  # noqa: S311 - demo series, not secrets
    province_factor = {m.province: rng.uniform(0.92, 1.08) for m in markets}
    market_factor = {m.code: rng.uniform(0.94, 1.06) * province_factor[m.province] for m in markets}
    collect_day = {m.code: rng.randrange(0, 3) for m in markets}
    level = {(m.code, s.commodity): 1.0 for m in markets for s in series}
    last_monday = end - datetime.timedelta(days=end.weekday())
    first = last_monday - datetime.timedelta(weeks=weeks - 1)
    for week in range(weeks):
        monday = first + datetime.timedelta(weeks=week)
        years = (monday - first).days / 365.25
        for market in markets:
            day = min(monday + datetime.timedelta(days=collect_day[market.code]), end)
            for s in series:
                key = (market.code, s.commodity)
                level[key] = min(1.15, max(0.87, level[key] * (1 + rng.gauss(0, WANDER))))
                value = (
                    s.typical
                    * market_factor[market.code]
                    * season(s.category, s.commodity, day)
                    * (1 + INFLATION_PER_YEAR) ** years
                    * level[key]
                    * (1 + rng.gauss(0, NOISE))
                )
                yield {
                    "date": day.isoformat(),
                    "market": market.code,
                    "commodity": s.commodity,
                    "price_type": s.price_type,
                    "unit": s.unit,
                    "currency": "KHR",
                    "price": f"{rounded(value):.0f}",
                }
