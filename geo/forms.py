from __future__ import annotations

from typing import cast

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.formatting import to_ascii_digits
from geo.models import Area, FacilityQuerySet, FacilityType
from geo.nearest import Point, in_cambodia


class DirectoryFilterForm(forms.Form):
    """The directory's filters (GET). Bad values are reported and ignored, never fatal."""

    q = forms.CharField(label=_("Name"), max_length=100, required=False)
    type = forms.ModelChoiceField(
        label=_("Type"),
        queryset=FacilityType.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("All types"),
        error_messages={"invalid_choice": _("Choose a type from the list.")},
    )
    area = forms.CharField(
        label=_("Area code"),
        max_length=8,
        required=False,
        help_text=_("A province, district, commune or village code, e.g. 1710."),
    )
    open = forms.BooleanField(label=_("Open now"), required=False)
    near = forms.CharField(
        label=_("Nearest to (latitude, longitude)"),
        max_length=40,
        required=False,
        help_text=_("Sorts the list by distance, e.g. 13.3633,103.8597."),
    )

    def type_options(self) -> list[tuple[str, str, bool]]:
        """Return (code, name, selected) for the type select, from one query."""
        current = str(self.data.get("type", "")) if self.is_bound else ""
        types = cast(forms.ModelChoiceField, self.fields["type"]).queryset
        return [(t.code, t.name, t.code == current) for t in types or ()]

    def clean_area(self) -> Area | None:
        code = to_ascii_digits(self.cleaned_data["area"]).strip()
        if not code:
            return None
        area = Area.objects.filter(code=code).first() if code.isdigit() else None
        if area is None:
            raise forms.ValidationError(
                _("There is no area with the code %(code)s."), params={"code": code}
            )
        return area

    def clean_near(self) -> Point | None:
        text = self.cleaned_data["near"].strip()
        if not text:
            return None
        try:
            latitude, longitude = (float(part) for part in to_ascii_digits(text).split(","))
        except ValueError:
            raise forms.ValidationError(
                _("Give latitude and longitude with a comma between, e.g. 11.5564,104.9282.")
            ) from None
        point = Point(latitude, longitude)
        if not in_cambodia(point):
            raise forms.ValidationError(_("This place is outside Cambodia."))
        return point

    def filter(self, facilities: FacilityQuerySet) -> FacilityQuerySet:
        """Return the facilities narrowed by the valid filters (call after is_valid)."""
        data = getattr(self, "cleaned_data", {})
        if data.get("q"):
            text = data["q"].strip()
            facilities = facilities.filter(Q(name_km__icontains=text) | Q(name_en__icontains=text))
        if data.get("type"):
            facilities = facilities.filter(type=data["type"])
        if data.get("area"):
            facilities = facilities.in_area(data["area"])
        if data.get("open"):
            facilities = facilities.open_at()
        return facilities


MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# What the first bytes of an accepted file look like: XLSX is a ZIP archive.
XLSX_MAGIC = b"PK\x03\x04"


class FacilityImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel file"),
        help_text=_("A .csv (UTF-8) or .xlsx file of at most 5 MB, with the export's columns."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not name.endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        head = upload.read(4)
        upload.seek(0)
        if name.endswith(".xlsx") != (head == XLSX_MAGIC):
            raise forms.ValidationError(_("The content of the file does not match its name."))
        return upload


AREA_MATCH_LIMIT = 15


def match_areas(text: str, picked: str, level: int) -> list[Area]:
    """The areas of `level` a place field's answer may mean: the one picked from the
    type-ahead (`<field>__pick`, a code), the one with the code typed, or those whose name
    starts with the text (one if exactly one is named so). Up to AREA_MATCH_LIMIT + 1, so
    that the caller can tell "too many"; the caller asks which one when several are left."""
    text = to_ascii_digits(text).strip()
    areas = Area.objects.current().filter(level=level).select_related("parent__parent")
    code = picked or text
    if code.isdigit():
        area = areas.filter(code=code).first()
        return [area] if area else []
    matches = list(areas.suggest(text).order_by("code")[: AREA_MATCH_LIMIT + 1])
    exact = [a for a in matches if text.casefold() in (a.name_en.casefold(), a.name_km)]
    return exact if len(exact) == 1 else matches
