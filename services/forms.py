"""Django forms built from a page of a form definition, and back to JSON answers.

`PageForm` holds only the fields whose conditions hold for the answers given so far, so
a field the browser should not have shown is never read. Field names are the definition's
keys; a person's name adds `__km` and `__latin`, a repeating group numbers its items
(`children__0__name`), a file field has `__remove` for the files already uploaded.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypedDict, cast

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from accounts.validators import normalise_mobile, normalise_national_id
from core.formatting import to_ascii_digits
from core.forms import DateOfBirthField, DateOfBirthWidget
from geo.forms import AREA_MATCH_LIMIT, match_areas
from geo.models import Area
from services.attachments import check_upload, count_error
from services.definitions import AREA_LEVELS, Field, Page, text_in_language, visible_fields

SEPARATOR = "__"
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by `check_upload` in the form."""

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class AsciiDigitsMixin(forms.Field):
    """Digits in Khmer script read as ASCII digits (for a date or a number field)."""

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = to_ascii_digits(value).strip()
        return super().to_python(value)


class LocalDateField(AsciiDigitsMixin, forms.DateField):
    pass


class LocalDecimalField(AsciiDigitsMixin, forms.DecimalField):
    pass


@dataclass
class Block:
    """What the page template draws: a field, or a repeating group with its items."""

    kind: str  # "field" | "group"
    item: Field
    names: list[str] = field(default_factory=list)  # the Django field names, in order
    items: list[list[str]] = field(default_factory=list)  # group: names of each item
    can_add: bool = False
    can_remove: bool = False
    attachments: list = field(default_factory=list)  # file: files already uploaded
    area_matches: list[Area] = field(default_factory=list)


def _required_message(item: Field) -> str:
    label = item.label_text
    if item.type in ("choice", "yes_no", "area"):
        return _("Choose an answer for “%(label)s”.") % {"label": label}
    if item.type == "file":
        return _("Upload a file for “%(label)s”.") % {"label": label}
    if item.type == "declaration":
        return _("Tick the box to confirm the declaration.")
    return _("Enter “%(label)s”.") % {"label": label}


def is_date_of_birth(item: Field) -> bool:
    """Return whether a date question asks when someone was born (its key says so:
    `date_of_birth`, `mother_birth_date`, …): it is asked as day, month (by name, in the
    page's language) and year, and refused in the future (core.forms.DateOfBirthField)."""
    return item.type == "date" and "birth" in item.key


class CommonOptions(TypedDict):
    """What every Django field of a definition field is given."""

    label: str
    required: bool
    help_text: str
    error_messages: dict[str, str]


