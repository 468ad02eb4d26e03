"""Markets: agricultural prices observed at markets (geo facilities of type "market").

A `Commodity` (rice paddy, pork, cassava...) belongs to a `Category`, may have `Variety`s
and is quoted in one `Unit` (kg, tonne, thang of paddy, head, bunch), each unit with its
kilogram weight where it has one. An `Observation` is one price seen on a day at a market:
its price type (wholesale, retail, farm-gate), unit, currency and price as entered, and
`value_khr`, the same price in riel per the commodity's unit, which every comparison uses.

An observation far from its recent median is `held` until a provincial officer approves
or rejects it; only `published` ones count. Two tables are kept up to date as prices are
published, so that public pages read a few rows instead of millions: `LatestPrice` (the
last price per commodity, market and price type) and `WeeklyPrice` (the weekly mean, low
and high per commodity and price type, nationally and per province).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import NamedInKhmerAndEnglish, user_reference

MARKET = "market"  # the geo facility type of markets


class PriceType(models.TextChoices):
    WHOLESALE = "wholesale", _("Wholesale")
    RETAIL = "retail", _("Retail")
    FARM_GATE = "farm-gate", _("Farm-gate")


class Currency(models.TextChoices):
    KHR = "KHR", _("Riel (KHR)")
    USD = "USD", _("US dollar (USD)")


class Category(NamedInKhmerAndEnglish):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_km = models.CharField(_("name in Khmer"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    class Meta:
        verbose_name = _("commodity category")
        verbose_name_plural = _("commodity categories")
        ordering = ["position", "code"]


class Unit(NamedInKhmerAndEnglish):
    """A trade unit. `kg` is its weight in kilograms; empty for units sold by count."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name_km = models.CharField(_("name in Khmer"), max_length=60)
    name_en = models.CharField(_("name in English"), max_length=60)
    kg = models.DecimalField(_("kilograms"), max_digits=10, decimal_places=3, null=True, blank=True)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["code"]


class Grade(NamedInKhmerAndEnglish):
    code = models.SlugField(_("code"), max_length=20, unique=True)
    name_km = models.CharField(_("name in Khmer"), max_length=60)
    name_en = models.CharField(_("name in English"), max_length=60)
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    class Meta:
        verbose_name = _("grade")
        verbose_name_plural = _("grades")
        ordering = ["position", "code"]


class Commodity(NamedInKhmerAndEnglish):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="commodities"
    )
    name_km = models.CharField(_("name in Khmer"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120)
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit compared in"), on_delete=models.PROTECT, related_name="+"
    )
    price_type = models.CharField(
        _("main price type"), max_length=10, choices=PriceType.choices, default=PriceType.RETAIL
    )
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    class Meta:
        verbose_name = _("commodity")
        verbose_name_plural = _("commodities")
        ordering = ["position", "code"]

    def get_absolute_url(self) -> str:
        return reverse("markets:commodity", args=[self.code])


