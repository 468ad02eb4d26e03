"""Prices by Telegram and SMS (autodiscovered by `notifications`): "price rice kampot" or
"តម្លៃ ស្រូវ កំពត" answers with the commodity's latest weekly mean in the province (or the
whole country when no province is named), its range and its direction against the week
before, and the link to the commodity's page."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.formatting import format_date, format_number, localise_prose_digits
from geo.models import Area
from markets.models import Commodity, WeeklyPrice
from markets.statistics import NATIONAL
from notifications.conversations import Inbound, Reply, register_keywords

KEYWORDS = ["price", "តម្លៃ"]


def find_province(text: str) -> tuple[Area | None, str]:
    """Return the province named in the text and the text without its name."""
    lowered = text.lower()
    for province in Area.objects.current().filter(level=Area.Level.PROVINCE):
        for name in (province.name_km, province.name_en.lower()):
            if name and name in lowered:
                return province, " ".join(lowered.replace(name, " ").split())
    return None, lowered


def find_commodity(text: str) -> Commodity | None:
    """The first commodity (by position) whose name holds every word of the text."""
    words = text.split()
    if not words:
        return None
    for commodity in Commodity.objects.select_related("unit").order_by("position", "code"):
        names = f"{commodity.code} {commodity.name_km} {commodity.name_en.lower()}"
        if all(word in names for word in words):
            return commodity
    return None


def price_reply(inbound: Inbound) -> Reply:
    province, rest = find_province(inbound.argument)
    commodity = find_commodity(rest)
    if commodity is None:
        return Reply(_("Send PRICE, what you sell and your province, e.g. PRICE rice Kampot."))
    place = province.name if province else _("the whole country")
    weeks = list(
        WeeklyPrice.objects.filter(
            commodity=commodity,
            price_type=commodity.price_type,
            province_code=province.code if province else NATIONAL,
        ).order_by("-week")[:2]
    )
    language = get_language()
    link = f"{settings.SALA_SITE_URL}{reverse('markets:commodity', args=[commodity.code])}"
    if not weeks:
        text = _("No price of %(name)s in %(place)s yet.") % {
            "name": commodity.name,
            "place": place,
        }
        return Reply(text, link=link)
    latest = weeks[0]
    text = _(
        "%(name)s, %(place)s, week from %(date)s: %(mean)s riel per %(unit)s "
        "(from %(low)s to %(high)s). %(direction)s"
    ) % {
        "name": commodity.name,
        "place": place,
        "date": format_date(latest.week, language, "short"),
        "mean": format_number(latest.mean_khr, language),
        "unit": commodity.unit.name,
        "low": format_number(latest.low_khr, language),
        "high": format_number(latest.high_khr, language),
        "direction": direction(latest, weeks[1] if len(weeks) > 1 else None),
    }
    if latest.is_demo:
        text += " " + _("(Demo data, not real prices.)")
    return Reply(localise_prose_digits(text, language), link=link)


def direction(latest: WeeklyPrice, before: WeeklyPrice | None) -> str:
    if before is None or not before.mean_khr:
        return ""
    percent = float((latest.mean_khr - before.mean_khr) / before.mean_khr * 100)
    size = format_number(abs(percent), get_language(), 1)
    if percent >= 0.5:
        return _("Up %(percent)s%% on the week before.") % {"percent": size}
    if percent <= -0.5:
        return _("Down %(percent)s%% on the week before.") % {"percent": size}
    return _("Unchanged on the week before.")


register_keywords(
    KEYWORDS,
    price_reply,
    help_km="តម្លៃទីផ្សារ (តម្លៃ ទំនិញ ខេត្ត ឧ. តម្លៃ ស្រូវ កំពត)",
    help_en="market prices (price COMMODITY PROVINCE, e.g. price rice Kampot)",
)
