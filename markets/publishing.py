"""Recording prices: conversion to riel per the commodity's unit, the outlier hold, and
keeping `LatestPrice` and `WeeklyPrice` up to date as observations are published.

Every change a person makes goes through a `do_*` action that writes one audit entry in
the same transaction.
"""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.log import log_action
from geo.models import Area, Facility
from markets.alerting import check_alerts
from markets.models import Commodity, LatestPrice, Observation, Unit, WeeklyPrice

CENT = Decimal("0.01")
# The outlier rule: a price further than MAD_LIMIT median absolute deviations from the
# median of the same commodity, market and price type over the last HISTORY_DAYS is held.
HISTORY_DAYS = 56
MAD_LIMIT = 3
MIN_HISTORY = 4
# Where prices did not move at all (MAD 0), a change under this share of the median passes.
FLAT_TOLERANCE = Decimal("0.02")


def week_of(day: datetime.date) -> datetime.date:
    """Return the Monday of the day's week (weekly series are keyed by it)."""
    return day - datetime.timedelta(days=day.weekday())


def value_in_khr(commodity: Commodity, unit: Unit, currency: str, price: Decimal) -> Decimal:
    """Return the price in riel per the commodity's unit; ValidationError if the unit
    cannot be converted (a head is not a kilogram)."""
    if price <= 0:
        raise ValidationError(_("A price must be more than zero."), code="price")
    value = price
    if unit.pk != commodity.unit_id:
        target = commodity.unit
        if unit.kg is None or target.kg is None:
            raise ValidationError(
                _("This commodity is priced per %(unit)s; this unit cannot be converted to it.")
                % {"unit": target.name},
                code="unit",
            )
        value = price / unit.kg * target.kg
    if currency == "USD":
        value = value * Decimal(settings.SALA_MARKETS_KHR_PER_USD)
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def outlier_reason(
    commodity_id: int, market_id: int, price_type: str, day: datetime.date, value: Decimal
) -> str:
    """Return why the value is held (in English, for the record), or "" if it is usual."""
    history = [
        float(v)
        for v in Observation.objects.filter(
            commodity_id=commodity_id,
            market_id=market_id,
            price_type=price_type,
            status=Observation.Status.PUBLISHED,
            date__gte=day - datetime.timedelta(days=HISTORY_DAYS),
            date__lte=day,
        ).values_list("value_khr", flat=True)
    ]
    if len(history) < MIN_HISTORY:
        return ""
    median = statistics.median(history)
    mad = statistics.median(abs(v - median) for v in history)
    allowed = max(MAD_LIMIT * mad, float(FLAT_TOLERANCE) * median)
    if abs(float(value) - median) <= allowed:
        return ""
    return f"median {median:.0f}, MAD {mad:.0f} over {len(history)} prices"


@dataclass
class Entered:
    """One price typed into a market's form."""

    commodity: Commodity
    price_type: str
    price: Decimal
    unit: Unit | None = None
    currency: str = "KHR"


@transaction.atomic
def do_record_prices(
    actor, market: Facility, day: datetime.date, entries: Iterable[Entered], source: str = ""
) -> list[Observation]:
    """Record a day's prices at a market; unusual ones are held for review, the others
    published. One audit entry per observation."""
    recorded = []
    for entry in entries:
        unit = entry.unit or entry.commodity.unit
        value = value_in_khr(entry.commodity, unit, entry.currency, entry.price)
        reason = outlier_reason(entry.commodity.pk, market.pk, entry.price_type, day, value)
        observation = Observation.objects.create(
            commodity=entry.commodity,
            market=market,
            price_type=entry.price_type,
            unit=unit,
            currency=entry.currency,
            date=day,
            price=entry.price,
            value_khr=value,
            source=source or _("Market officer"),
            entered_by=actor,
            status=Observation.Status.HELD if reason else Observation.Status.PUBLISHED,
            held_because=reason,
        )
        log_action(
            actor,
            "markets.price_held" if reason else "markets.price_recorded",
            observation,
            {"commodity": entry.commodity.code, "price": str(entry.price), "date": str(day)},
            office=market,
        )
        recorded.append(observation)
    published = [o for o in recorded if o.status == Observation.Status.PUBLISHED]
    if published:
        refresh_after(published)
    return recorded


@transaction.atomic
def do_approve(actor, observation: Observation) -> None:
    """Publish a held price: the provincial officer confirmed it."""
    _review(actor, observation, Observation.Status.PUBLISHED, "markets.price_approved")
    refresh_after([observation])


@transaction.atomic
def do_reject(actor, observation: Observation) -> None:
    """Refuse a held price: it is kept, never published."""
    _review(actor, observation, Observation.Status.REJECTED, "markets.price_rejected")