class Variety(NamedInKhmerAndEnglish):
    commodity = models.ForeignKey(
        Commodity, verbose_name=_("commodity"), on_delete=models.CASCADE, related_name="varieties"
    )
    code = models.SlugField(_("code"), max_length=40)
    name_km = models.CharField(_("name in Khmer"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120)

    class Meta:
        verbose_name = _("variety")
        verbose_name_plural = _("varieties")
        ordering = ["commodity", "code"]
        constraints = [
            models.UniqueConstraint(fields=["commodity", "code"], name="markets_variety_unique")
        ]


class FollowedCommodity(models.Model):
    """A commodity a market's officers report, and at which price type: the rows of the
    market's price form."""

    market = models.ForeignKey(
        "geo.Facility", verbose_name=_("market"), on_delete=models.CASCADE, related_name="+"
    )
    commodity = models.ForeignKey(
        Commodity, verbose_name=_("commodity"), on_delete=models.CASCADE, related_name="+"
    )
    price_type = models.CharField(_("price type"), max_length=10, choices=PriceType.choices)

    class Meta:
        verbose_name = _("followed commodity")
        verbose_name_plural = _("followed commodities")
        constraints = [
            models.UniqueConstraint(
                fields=["market", "commodity", "price_type"], name="markets_followed_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.market} / {self.commodity} / {self.price_type}"


class Observation(models.Model):
    class Status(models.TextChoices):
        PUBLISHED = "published", _("Published")
        HELD = "held", _("Held for review")
        REJECTED = "rejected", _("Rejected")

    commodity = models.ForeignKey(
        Commodity, verbose_name=_("commodity"), on_delete=models.PROTECT, related_name="+"
    )
    variety = models.ForeignKey(
        Variety,
        verbose_name=_("variety"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    grade = models.ForeignKey(
        Grade, verbose_name=_("grade"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    market = models.ForeignKey(
        "geo.Facility", verbose_name=_("market"), on_delete=models.PROTECT, related_name="+"
    )
    price_type = models.CharField(_("price type"), max_length=10, choices=PriceType.choices)
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.KHR
    )
    date = models.DateField(_("date"))
    price = models.DecimalField(_("price"), max_digits=14, decimal_places=2)
    value_khr = models.DecimalField(
        _("riel per the commodity's unit"), max_digits=14, decimal_places=2
    )
    source = models.CharField(_("source"), max_length=120, blank=True)
    entered_by = user_reference(_("entered by"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PUBLISHED
    )
    held_because = models.CharField(_("held because"), max_length=200, blank=True)
    reviewed_by = user_reference(_("reviewed by"))
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("entered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("price observation")
        verbose_name_plural = _("price observations")
        ordering = ["-date", "pk"]
        indexes = [
            models.Index(
                fields=["commodity", "market", "price_type", "status", "date"],
                name="markets_obs_series",
            ),
            models.Index(fields=["commodity", "date"], name="markets_obs_commodity_date"),
            models.Index(fields=["status", "market"], name="markets_obs_status"),
        ]

    def __str__(self) -> str:
        return f"{self.commodity} {self.price} {self.currency} {self.date}"


class LatestPrice(models.Model):
    """The last published price per commodity, market and price type (kept by
    `markets.publishing`), with the one before it for the direction."""

    commodity = models.ForeignKey(Commodity, on_delete=models.CASCADE, related_name="+")
    market = models.ForeignKey("geo.Facility", on_delete=models.CASCADE, related_name="+")
    province = models.ForeignKey("geo.Area", on_delete=models.CASCADE, related_name="+")
    price_type = models.CharField(max_length=10, choices=PriceType.choices)
    date = models.DateField()
    value_khr = models.DecimalField(max_digits=14, decimal_places=2)
    previous_khr = models.DecimalField(max_digits=14, decimal_places=2, null=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("latest price")
        verbose_name_plural = _("latest prices")
        constraints = [
            models.UniqueConstraint(
                fields=["commodity", "market", "price_type"], name="markets_latest_unique"
            )
        ]
        indexes = [
            models.Index(fields=["province", "commodity"], name="markets_latest_province"),
            models.Index(fields=["market"], name="markets_latest_market"),
        ]

    def __str__(self) -> str:
        return f"{self.commodity_id} {self.market_id} {self.value_khr}"


class WeeklyPrice(models.Model):
    """Mean, low and high of a commodity's published prices in a week (from Monday),
    nationally (`province_code` "") and per province."""

    commodity = models.ForeignKey(Commodity, on_delete=models.CASCADE, related_name="+")
    price_type = models.CharField(max_length=10, choices=PriceType.choices)
    province_code = models.CharField(max_length=8, blank=True)
    week = models.DateField()
    mean_khr = models.DecimalField(max_digits=14, decimal_places=2)
    low_khr = models.DecimalField(max_digits=14, decimal_places=2)
    high_khr = models.DecimalField(max_digits=14, decimal_places=2)
    count = models.PositiveIntegerField()
    is_demo = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("weekly price")
        verbose_name_plural = _("weekly prices")
        constraints = [
            models.UniqueConstraint(
                fields=["commodity", "price_type", "province_code", "week"],
                name="markets_weekly_unique",
            )
        ]
        indexes = [models.Index(fields=["province_code", "week"], name="markets_weekly_recent")]

    def __str__(self) -> str:
        return f"{self.commodity_id} {self.province_code or 'national'} {self.week}"


class PriceImport(models.Model):
    """A file of prices a provincial officer imported: what the audit entry points at."""

    file_name = models.CharField(_("file name"), max_length=200)
    imported_by = user_reference(_("imported by"))
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    rows = models.PositiveIntegerField(_("rows read"), default=0)
    imported = models.PositiveIntegerField(_("rows imported"), default=0)
    refused = models.PositiveIntegerField(_("rows refused"), default=0)

    class Meta:
        verbose_name = _("price import")
        verbose_name_plural = _("price imports")
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return self.file_name


class PriceAlert(models.Model):
    """A person's wish to be told when a commodity's weekly price, nationally or in a
    province, passes a threshold, moves by a percentage, or reaches a spike level."""

    class Rule(models.TextChoices):
        ABOVE = "above", _("The price rises above")
        BELOW = "below", _("The price falls below")
        CHANGE = "change", _("The price changes in a week by more than (%)")
        SPIKE = "spike", _("The price reaches the spike level")

    class SpikeLevel(models.TextChoices):
        ALERT = "alert", _("Alert or crisis")
        CRISIS = "crisis", _("Crisis")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE,
        related_name="price_alerts",
    )  # fmt: skip
    commodity = models.ForeignKey(
        Commodity, verbose_name=_("commodity"), on_delete=models.CASCADE, related_name="+"
    )
    province = models.ForeignKey(
        "geo.Area", verbose_name=_("province"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="+",
    )  # fmt: skip
    rule = models.CharField(_("rule"), max_length=10, choices=Rule.choices)
    threshold_khr = models.DecimalField(
        _("threshold in riel"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    percent = models.DecimalField(
        _("percentage"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    spike_level = models.CharField(
        _("spike level"), max_length=10, choices=SpikeLevel.choices, blank=True
    )
    last_week = models.DateField(_("last week told"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("price alert")
        verbose_name_plural = _("price alerts")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["commodity", "province"], name="markets_alert_series")]

    def __str__(self) -> str:
        return f"{self.person_id} {self.commodity_id} {self.rule}"

    @property
    def province_code(self) -> str:
        return self.province.code if self.province_id and self.province else ""
