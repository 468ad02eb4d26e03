"""Importing price files: every row checked, each bad one reported with its reason in
Khmer and English, the good ones imported in batches, then the latest and weekly prices
refreshed once. A provincial officer's file is published as it stands: they are the
reviewers of their province's prices (markets outside their provinces are refused)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from audit.log import log_action
from core.formatting import to_ascii_digits
from geo.models import Facility
from markets.alerting import check_alerts
from markets.models import (
    MARKET,
    Commodity,
    Currency,
    Observation,
    PriceImport,
    PriceType,
    Unit,
)
from markets.publishing import refresh_latest, refresh_weeks, value_in_khr, week_of

BATCH = 5000
MAX_REPORTED = 200
PRICE_TYPES = frozenset(PriceType.values)
CURRENCIES = frozenset(Currency.values)


@dataclass
class RowError:
    line: int
    reason_km: str
    reason_en: str


@dataclass
class ImportResult:
    rows: int = 0
    imported: int = 0
    errors: list[RowError] = field(default_factory=list)
    refused: int = 0

    def refuse(self, line: int, message: Promise, **params: Any) -> None:
        self.refused += 1
        if len(self.errors) < MAX_REPORTED:
            texts = {}
            for language in ("km", "en"):
                with translation.override(language):
                    texts[language] = str(message) % params if params else str(message)
            self.errors.append(RowError(line, texts["km"], texts["en"]))


class RowRefused(Exception):
    def __init__(self, message: Promise, **params: Any) -> None:
        super().__init__(str(message))
        self.message, self.params = message, params


def _text(row: dict[str, Any], name: str) -> str:
    value = row.get(name)
    return "" if value is None else to_ascii_digits(str(value)).strip()


def _date(value: Any) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(to_ascii_digits(str(value or "")).strip())
    except ValueError:
        raise RowRefused(_("The date is not a date like 2026-12-07.")) from None


def _price(value: Any) -> Decimal:
    text = to_ascii_digits(str(value if value is not None else "")).replace(",", "").strip()
    try:
        price = Decimal(text)
    except InvalidOperation:
        raise RowRefused(_("The price is not a number.")) from None
    if not price.is_finite() or price <= 0:
        raise RowRefused(_("The price must be more than zero."))
    return price


class Lookups:
    """The codes a file may use, read once."""

    def __init__(self, markets: Iterable[Facility] | None) -> None:
        allowed = markets if markets is not None else Facility.objects.filter(type__code=MARKET)
        self.markets = {m.code: m.pk for m in allowed}
        self.commodities = {c.code: c for c in Commodity.objects.select_related("unit")}
        self.units = {u.code: u for u in Unit.objects.all()}
        self.today = datetime.date.today()


def build(row: dict[str, Any], lookups: Lookups, actor, source: str, demo: bool) -> Observation:
    """Return the observation a row describes, or raise RowRefused."""
    market_id = lookups.markets.get(_text(row, "market"))
    if market_id is None:
        raise RowRefused(_("Unknown market code, or a market outside your provinces."))
    commodity = lookups.commodities.get(_text(row, "commodity"))
    if commodity is None:
        raise RowRefused(_("Unknown commodity code."))
    price_type = _text(row, "price_type") or commodity.price_type
    if price_type not in PRICE_TYPES:
        raise RowRefused(_("The price type must be wholesale, retail or farm-gate."))
    unit = lookups.units.get(_text(row, "unit") or commodity.unit.code)
    if unit is None:
        raise RowRefused(_("Unknown unit."))
    currency = (_text(row, "currency") or Currency.KHR).upper()
    if currency not in CURRENCIES:
        raise RowRefused(_("The currency must be KHR or USD."))
    day = _date(row.get("date"))
    if day > lookups.today:
        raise RowRefused(_("The date is in the future."))
    price = _price(row.get("price"))
    try:
        value = value_in_khr(commodity, unit, currency, price)
    except ValidationError:
        raise RowRefused(_("This unit cannot be converted to the commodity's unit.")) from None
    return Observation(
        commodity=commodity,
        market_id=market_id,
        price_type=price_type,
        unit=unit,
        currency=currency,
        date=day,
        price=price,
        value_khr=value,
        source=_text(row, "source")[:120] or source,
        entered_by=actor,
        is_demo=demo,
    )


def do_import_prices(
    actor,
    rows: Iterable[dict[str, Any]],
    file_name: str,
    *,
    markets: Iterable[Facility] | None = None,
    demo: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Import the rows (the first data row is line 2); `markets` limits the markets a
    provincial officer may import for. Audited as one entry for the file."""
    result = ImportResult()
    lookups = Lookups(markets)
    seen: set[tuple[int, int, str, datetime.date]] = set()
    batch: list[tuple[int, Observation]] = []
    touched: dict[tuple[int, str], tuple[set[datetime.date], set[int]]] = defaultdict(
        lambda: (set(), set())
    )
    for line, row in enumerate(rows, start=2):
        result.rows += 1
        try:
            observation = build(row, lookups, actor, file_name[:120], demo)
        except RowRefused as refused:
            result.refuse(line, refused.message, **refused.params)
            continue
        key = (observation.commodity_id, observation.market_id, observation.price_type,
               observation.date)  # fmt: skip
        if key in seen:
            result.refuse(line, _("The same price is in the file twice."))
            continue
        seen.add(key)
        batch.append((line, observation))
        if len(batch) >= BATCH:
            _save(batch, result, touched)
            batch = []
            if progress:
                progress(result.rows, result.imported)
    _save(batch, result, touched)
    if progress:
        progress(result.rows, result.imported)
    with transaction.atomic():
        for (commodity_id, price_type), (weeks, market_ids) in touched.items():
            refresh_weeks(commodity_id, price_type, weeks)
            refresh_latest(commodity_id, price_type, market_ids)
        check_alerts({key: weeks for key, (weeks, _markets) in touched.items()})
        record = PriceImport.objects.create(
            file_name=file_name[:200],
            imported_by=actor,
            rows=result.rows,
            imported=result.imported,
            refused=result.refused,
        )
        log_action(
            actor,
            "markets.prices_imported",
            record,
            {"rows": result.rows, "imported": result.imported, "refused": result.refused},
        )
    return result


def _save(batch, result: ImportResult, touched) -> None:
    """Save a batch, refusing the rows whose price is already recorded."""
    if not batch:
        return
    commodities = {o.commodity_id for _line, o in batch}
    markets = {o.market_id for _line, o in batch}
    dates = [o.date for _line, o in batch]
    existing = set(
        Observation.objects.filter(
            commodity_id__in=commodities,
            date__range=(min(dates), max(dates)),
            market_id__in=markets,
        ).values_list("commodity_id", "market_id", "price_type", "date")
    )
    fresh = []
    for line, o in batch:
        if (o.commodity_id, o.market_id, o.price_type, o.date) in existing:
            result.refuse(line, _("This price is already recorded."))
        else:
            fresh.append(o)
    with transaction.atomic():
        Observation.objects.bulk_create(fresh, batch_size=BATCH)
    for o in fresh:
        weeks, market_ids = touched[(o.commodity_id, o.price_type)]
        weeks.add(week_of(o.date))
        market_ids.add(o.market_id)
    result.imported += len(fresh)
