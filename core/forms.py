"""Form fields every app reuses: the date of birth as day, month and year.

A browser's date picker shows "mm/dd/yyyy" and English month names on a Khmer page, and
people know their birthday as a day, a month and a year. `DateOfBirthField` asks for the
three (day and year typed, with the phone's digit keyboard; the month chosen by its name
in the page's language), accepts Khmer digits, keeps what was typed when it is refused,
and refuses impossible dates (31 February) and dates in the future with a message that
says which.

    from core.forms import DateOfBirthField

    date_of_birth = DateOfBirthField(label=_("Date of birth"), required=False)

Render it with `components/form_field.html`: it is a fieldset whose legend is the label.
"""

from __future__ import annotations

import datetime
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.formatting import ENGLISH_MONTHS, KHMER_MONTHS, is_khmer, localise_digits, to_ascii_digits

OLDEST_BIRTH_DATE = datetime.date(1900, 1, 1)
PARTS = ("day", "month", "year")


def validate_date_of_birth(value: datetime.date) -> None:
    """Refuse a date of birth in the future or before 1900."""
    if value > timezone.localdate():
        raise ValidationError(
            _("A date of birth cannot be in the future."), code="date_of_birth_future"
        )
    if value < OLDEST_BIRTH_DATE:
        raise ValidationError(
            _("The date of birth must be after 1 January 1900."), code="date_of_birth_too_old"
        )


class DateOfBirthWidget(forms.MultiWidget):
    """Day and year as numeric text inputs, the month as a list of names, each labelled."""

    template_name = "components/widgets/date_parts.html"
    widgets_names: list[str]  # set by MultiWidget.__init__; django-stubs leave it out
    use_fieldset = True

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        numeric = {"inputmode": "numeric", "class": "input date-input__number"}
        widgets: dict[str, forms.Widget | type[forms.Widget]] = {
            "day": forms.TextInput(attrs={**numeric, "maxlength": "2", "autocomplete": "bday-day"}),
            "month": forms.Select(attrs={"class": "select", "autocomplete": "bday-month"}),
            "year": forms.TextInput(
                attrs={**numeric, "maxlength": "4", "autocomplete": "bday-year"}
            ),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value: datetime.date | str | None) -> list[str]:
        if isinstance(value, str):  # a stored answer, "YYYY-MM-DD"
            try:
                value = datetime.date.fromisoformat(value)
            except ValueError:
                value = None
        if not value:
            return ["", "", ""]
        language = get_language()
        return [
            localise_digits(value.day, language),
            str(value.month),
            localise_digits(value.year, language),
        ]

    def value_from_datadict(self, data: Any, files: Any, name: str) -> list[str]:
        parts = super().value_from_datadict(data, files, name)
        whole = data.get(name)
        if not any(parts) and whole:  # one ISO date, as sent by a script or an older form
            try:
                return self.decompress(datetime.date.fromisoformat(str(whole).strip()))
            except ValueError:
                return [str(whole), "", ""]
        return parts

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        months = KHMER_MONTHS if is_khmer(get_language()) else ENGLISH_MONTHS
        cast(forms.Select, self.widgets[1]).choices = [
            ("", _("Month")),
            *((str(n), m) for n, m in enumerate(months, 1)),
        ]
        context = super().get_context(name, value, attrs)
        labels = (_("Day"), _("Month"), _("Year"))
        context["widget"]["parts"] = list(zip(labels, context["widget"]["subwidgets"], strict=True))
        return context

    def id_for_label(self, id_: str) -> str:
        return f"{id_}_0" if id_ else ""  # the error summary's link lands on the day


class DateOfBirthField(forms.MultiValueField):
    """A date of birth from day, month and year; None when all three are left empty."""

    widget = DateOfBirthWidget
    default_error_messages = {
        "incomplete": _("Enter the day, the month and the year of birth, e.g. 17 April 1990."),
        "invalid": _(
            "There is no such date: check the day and the month (a month has at most 31 "
            "days, February 28 or 29)."
        ),
        "invalid_year": _("Enter the year with four digits, e.g. 1990."),
        "not_digits": _("Write the day and the year in digits, e.g. 17 and 1990."),
    }
    default_validators = [validate_date_of_birth]

    def __init__(self, **kwargs: Any) -> None:
        parts = (forms.CharField(), forms.CharField(), forms.CharField())
        super().__init__(parts, require_all_fields=False, **kwargs)

    def compress(self, data_list: list[str]) -> datetime.date | None:
        if not data_list or not any(data_list):
            return None
        day, month, year = (to_ascii_digits(part or "").strip() for part in data_list)
        if not (day and month and year):
            raise ValidationError(self.error_messages["incomplete"], code="incomplete")
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            raise ValidationError(self.error_messages["not_digits"], code="not_digits")
        if len(year) != 4:
            raise ValidationError(self.error_messages["invalid_year"], code="invalid_year")
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
