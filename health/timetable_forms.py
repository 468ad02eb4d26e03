"""The timetable's forms: publishing windows or exact times over a range of days, and a
time's new capacity. Khmer digits are read as ASCII ones; every refusal says what to fix
and keeps what was entered."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from core.formatting import format_number
from geo.models import Weekday
from health import timetable
from health.models import AppointmentService, Window
from services.forms import AsciiDigitsMixin, LocalDateField

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]
WORKING_WEEK = [0, 1, 2, 3, 4]
LENGTHS = (10, 15, 20, 30, 45, 60)


class LocalTimeField(AsciiDigitsMixin, forms.TimeField):
    pass


class PlacesField(AsciiDigitsMixin, forms.IntegerField):
    """A number of places; its range is checked by `timetable.check_places`, whose
    message names the range."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"class": "input--short", "inputmode": "numeric"}),
        )
        kwargs.setdefault(
            "error_messages",
            {
                "required": _("Enter the number of places."),
                "invalid": _("Enter the number of places as a whole number, like 20."),
            },
        )
        super().__init__(**kwargs)


def day_field(label: StrOrPromise) -> LocalDateField:
    return LocalDateField(
        label=label,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date", "class": "input--short"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Enter a date."),
            "invalid": _("Enter the date as year-month-day, for example 2026-12-14."),
        },
    )


class PublishForm(forms.Form):
    """What both kinds of publishing ask: the service, the days and the weekdays."""

    most_places = timetable.MAX_WINDOW_PLACES

    service = forms.ChoiceField(
        label=_("Service"),
        choices=AppointmentService.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a service."),
            "invalid_choice": _("Choose a service."),
        },
    )
    first = day_field(_("First day"))
    last = day_field(_("Last day"))
    weekdays = forms.TypedMultipleChoiceField(
        label=_("On these days of the week"),
        choices=Weekday.choices,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one day of the week."),
            "invalid_choice": _("Choose at least one day of the week."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        tomorrow = timetable.first_day()
        kwargs.setdefault(
            "initial",
            {
                "first": tomorrow,
                "last": tomorrow + datetime.timedelta(days=6),
                "weekdays": WORKING_WEEK,
            },
        )
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())  # Form.clean returns cleaned_data
        first, last = data.get("first"), data.get("last")
        if first and last:
            try:
                timetable.check_range(first, last, timezone.localdate())
            except ValidationError as error:
                self.add_error("first" if error.code == "past" else "last", error)
        if data.get("capacity") is not None:
            try:
                timetable.check_places(data["capacity"], self.most_places)
            except ValidationError as error:
                self.add_error("capacity", error)
        return data


class WindowsForm(PublishForm):
    windows = forms.MultipleChoiceField(
        label=_("Windows"),
        choices=Window.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose the morning, the afternoon or both."),
            "invalid_choice": _("Choose the morning, the afternoon or both."),
        },
    )
    capacity = PlacesField(
        label=_("Places a day in each window"),
        help_text=_("How many people the centre can receive in one window (1 to 200)."),
    )


class ExactTimesForm(PublishForm):
    most_places = timetable.MAX_EXACT_PLACES

    start = LocalTimeField(
        label=_("First time"),
        input_formats=["%H:%M", "%H.%M"],
        widget=forms.TimeInput(attrs={"type": "time", "class": "input--short"}, format="%H:%M"),
        help_text=_("24-hour time, for example 08:00 or 14:00."),
        error_messages={
            "required": _("Enter the first time."),
            "invalid": _("Enter the time as hours and minutes, for example 08:00."),
        },
    )
    minutes = forms.TypedChoiceField(
        label=_("Length of each time"),
        coerce=int,
        initial=20,
        error_messages={
            "required": _("Choose how long each time lasts."),
            "invalid_choice": _("Choose how long each time lasts."),
        },
    )
    count = PlacesField(
        label=_("Number of times a day"),
        help_text=_("One after the other, from the first time (1 to 48)."),
        error_messages={
            "required": _("Enter how many times a day."),
            "invalid": _("Enter how many times a day as a whole number, like 8."),
        },
    )
    capacity = PlacesField(
        label=_("Places at each time"),
        help_text=_("Usually 1: one person at each time (1 to 20)."),
        initial=1,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        language = get_language()
        cast(forms.TypedChoiceField, self.fields["minutes"]).choices = [
            (n, gettext("%(minutes)s minutes") % {"minutes": format_number(n, language)})
            for n in LENGTHS
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        count = data.get("count")
        if count is not None and not 1 <= count <= timetable.MAX_EXACT_SLOTS:
            self.add_error("count", _("Enter a number of times from 1 to 48."))
        elif count and data.get("start") and data.get("minutes"):
            try:
                timetable.exact_start_times(data["start"], data["minutes"], count)
            except ValidationError as error:
                self.add_error("count", error)
        return data


class CapacityForm(forms.Form):
    capacity = PlacesField(label=_("Number of places"))