def _django_fields(item: Field, name: str, label: str) -> dict[str, forms.Field]:  # noqa: C901
    """Return the Django fields for one definition field (several for a person's name)."""
    required = item.required
    errors = {"required": _required_message(item)}
    help_text = item.help_text
    kind = item.type
    spec = item.spec
    common: CommonOptions = {
        "label": label,
        "required": required,
        "help_text": help_text,
        "error_messages": errors,
    }
    if kind == "text":
        return {name: forms.CharField(
            min_length=spec.get("min_length"), max_length=spec.get("max_length", 200), **common
        )}  # fmt: skip
    if kind == "long_text":
        return {name: forms.CharField(
            max_length=spec.get("max_length", 4000),
            widget=forms.Textarea(attrs={"rows": 5}),
            **common,
        )}  # fmt: skip
    if kind == "number":
        return {name: LocalDecimalField(
            min_value=spec.get("min"), max_value=spec.get("max"),
            decimal_places=spec.get("decimals", 0), **common,
            widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "input--short"}),
        )}  # fmt: skip
    if kind == "date" and is_date_of_birth(item):
        return {name: DateOfBirthField(**common)}
    if kind == "date":
        return {name: LocalDateField(
            input_formats=DATE_FORMATS, widget=forms.DateInput(
                attrs={"type": "date", "class": "input--short"}, format="%Y-%m-%d"
            ), **common,
        )}  # fmt: skip
    if kind in ("choice", "yes_no"):
        choices = [(c.value, c.text) for c in item.choices]
        if kind == "choice" and item.widget == "checkboxes":
            return {name: forms.MultipleChoiceField(
                choices=choices, widget=forms.CheckboxSelectMultiple, **common
            )}  # fmt: skip
        if kind == "choice" and item.widget == "select":
            choices = [("", _("Choose…")), *choices]
            return {name: forms.ChoiceField(choices=choices, **common)}
        return {name: forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)}
    if kind == "phone":
        return {name: forms.CharField(
            max_length=20, **common,
            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        )}  # fmt: skip
    if kind == "email":
        return {name: forms.EmailField(max_length=254, **common)}
    if kind == "national_id":
        return {name: forms.CharField(
            max_length=20, **common,
            widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "input--short"}),
        )}  # fmt: skip
    if kind == "person_name":
        return {
            f"{name}{SEPARATOR}km": forms.CharField(
                label=_("%(label)s in Khmer script") % {"label": label}, max_length=120,
                required=required, help_text=help_text, error_messages={
                    "required": _("Enter “%(label)s” in Khmer script.") % {"label": label}},
            ),
            f"{name}{SEPARATOR}latin": forms.CharField(
                label=_("%(label)s in Latin letters") % {"label": label}, max_length=120,
                required=required, error_messages={
                    "required": _("Enter “%(label)s” in Latin letters.") % {"label": label}},
            ),
        }  # fmt: skip
    if kind == "area":
        level = AREA_LEVELS[spec.get("level", "village")]
        return {name: forms.CharField(
            max_length=120, **common,
            widget=forms.TextInput(attrs={
                "data-area-level": level,
                "data-suggest-url": f"{reverse('geo:suggest_areas')}?level={level}",
                "data-status-none": _("No place found with that name."),
                "data-status-one": _("One place found. Use the down arrow to choose it."),
                "data-status-many": _(
                    "{count} places found. Use the up and down arrows to choose."
                ),
                "autocomplete": "off",
            }),
        )}  # fmt: skip
    if kind == "file":
        common["required"] = False  # files already uploaded count: checked in clean()
        return {name: MultipleFileField(
            widget=MultipleFileInput(attrs={"accept": ",".join(item.accept)}), **common
        )}  # fmt: skip
    if kind == "declaration":
        common["required"] = True
        return {name: forms.BooleanField(**common)}
    raise ValueError(kind)


