"""What the commodity page and the review queue show, put together for the templates:
the figures, the two charts with their data, and each held price beside its history."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.formatting import format_date, format_number
from markets import charts, spikes
from markets.models import Commodity, Observation, PriceType
from markets.officers import held_for
from markets.publishing import HISTORY_DAYS
from markets.statistics import commodity_figures

TREND_WEEKS = 52


def commodity_context(commodity: Commodity, price_type: str) -> dict[str, Any]:
    figures = commodity_figures(commodity, price_type, TREND_WEEKS)
    language = get_language()

    def riel(value: float) -> str:
        return format_number(round(value), language)

    unit = commodity.unit.name
    levels = spikes.province_levels(commodity.pk, price_type)
    no_level = spikes.Spike(spikes.Level.NOT_ENOUGH)
    trend = [
        charts.Point(format_date(row.week, language, "short"), float(row.mean_khr))
        for row in figures.weeks
    ]
    across = [charts.Point(area.name, float(row.mean_khr)) for area, row in figures.provinces]
    return {
        "commodity": commodity,
        "price_type": price_type,
        "price_type_label": PriceType(price_type).label,
        "price_types": PriceType.choices,
        "figures": figures,
        "spike": spikes.spike_level(spikes.weekly_series(commodity.pk, price_type, "")),
        "province_rows": [
            (area, row, levels.get(area.code, no_level)) for area, row in figures.provinces
        ],
        "is_demo": figures.is_demo,
        "trend_chart": charts.line_chart(
            "trend",
            _("Weekly mean price of %(name)s, riel per %(unit)s")
            % {"name": commodity.name, "unit": unit},
            _("The same figures are in the table below the chart."),
            trend,
            riel,
        ),
        "province_chart": charts.bar_chart(
            "provinces",
            _("Latest mean price of %(name)s by province, riel per %(unit)s")
            % {"name": commodity.name, "unit": unit},
            _("The same figures are in the table below the chart."),
            across,
            riel,
        ),
    }


@dataclass
class HeldPrice:
    observation: Observation
    history: list[Observation]


def held_with_history(user) -> list[HeldPrice]:
    """Each held price the user reviews, with the published prices it was compared with."""
    held = []
    for observation in held_for(user)[:50]:
        history = Observation.objects.filter(
            commodity_id=observation.commodity_id,
            market_id=observation.market_id,
            price_type=observation.price_type,
            status=Observation.Status.PUBLISHED,
            date__gte=observation.date - datetime.timedelta(days=HISTORY_DAYS),
            date__lte=observation.date,
        ).order_by("-date")[:8]
        held.append(HeldPrice(observation, list(history)))
    return held
