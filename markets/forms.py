"""Forms of the markets app. Prices may be typed with Khmer or Latin digits and with
thousands separators; a bad value keeps everything else that was typed."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.formatting import to_ascii_digits
from markets.models import Commodity, LatestPrice, PriceType
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