class PageForm(forms.Form):
    """One page of an application form.

    answers      the application's answers so far (decides which fields are shown)
    attachments  the application's files already uploaded, by public id (file fields)
    group_counts how many items each group shows (from the POST, or the answers)
    """

    def __init__(
        self,
        page: Page,
        answers: dict[str, Any],
        *,
        attachments: dict[str, Any] | None = None,
        group_counts: dict[str, int] | None = None,
        **kwargs: Any,
    ) -> None:
        self.page = page
        self.questions = visible_fields(page, answers)
        self.attachments = attachments or {}
        self.existing = {
            q.key: [i for i in answers.get(q.key) or [] if i in self.attachments]
            for q in self.questions
            if q.type == "file"
        }
        self.group_counts = {
            q.key: _clamp((group_counts or {}).get(q.key, len(answers.get(q.key) or [])), q)
            for q in self.questions
            if q.type == "group"
        }
        self.area_matches: dict[str, list[Area]] = {}
        self.checked_uploads: dict[str, list[tuple[Any, str]]] = {}
        kwargs.setdefault("initial", initial_data(page, answers))
        super().__init__(**kwargs)
        for question in self.questions:
            if question.type == "group":
                for index in range(self.group_counts[question.key]):
                    for sub in question.fields:
                        label = f"{sub.label_text} ({question.item_label_text} {index + 1})"
                        name = f"{question.key}{SEPARATOR}{index}{SEPARATOR}{sub.key}"
                        self.fields.update(_django_fields(sub, name, label))
                self.fields[f"{question.key}{SEPARATOR}count"] = forms.IntegerField(
                    widget=forms.HiddenInput, required=False
                )
                self.initial[f"{question.key}{SEPARATOR}count"] = self.group_counts[question.key]
            else:
                self.fields.update(_django_fields(question, question.key, question.label_text))
            if question.type == "file" and self.existing[question.key]:
                existing = self.existing[question.key]
                self.fields[f"{question.key}{SEPARATOR}remove"] = forms.MultipleChoiceField(
                    choices=[(i, self.attachments[i].original_name) for i in existing],
                    widget=forms.CheckboxSelectMultiple,
                    required=False,
                    label=_("Remove"),
                )  # fmt: skip
        self._join_date_parts()

    def _join_date_parts(self) -> None:
        """A date given as day, month and year, posted back as `initial` (after "Add
        another" or "Remove"), goes to its field whole."""
        for name, item in self.fields.items():
            if isinstance(item, DateOfBirthField) and name not in self.initial:
                widget = cast(DateOfBirthWidget, item.widget)  # Field.__init__ made it an instance
                parts = [self.initial.pop(f"{name}{part}", "") for part in widget.widgets_names]
                if any(parts):
                    self.initial[name] = parts

    def blocks(self) -> list[Block]:
        result = []
        for question in self.questions:
            if question.type == "group":
                count = self.group_counts[question.key]
                items = [
                    [n for n in self.fields if n.startswith(f"{question.key}{SEPARATOR}{i}__")]
                    for i in range(count)
                ]
                result.append(Block(
                    "group", question, items=items,
                    can_add=count < question.max_items,
                    can_remove=count > max(question.min_items, 1),
                ))  # fmt: skip
            else:
                names = [
                    n
                    for n in self.fields
                    if n == question.key
                    or (n.startswith(f"{question.key}__") and not n.endswith("remove"))
                ]
                block = Block("field", question, names=names)
                if question.type == "file":
                    block.attachments = [self.attachments[i] for i in self.existing[question.key]]
                if question.type == "area":
                    block.area_matches = self.area_matches.get(question.key, [])
                result.append(block)
        return result

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())  # Form.clean returns cleaned_data
        for question in self.questions:
            if question.type == "file":
                self._clean_files(question)
            elif question.type == "group":
                for index in range(self.group_counts[question.key]):
                    for sub in question.fields:
                        self._clean_one(
                            sub, f"{question.key}{SEPARATOR}{index}{SEPARATOR}{sub.key}"
                        )
            else:
                self._clean_one(question, question.key)
        return data

    def _clean_one(self, question: Field, name: str) -> None:
        """The checks Django's fields do not make: normalising, places, dates, patterns."""
        if question.type == "phone":
            self._normalise(name, normalise_mobile)
        elif question.type == "national_id":
            self._normalise(name, normalise_national_id)
        elif question.type == "area":
            self._clean_area(question, name)
        elif question.type == "date":
            self._check_date(question, name)
        elif question.type == "text" and question.spec.get("pattern"):
            self._check_pattern(question, name)

    def _normalise(self, name: str, normalise) -> None:
        value = self.cleaned_data.get(name)
        if value:
            try:
                self.cleaned_data[name] = normalise(value)
            except ValidationError as error:
                self.add_error(name, error)

    def _check_pattern(self, question: Field, name: str) -> None:
        value = self.cleaned_data.get(name)
        if value and not re.fullmatch(question.spec["pattern"], value):
            message = text_in_language(question.spec.get("pattern_message")) or _(
                "“%(label)s” is not in the expected form."
            ) % {"label": question.label_text}
            self.add_error(name, message)

    def _check_date(self, question: Field, name: str) -> None:
        value = self.cleaned_data.get(name)
        if not value:
            return
        today = datetime.date.today()
        if question.spec.get("not_after_today") and value > today:
            self.add_error(name, _("The date must be today or in the past."))
        if question.spec.get("not_before_today") and value < today:
            self.add_error(name, _("The date must be today or in the future."))

    def _clean_area(self, question: Field, name: str) -> None:
        text = to_ascii_digits(self.cleaned_data.get(name) or "").strip()
        picked = self.data.get(f"{name}{SEPARATOR}pick", "") if self.is_bound else ""
        if not text and not picked:
            return
        level = AREA_LEVELS[question.spec.get("level", "village")]
        matches = match_areas(text, picked, level)
        if len(matches) == 1:
            self.cleaned_data[name] = matches[0].code
            return
        if not matches:
            self.add_error(
                name,
                _("No place called “%(text)s” was found. Check the spelling or type its code.")
                % {"text": text},
            )
            return
        self.area_matches[name] = matches[:AREA_MATCH_LIMIT]
        self.add_error(
            name, _("Several places are called “%(text)s”: choose one below.") % {"text": text}
        )

    def _clean_files(self, question: Field) -> None:
        uploads = self.cleaned_data.get(question.key) or []
        removed = set(self.cleaned_data.get(f"{question.key}{SEPARATOR}remove") or [])
        kept = [i for i in self.existing[question.key] if i not in removed]
        checked = []
        for upload in uploads:
            try:
                checked.append((upload, check_upload(upload, question)))
            except ValidationError as error:
                self.add_error(question.key, error)
        if message := count_error(question, len(kept) + len(uploads)):
            self.add_error(question.key, message)
        elif question.required and not kept and not uploads and question.key not in self.errors:
            self.add_error(question.key, _required_message(question))
        self.checked_uploads[question.key] = checked
        self.cleaned_data[f"{question.key}{SEPARATOR}kept"] = kept

    def answers(self) -> dict[str, Any]:
        """Return this page's answers as JSON values (file fields: the files kept; the view
        adds the new ones after storing them). Empty answers are left out."""
        data = self.cleaned_data
        result: dict[str, Any] = {}
        for question in self.questions:
            if question.type == "group":
                items = []
                for index in range(self.group_counts[question.key]):
                    prefix = f"{question.key}{SEPARATOR}{index}{SEPARATOR}"
                    entry = {
                        sub.key: value
                        for sub in question.fields
                        if (value := _to_json(sub, data, f"{prefix}{sub.key}"))
                        not in (None, "", [])
                    }
                    if entry:
                        items.append(entry)
                if items:
                    result[question.key] = items
            elif question.type == "file":
                kept = data.get(f"{question.key}{SEPARATOR}kept", [])
                if kept:
                    result[question.key] = kept
            else:
                value = _to_json(question, data, question.key)
                if value not in (None, "", []):
                    result[question.key] = value
        return result


