"""The report form, in two steps on one address: what and where (category, commune, an
optional map point), then — after the likely duplicates are shown — the description and
photos. Bad input is reported in the page's language and what was typed is kept."""

from __future__ import annotations

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.formatting import to_ascii_digits
from geo.forms import match_areas
from geo.models import Area
from geo.nearest import Point, in_cambodia
from reports.models import Category, Report
from services.attachments import check_photos

AREA_LEVEL = Area.Level.COMMUNE


class MultiplePhotoInput(forms.FileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Up to three photos, checked by their bytes; cleaned to (upload, content type)."""

    widget = MultiplePhotoInput

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Photos"))
        kwargs.setdefault(
            "help_text",
            _(
                "Up to 3 photos of the problem: JPEG, PNG or WebP, 5 MB each at most. "
                "Only you and the office see them. If the form shows an error, choose them again."
            ),
        )
        super().__init__(**kwargs)
        self.widget.attrs.update({"accept": "image/jpeg,image/png,image/webp", "multiple": True})

    def clean(self, data, initial=None):
        uploads = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        for upload in uploads:
            super().clean(upload, initial)
        return check_photos(uploads)


class CoordinateField(forms.CharField):
    """A decimal degree typed with Latin or Khmer digits."""

    def __init__(self, *, low: float, high: float, **kwargs) -> None:
        self.low, self.high = low, high
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})

    def clean(self, value):
        text = to_ascii_digits(super().clean(value) or "").strip().replace(",", ".")
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            raise forms.ValidationError(
                _("Write the number in degrees, for example 11.5693."), code="invalid"
            ) from None
        if not self.low <= number <= self.high:
            raise forms.ValidationError(
                _("Write a number between %(low)s and %(high)s.")
                % {"low": self.low, "high": self.high},
                code="range",
            )
        return number


class PlaceForm(forms.Form):
    """Step one: what and where."""

    category = forms.ModelChoiceField(
        label=_("What is the problem?"),
        queryset=Category.objects.filter(is_active=True),
        to_field_name="code",
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Choose what kind of problem it is."),
            "invalid_choice": _("Choose what kind of problem it is."),
        },
    )
    area = forms.CharField(
        label=_("Commune or sangkat"),
        max_length=120,
        help_text=_("Type the name of the commune or sangkat, or its code, e.g. 120201."),
        error_messages={"required": _("Enter the commune or sangkat where the problem is.")},
    )
    latitude = CoordinateField(
        label=_("Latitude"),
        low=-90,
        high=90,
        help_text=_("If you know the exact point, e.g. from your phone's map: 11.5693."),
    )
    longitude = CoordinateField(label=_("Longitude"), low=-180, high=180)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.area_matches: list[Area] = []
        self.fields["area"].widget.attrs.update(
            {
                "data-area-level": AREA_LEVEL,
                "data-suggest-url": f"{reverse('geo:suggest_areas')}?level={AREA_LEVEL}",
                "data-status-none": _("No place found with that name."),
                "data-status-one": _("One place found. Use the down arrow to choose it."),
                "data-status-many": _(
                    "{count} places found. Use the up and down arrows to choose."
                ),
                "autocomplete": "off",
            }
        )

    def clean_area(self) -> Area | None:
        text = self.cleaned_data["area"]
        picked = to_ascii_digits(str(self.data.get("area__pick", ""))).strip()
        matches = match_areas(text, picked if picked.isdigit() else "", AREA_LEVEL)
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise forms.ValidationError(
                _("No commune called “%(text)s” was found. Check the spelling or type its code.")
                % {"text": text}
            )
        self.area_matches = matches
        raise forms.ValidationError(
            _("Several communes are called “%(text)s”: choose one below.") % {"text": text}
        )

    def clean(self):
        super().clean()
        data = self.cleaned_data
        latitude, longitude = data.get("latitude"), data.get("longitude")
        if (latitude is None) != (longitude is None) and not self.errors:
            raise forms.ValidationError(
                _("Give both the latitude and the longitude of the point, or neither.")
            )
        if latitude is not None and longitude is not None:
            point = Point(latitude, longitude)
            if not in_cambodia(point):
                self.add_error(
                    "latitude",
                    _("This map point is outside Cambodia. Check the latitude and longitude."),
                )
            else:
                data["point"] = point
        return data

    def query(self) -> dict[str, str]:
        """The step's answers as the address's query (valid forms only)."""
        data = self.cleaned_data
        query = {"category": data["category"].code, "area": data["area"].code}
        if data.get("point"):
            query["latitude"] = f"{data['point'].latitude:.6f}"
            query["longitude"] = f"{data['point'].longitude:.6f}"
        return query


class ReportForm(PlaceForm):
    """Step two: everything, the first step's answers carried in hidden fields."""

    place = forms.CharField(
        label=_("Where exactly?"),
        max_length=200,
        required=False,
        help_text=_("A street, a house number or a landmark, e.g. “in front of Wat Phnom”."),
    )
    description = forms.CharField(
        label=_("Describe the problem"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Describe the problem in a few words.")},
    )
    photos = PhotosField()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("category", "area", "latitude", "longitude"):
            self.fields[name].widget = forms.HiddenInput()


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=Report.Status.choices,
        error_messages={"invalid_choice": _("Choose a status from the list.")},
    )
    note = forms.CharField(
        label=_("Public note"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Everyone can read it on the report's page; the reporter is told."),
        error_messages={"required": _("Write a note that says what was done or will be done.")},
    )


class ListFilterForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("Problem"),
        queryset=Category.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("All problems"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Any status")), *Report.Status.choices],
        required=False,
    )
