"""The tables of the public pages other than a commodity's: every commodity's national
price this week, a province's prices, a market's prices, and where to sell near a commune."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Max

from geo.models import Area, Facility
from markets.models import MARKET, Commodity, LatestPrice, PriceType, WeeklyPrice
from markets.statistics import NATIONAL, Change

RECENT_WEEKS = 8
NEAREST = 5
SCOPES = [("commune", 3), ("district", 2), ("province", 1)]


@dataclass
class Row:
    commodity: Commodity
    price_type: str
    value: Decimal
    low: Decimal
    high: Decimal
    date: datetime.date
    change: Change
    markets: int = 0
    is_demo: bool = False

    @property
    def price_type_label(self) -> str:
        return str(PriceType(self.price_type).label)


def _change(now: Decimal, then: Decimal | None) -> Change:
    percent = float((now - then) / then * 100) if then else None
    return Change("week", then, percent)


def national_rows() -> list[Row]:
    """Each commodity's national mean at its main price type in its last week, with the
    change from the week before."""
    newest = WeeklyPrice.objects.filter(province_code=NATIONAL).aggregate(Max("week"))["week__max"]
    if newest is None:
        return []
    recent = WeeklyPrice.objects.filter(
        province_code=NATIONAL, week__gt=newest - datetime.timedelta(weeks=RECENT_WEEKS)
    ).order_by("week")
    by_key: dict[tuple[int, str], list[WeeklyPrice]] = defaultdict(list)
    for row in recent:
        by_key[(row.commodity_id, row.price_type)].append(row)
    rows = []
    for commodity in Commodity.objects.select_related("unit", "category"):
        weeks = by_key.get((commodity.pk, commodity.price_type))
        if not weeks:
            continue
        last = weeks[-1]
        before = weeks[-2].mean_khr if len(weeks) > 1 else None
        rows.append(Row(commodity, commodity.price_type, last.mean_khr, last.low_khr,
                        last.high_khr, last.week, _change(last.mean_khr, before), last.count,
                        last.is_demo))  # fmt: skip
    return rows


def province_rows(province: Area) -> list[Row]:
    """Each commodity's latest prices in the province's markets: mean, low, high."""
    groups: dict[tuple[int, str], list[LatestPrice]] = defaultdict(list)
    for latest in LatestPrice.objects.filter(province=province):
        groups[(latest.commodity_id, latest.price_type)].append(latest)
    commodities = {c.pk: c for c in Commodity.objects.select_related("unit")}
    rows = []
    for (commodity_id, price_type), prices in groups.items():
        values = [p.value_khr for p in prices]
        previous = [p.previous_khr for p in prices if p.previous_khr is not None]
        mean = Decimal(sum(values)) / len(values)
        before = Decimal(sum(previous)) / len(previous) if previous else None
        rows.append(Row(commodities[commodity_id], price_type, mean, min(values), max(values),
                        max(p.date for p in prices), _change(mean, before), len(prices),
                        any(p.is_demo for p in prices)))  # fmt: skip
    rows.sort(key=lambda r: (r.commodity.position, r.commodity.code, r.price_type))
    return rows


def priced_provinces() -> list[Area]:
    codes = LatestPrice.objects.values("province_id").distinct()
    return list(Area.objects.filter(pk__in=codes).order_by("code"))


def markets_in_province(province: Area) -> list[Facility]:
    return list(
        Facility.objects.filter(
            type__code=MARKET, is_active=True, area__path__startswith=province.path
        )
        .select_related("area")
        .order_by("name_en")
    )


def market_prices(market: Facility) -> list[LatestPrice]:
    return list(
        LatestPrice.objects.filter(market=market)
        .select_related("commodity__unit", "commodity__category")
        .order_by("commodity__position", "commodity__code", "price_type")
    )


@dataclass
class NearMarket:
    market: Facility
    level: str  # "commune", "district" or "province": how near by the gazetteer
    price: LatestPrice | None


def nearest_markets(area: Area, commodity: Commodity | None) -> list[NearMarket]:
    """Markets nearest the area by the gazetteer: in its commune, then its district, then
    its province, then anywhere, with their latest price of the commodity if given."""
    codes = area.lineage_codes
    candidates = Facility.objects.filter(type__code=MARKET, is_active=True).select_related("area")
    if commodity is not None:
        priced = LatestPrice.objects.filter(commodity=commodity).values("market_id")
        candidates = candidates.filter(pk__in=priced)
    found: list[NearMarket] = []
    seen: set[int] = set()
    scopes = [(name, codes[:depth]) for name, depth in SCOPES if len(codes) >= depth]
    for level, prefix in [*scopes, ("country", [])]:
        path = "/" + "".join(f"{code}/" for code in prefix)
        nearby = candidates.filter(area__path__startswith=path).exclude(pk__in=seen)
        for market in nearby.order_by("name_en")[: NEAREST - len(found)]:
            seen.add(market.pk)
            found.append(NearMarket(market, level, None))
        if len(found) >= NEAREST:
            break
    found = found[:NEAREST]
    if commodity is not None:
        prices = {
            p.market_id: p
            for p in LatestPrice.objects.filter(
                commodity=commodity, market_id__in=[n.market.pk for n in found],
                price_type=commodity.price_type,
            )
        }  # fmt: skip
        for near in found:
            near.price = prices.get(near.market.pk)
    return found