def _clamp(count: Any, question: Field) -> int:
    try:
        number = int(count)
    except (TypeError, ValueError):
        number = 0
    return max(min(number, question.max_items), question.min_items, 1)


def _to_json(question: Field, data: dict[str, Any], name: str) -> Any:
    if question.type == "person_name":
        km = (data.get(f"{name}{SEPARATOR}km") or "").strip()
        latin = (data.get(f"{name}{SEPARATOR}latin") or "").strip()
        return {"km": km, "latin": latin} if km or latin else None
    value = data.get(name)
    if question.type == "yes_no":
        return {"yes": True, "no": False}.get(value) if isinstance(value, str) else None
    if question.type == "date":
        return value.isoformat() if value else None
    if question.type == "number":
        return str(value) if isinstance(value, Decimal) else None
    if question.type == "declaration":
        return True if value else None
    if isinstance(value, str):
        return value.strip()
    return value


def _raw(question: Field, value: Any, name: str) -> dict[str, Any]:
    """Return the form data (field name → str or list) that gives back `value`."""
    if value in (None, "", []):
        return {}
    if question.type == "person_name" and isinstance(value, dict):
        return {
            f"{name}{SEPARATOR}km": value.get("km", ""),
            f"{name}{SEPARATOR}latin": value.get("latin", ""),
        }
    if question.type == "yes_no":
        return {name: "yes" if value is True else "no"}
    if question.type == "declaration":
        return {name: "on"} if value else {}
    if question.type == "file":
        return {}
    if isinstance(value, list):
        return {name: [str(v) for v in value]}
    return {name: str(value)}


def initial_data(page: Page, answers: dict[str, Any]) -> dict[str, Any]:
    """Return the page's answers as form data (for a form's `initial`, or bound data)."""
    data: dict[str, Any] = {}
    for question in page.fields:
        value = answers.get(question.key)
        if question.type == "group":
            for index, entry in enumerate(value or []):
                for sub in question.fields:
                    name = f"{question.key}{SEPARATOR}{index}{SEPARATOR}{sub.key}"
                    data.update(_raw(sub, entry.get(sub.key), name))
        else:
            data.update(_raw(question, value, question.key))
    return data


def bound_from_answers(page: Page, answers: dict[str, Any], attachments: dict) -> PageForm:
    """Return the page's form bound to the stored answers, to check them again on submit."""
    data: MultiValueDict[str, Any] = MultiValueDict()
    for name, value in initial_data(page, answers).items():
        data.setlist(name, value if isinstance(value, list) else [value])
    return PageForm(page, answers, attachments=attachments, data=data, files=MultiValueDict())
