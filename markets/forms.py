"""Forms of the markets app. Prices may be typed with Khmer or Latin digits and with
thousands separators; a bad value keeps everything else that was typed."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.formatting import to_ascii_digits
from markets.models import Commodity, LatestPrice, PriceAlert, PriceType
from markets.parsing import MAX_FILE_BYTES

MAX_PRICE = Decimal("999999999999")


class PriceField(forms.CharField):
    """A price in riel: digits in Khmer or Latin, commas and spaces ignored; optional."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})

    def clean(self, value):
        text = to_ascii_digits(super().clean(value) or "").replace(",", "").replace(" ", "")
        if not text:
            return None
        try:
            price = Decimal(text)
        except InvalidOperation:
            raise forms.ValidationError(_("Enter the price as a number, e.g. 3800.")) from None
        if price <= 0 or price > MAX_PRICE or not price.is_finite():
            raise forms.ValidationError(_("Enter a price more than zero."))
        return price


def field_name(commodity: Commodity, price_type: str) -> str:
    return f"price-{commodity.code}-{price_type}"


class DayPricesForm(forms.Form):
    """One market's prices for one day: a field per followed commodity and price type."""

    date = forms.DateField(
        label=_("Date of the prices"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, rows: list[tuple[Commodity, str]], latest: dict, **kwargs):
        kwargs.setdefault("initial", {"date": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.rows = rows
        for commodity, price_type in rows:
            self.fields[field_name(commodity, price_type)] = PriceField(
                label=f"{commodity.name} ({PriceType(price_type).label})"
            )
        self.latest: dict[tuple[int, str], LatestPrice] = latest

    def clean_date(self) -> datetime.date:
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return day

    def clean(self):
        cleaned = super().clean() or {}
        if not self.errors and not any(
            cleaned.get(field_name(c, t)) is not None for c, t in self.rows
        ):
            raise forms.ValidationError(_("Enter at least one price."))
        return cleaned

    def entries(self) -> list[tuple[Commodity, str, Decimal]]:
        return [
            (commodity, price_type, self.cleaned_data[field_name(commodity, price_type)])
            for commodity, price_type in self.rows
            if self.cleaned_data.get(field_name(commodity, price_type)) is not None
        ]

    def fields_with_last(self):
        """Each price field with the market's last published price for it."""
        for commodity, price_type in self.rows:
            yield (
                self[field_name(commodity, price_type)],
                commodity,
                self.latest.get((commodity.pk, price_type)),
            )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Price file (CSV or XLSX)"),
        help_text=_(
            "Columns: date, market, commodity, price_type, unit, currency, price, source. "
            "Markets and commodities by their codes."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is too large (at most 20 MB)."))
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Choose a CSV or XLSX file."))
        return upload


MAX_PERCENT = Decimal("1000")


class AlertForm(forms.Form):
    """A new price alert. Which value is needed depends on the rule; a wrong or missing
    one is reported beside its field, and everything typed is kept."""

    commodity = forms.ChoiceField(label=_("Commodity"))
    province = forms.ChoiceField(label=_("Province"), required=False)
    rule = forms.ChoiceField(
        label=_("Tell me when"), choices=PriceAlert.Rule.choices, widget=forms.RadioSelect
    )
    threshold = PriceField(
        label=_("Price in riel per the commodity's unit"),
        help_text=_("For a price rising above or falling below."),
    )
    percent = forms.CharField(
        label=_("Change in per cent"),
        required=False,
        max_length=8,
        help_text=_("For a change from one week to the next, e.g. 10."),
    )
    spike_level = forms.ChoiceField(
        label=_("Spike level"),
        choices=[("", _("Choose")), *PriceAlert.SpikeLevel.choices],
        required=False,
    )

    def __init__(self, *args, commodities, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        self.commodities = {c.code: c for c in commodities}
        self.provinces = {a.code: a for a in provinces}
        cast(forms.ChoiceField, self.fields["commodity"]).choices = [
            (c.code, c.name) for c in commodities
        ]
        cast(forms.ChoiceField, self.fields["province"]).choices = [
            ("", _("The whole country")),
            *((a.code, a.name) for a in provinces),
        ]
        self.fields["commodity"].error_messages["invalid_choice"] = _(
            "Choose a commodity from the list."
        )
        self.fields["province"].error_messages["invalid_choice"] = _(
            "Choose a province from the list."
        )
        self.fields["rule"].error_messages["invalid_choice"] = _("Choose when to be told.")
        self.fields["rule"].error_messages["required"] = _("Choose when to be told.")

    def clean_percent(self) -> Decimal | None:
        text = to_ascii_digits(self.cleaned_data.get("percent") or "").strip().rstrip("%")
        if not text:
            return None
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise forms.ValidationError(_("Enter the percentage as a number, e.g. 10.")) from None
        if not value.is_finite() or value <= 0 or value > MAX_PERCENT:
            raise forms.ValidationError(_("Enter a percentage more than 0 and at most 1000."))
        return value

    def clean(self):
        cleaned = super().clean() or {}
        rule = cleaned.get("rule")
        needed = {
            PriceAlert.Rule.ABOVE: ("threshold", _("Enter the price to compare with.")),
            PriceAlert.Rule.BELOW: ("threshold", _("Enter the price to compare with.")),
            PriceAlert.Rule.CHANGE: ("percent", _("Enter the percentage of change.")),
            PriceAlert.Rule.SPIKE: ("spike_level", _("Choose the spike level.")),
        }
        if rule in needed:
            name, message = needed[rule]
            if cleaned.get(name) in (None, "") and name not in self.errors:
                self.add_error(name, message)
        return cleaned

    def subscription(self) -> dict:
        """The arguments of `do_subscribe` for the valid form."""
        data = self.cleaned_data
        rule = data["rule"]
        return {
            "commodity": self.commodities[data["commodity"]],
            "province": self.provinces.get(data["province"]),
            "rule": rule,
            "threshold": data["threshold"] if rule in ("above", "below") else None,
            "percent": data["percent"] if rule == "change" else None,
            "spike": data["spike_level"] if rule == "spike" else "",
        }
