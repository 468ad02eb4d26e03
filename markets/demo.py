"""Demo prices: generated series (markets.generating) imported like a price file, marked
as demo data, and each market's followed commodities, so that its officers' form is
filled in. Used by `generate_market_prices` and demo's hook."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from geo.models import Facility
from markets.generating import Market, catalogue, weekly_rows
from markets.importing import ImportResult, do_import_prices
from markets.models import MARKET, Commodity, FollowedCommodity

DEMO_SOURCE = "demo: generate_market_prices"


def demo_markets(limit: int) -> list[Facility]:
    return list(
        Facility.objects.filter(type__code=MARKET, is_active=True)
        .select_related("area")
        .order_by("code")[:limit]
    )


def follow_all(markets: list[Facility], codes: list[str]) -> int:
    commodities = Commodity.objects.filter(code__in=codes)
    rows = [
        FollowedCommodity(market=m, commodity=c, price_type=c.price_type)
        for m in markets
        for c in commodities
    ]
    return len(FollowedCommodity.objects.bulk_create(rows, ignore_conflicts=True))


def generate_demo_prices(
    *,
    weeks: int,
    markets: int,
    commodities: int | None = None,
    seed: int = 22,
    end: datetime.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Generate and import `weeks` of weekly prices for the first `markets` markets."""
    if not settings.SALA_DEMO_DATA_ALLOWED:
        raise ImproperlyConfigured("Demo data cannot be loaded when SALA_ENV=production.")
    places = demo_markets(markets)
    series = catalogue()[:commodities] if commodities else catalogue()
    follow_all(places, [s.commodity for s in series])
    rows = weekly_rows(
        [Market(m.code, m.area.lineage_codes[0]) for m in places],
        series,
        weeks,
        end or timezone.localdate(),
        seed,
    )
    return do_import_prices(None, rows, DEMO_SOURCE, demo=True, progress=progress)