def _review(actor, observation: Observation, status: str, action: str) -> None:
    if observation.status != Observation.Status.HELD:
        raise ValidationError(_("This price has already been reviewed."), code="reviewed")
    observation.status = status
    observation.reviewed_by = actor
    observation.reviewed_at = timezone.now()
    observation.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    log_action(
        actor,
        action,
        observation,
        {"commodity": observation.commodity.code, "price": str(observation.price)},
        office=observation.market_id,
    )


def refresh_after(observations: Iterable[Observation]) -> None:
    """Bring the latest and weekly prices up to date for published observations."""
    weeks: dict[tuple[int, str], set[datetime.date]] = defaultdict(set)
    markets: dict[tuple[int, str], set[int]] = defaultdict(set)
    for observation in observations:
        key = (observation.commodity_id, observation.price_type)
        weeks[key].add(week_of(observation.date))
        markets[key].add(observation.market_id)
    for (commodity_id, price_type), chosen in weeks.items():
        refresh_weeks(commodity_id, price_type, chosen)
        refresh_latest(commodity_id, price_type, markets[(commodity_id, price_type)])
    check_alerts(weeks)


def province_codes(market_ids: Iterable[int]) -> dict[int, str]:
    """Return each market's province code (the first code of its area's path)."""
    rows = Facility.objects.filter(pk__in=set(market_ids)).values_list("pk", "area__path")
    return {pk: path.strip("/").split("/")[0] for pk, path in rows}


def refresh_weeks(commodity_id: int, price_type: str, weeks: set[datetime.date]) -> None:
    """Recompute the weekly rows (national and per province) of the given weeks."""
    if not weeks:
        return
    start, end = min(weeks), max(weeks) + datetime.timedelta(days=6)
    rows = Observation.objects.filter(
        commodity_id=commodity_id,
        price_type=price_type,
        status=Observation.Status.PUBLISHED,
        date__range=(start, end),
    ).values_list("market_id", "date", "value_khr", "is_demo")
    groups: dict[tuple[str, datetime.date], list[Decimal]] = defaultdict(list)
    demo: set[tuple[str, datetime.date]] = set()
    fetched = list(rows)
    provinces = province_codes(market for market, *_rest in fetched)
    for market_id, day, value, is_demo in fetched:
        week = week_of(day)
        if week not in weeks:
            continue
        for key in (("", week), (provinces[market_id], week)):
            groups[key].append(value)
            if is_demo:
                demo.add(key)
    WeeklyPrice.objects.filter(
        commodity_id=commodity_id, price_type=price_type, week__in=weeks
    ).delete()
    WeeklyPrice.objects.bulk_create(
        [
            WeeklyPrice(
                commodity_id=commodity_id,
                price_type=price_type,
                province_code=province,
                week=week,
                mean_khr=(Decimal(sum(values)) / len(values)).quantize(CENT, ROUND_HALF_UP),
                low_khr=min(values),
                high_khr=max(values),
                count=len(values),
                is_demo=(province, week) in demo,
            )
            for (province, week), values in groups.items()
        ],
        batch_size=2000,
    )


def refresh_latest(commodity_id: int, price_type: str, market_ids: set[int]) -> None:
    """Recompute the latest price (and the one before) at each of the markets."""
    rows = (
        Observation.objects.filter(
            commodity_id=commodity_id,
            price_type=price_type,
            status=Observation.Status.PUBLISHED,
            market_id__in=market_ids,
        )
        .order_by("market_id", "-date", "-pk")
        .values_list("market_id", "date", "value_khr", "is_demo")
    )
    last: dict[int, list] = {}
    for market_id, day, value, is_demo in rows.iterator(chunk_size=5000):
        seen = last.setdefault(market_id, [])
        if len(seen) < 2 and (not seen or seen[0][0] != day):
            seen.append((day, value, is_demo))
    provinces = province_codes(last)
    area_ids = dict(Area.objects.filter(code__in=set(provinces.values())).values_list("code", "pk"))
    LatestPrice.objects.filter(
        commodity_id=commodity_id, price_type=price_type, market_id__in=market_ids
    ).delete()
    LatestPrice.objects.bulk_create(
        [
            LatestPrice(
                commodity_id=commodity_id,
                market_id=market_id,
                province_id=area_ids[provinces[market_id]],
                price_type=price_type,
                date=seen[0][0],
                value_khr=seen[0][1],
                previous_khr=seen[1][1] if len(seen) > 1 else None,
                is_demo=seen[0][2],
            )
            for market_id, seen in last.items()
        ],
        batch_size=2000,
    )
