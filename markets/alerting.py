"""Price alerts: a person's subscriptions to a commodity's weekly price (in a province
or nationally) and telling them, through notifications, when a newly published week
meets their rule.

"Above", "below" and "spike" tell on entering: the new week meets the rule and the week
before did not (no message every week while a price stays high). "Change" tells each week
the price moved by more than the percentage since the week before. A subscription is told
at most once per week (`last_week`, and the notification key), however many prices of
that week are published afterwards.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _

from audit.log import log_action
from core.formatting import format_date, format_money
from geo.models import Area
from markets.models import Commodity, PriceAlert
from markets.spikes import ORDER, Level, spike_level, weekly_series
from notifications.api import notify

MAX_ALERTS = 20
LANGUAGES = ("km", "en")


@transaction.atomic
def do_subscribe(
    person,
    commodity: Commodity,
    province: Area | None,
    rule: str,
    *,
    threshold: Decimal | None = None,
    percent: Decimal | None = None,
    spike: str = "",
) -> PriceAlert:
    """Add an alert for the person; ValidationError past the per-person limit."""
    if PriceAlert.objects.select_for_update().filter(person=person).count() >= MAX_ALERTS:
        raise ValidationError(
            _("You already have %(limit)s price alerts; remove one to add another.")
            % {"limit": MAX_ALERTS},
            code="limit",
        )
    alert = PriceAlert.objects.create(
        person=person,
        commodity=commodity,
        province=province,
        rule=rule,
        threshold_khr=threshold,
        percent=percent,
        spike_level=spike,
    )
    log_action(
        person,
        "markets.alert_added",
        alert,
        {
            "commodity": commodity.code,
            "province": province.code if province else "",
            "rule": rule,
            "threshold": str(threshold or ""),
            "percent": str(percent or ""),
            "spike": spike,
        },
    )
    return alert


@transaction.atomic
def do_unsubscribe(person, alert: PriceAlert) -> None:
    log_action(person, "markets.alert_removed", alert, {"commodity": alert.commodity.code})
    alert.delete()


def access_alert(person, pk: int) -> PriceAlert:
    """The person's own alert; anyone else's is as if it did not exist."""
    alert = PriceAlert.objects.filter(person=person, pk=pk).select_related("commodity").first()
    if alert is None:
        raise Http404
    return alert


def _both(text_of) -> dict[str, str]:
    """The same text in Khmer and in English (for a notification's context)."""
    values = {}
    for language in LANGUAGES:
        with translation.override(language):
            values[language] = str(text_of(language))
    return values


def _met(alert: PriceAlert, series, index: int) -> bool:
    """Whether the rule holds at series[index] (compared with the week before)."""
    price = series[index][1]
    if alert.rule == PriceAlert.Rule.ABOVE:
        return price > alert.threshold_khr
    if alert.rule == PriceAlert.Rule.BELOW:
        return price < alert.threshold_khr
    if alert.rule == PriceAlert.Rule.CHANGE:
        if index == 0 or series[index - 1][0] != series[index][0] - datetime.timedelta(weeks=1):
            return False
        before = series[index - 1][1]
        return before > 0 and abs(price - before) / before * 100 > alert.percent
    level = spike_level(series[: index + 1]).level
    return level in ORDER and ORDER.index(level) >= ORDER.index(Level(alert.spike_level))


def fires(alert: PriceAlert, series) -> bool:
    """Whether the last week of the series should be told to the alert's person."""
    if not series or (alert.last_week and alert.last_week >= series[-1][0]):
        return False
    if not _met(alert, series, len(series) - 1):
        return False
    if alert.rule == PriceAlert.Rule.CHANGE or len(series) < 2:
        return True
    return not _met(alert, series, len(series) - 2)


def _reason(alert: PriceAlert, series):
    before = series[-2][1] if len(series) > 1 else None

    threshold = alert.threshold_khr or Decimal(0)

    def text(language: str) -> str:
        if alert.rule == PriceAlert.Rule.ABOVE:
            return _("It is above %(threshold)s.") % {
                "threshold": format_money(threshold, "KHR", language)
            }
        if alert.rule == PriceAlert.Rule.BELOW:
            return _("It is below %(threshold)s.") % {
                "threshold": format_money(threshold, "KHR", language)
            }
        if alert.rule == PriceAlert.Rule.CHANGE and before:
            return _("It was %(before)s the week before.") % {
                "before": format_money(before, "KHR", language)
            }
        return _("Its price-spike level is now: %(level)s.") % {
            "level": spike_level(series).level.label
        }

    return text


def tell(alert: PriceAlert, series) -> None:
    commodity = alert.commodity
    week, price = series[-1]
    place = alert.province
    notify(
        alert.person,
        "markets.price_alert",
        {
            "commodity": {"km": commodity.name_km, "en": commodity.name_en},
            "place": (
                {"km": place.name_km, "en": place.name_en}
                if place
                else _both(lambda _language: _("nationwide"))
            ),
            "price": _both(lambda language: format_money(price, "KHR", language)),
            "unit": {"km": commodity.unit.name_km, "en": commodity.unit.name_en},
            "week": _both(lambda language: format_date(week, language)),
            "reason": _both(_reason(alert, series)),
            "url": commodity.get_absolute_url(),
        },
        key=f"price-alert:{alert.pk}:{week.isoformat()}",
    )
    alert.last_week = week
    alert.save(update_fields=["last_week"])


def check_alerts(touched: Mapping[tuple[int, str], set[datetime.date]]) -> int:
    """Tell the people whose alerts the newly published weeks meet; return how many
    were told. `touched` maps (commodity id, price type) to the weeks just refreshed."""
    main = dict(
        Commodity.objects.filter(pk__in={c for c, _t in touched}).values_list("pk", "price_type")
    )
    told = 0
    for (commodity_id, price_type), weeks in touched.items():
        if main.get(commodity_id) != price_type:
            continue
        alerts = PriceAlert.objects.filter(commodity_id=commodity_id).select_related(
            "person", "province", "commodity__unit"
        )
        cache: dict[str, list] = {}
        for alert in alerts:
            code = alert.province_code
            if code not in cache:
                cache[code] = weekly_series(commodity_id, price_type, code)
            series = cache[code]
            if series and series[-1][0] in weeks and fires(alert, series):
                tell(alert, series)
                told += 1
    return told
