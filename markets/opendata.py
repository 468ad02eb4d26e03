"""Every commodity's published prices as open data, CSV or JSON, streamed row by row
so that a long series never sits in memory."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from markets.models import Commodity, Observation

HEADER = [
    "date", "market", "market_name_en", "province", "commodity", "price_type", "unit",
    "currency", "price", "riel_per_commodity_unit", "commodity_unit", "source", "demo",
]  # fmt: skip


class Echo:
    """A file-like object whose write returns what it was given, for csv.writer."""

    def write(self, value: str) -> str:
        return value


def observation_rows(commodity: Commodity) -> Iterator[list]:
    rows = (
        Observation.objects.filter(commodity=commodity, status=Observation.Status.PUBLISHED)
        .order_by("date", "market__code", "price_type")
        .values_list(
            "date", "market__code", "market__name_en", "market__area__path", "price_type",
            "unit__code", "currency", "price", "value_khr", "source", "is_demo",
        )
    )  # fmt: skip
    unit = commodity.unit.code
    for (
        day,
        market,
        name,
        path,
        ptype,
        unit_code,
        currency,
        price,
        value,
        source,
        demo,
    ) in rows.iterator(chunk_size=5000):
        province = path.strip("/").split("/")[0]
        yield [day.isoformat(), market, name, province, commodity.code, ptype, unit_code,
               currency, str(price), str(value), unit, source, "yes" if demo else "no"]  # fmt: skip


def with_header(rows: Iterable[list]) -> Iterator[list]:
    yield HEADER
    yield from rows


def json_chunks(commodity: Commodity, rows: Iterable[list]) -> Iterator[str]:
    """A JSON object with the commodity and its observations, written in pieces."""
    head = {
        "commodity": commodity.code,
        "name_km": commodity.name_km,
        "name_en": commodity.name_en,
        "unit": commodity.unit.code,
        "fields": HEADER,
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "observations": ['
    for index, row in enumerate(rows):
        yield ("," if index else "") + json.dumps(row, ensure_ascii=False)
    yield "]}"
