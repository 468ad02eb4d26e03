"""Plain helpers: a run of weekly published prices at a market."""

from __future__ import annotations

import datetime
from decimal import Decimal

from markets.models import Commodity, Observation
from markets.publishing import refresh_after


def weekly_prices(
    market, code: str, values: list[int], last: datetime.date, *, demo: bool = False
) -> list[Observation]:
    """Publish one price a week ending on `last` (the last value), oldest first."""
    commodity = Commodity.objects.select_related("unit").get(code=code)
    rows = [
        Observation.objects.create(
            commodity=commodity,
            market=market,
            price_type=commodity.price_type,
            unit=commodity.unit,
            date=last - datetime.timedelta(weeks=len(values) - 1 - index),
            price=Decimal(value),
            value_khr=Decimal(value),
            source="test",
            is_demo=demo,
        )
        for index, value in enumerate(values)
    ]
    refresh_after(rows)
    return rows
