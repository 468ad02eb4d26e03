"""Application forms as data: parsing, checking and conditions of a form definition.

A definition is JSON that administrators edit in the back office:

    {
      "pages": [
        {"key": "child", "title": {"km": "…", "en": "About the child"},
         "when": <condition>,                      # optional: the page is asked only if true
         "fields": [
           {"key": "child_name", "type": "person_name",
            "label": {"km": "…", "en": "Child's name"}, "help": {"km": "…", "en": "…"},
            "required": true, "when": <condition>}
         ]}
      ],
      "declaration": {"km": "…", "en": "I confirm that …"},   # shown before submitting
      "area_field": "birth_place"                    # optional: the answer that routes it
    }

Field types and their options (answers are stored as the JSON shown after the arrow):
text (min_length, max_length, pattern, pattern_message) → str; long_text (max_length) →
str; number (min, max, decimals) → str; date (not_after_today, not_before_today) →
"YYYY-MM-DD"; choice (choices: [{"value", "label"}], widget: radio | select | checkboxes)
→ str, or a list for checkboxes; yes_no → bool; phone (Cambodian mobile) → "+855…";
email → str; national_id → digits; person_name → {"km", "latin"}; area (level: province |
district | commune | village) → area code; file (accept: MIME types, max_size_mb,
max_files) → list of attachment ids; group (fields, min_items, max_items, item_label) →
list of objects; declaration → true. Any field may name a `source` its value is suggested
from (`services.sources.KNOWN_SOURCES`, read by `services.prefilling`).

A condition is {"field": key, "equals" | "not_equals" | "contains": value},
{"field": key, "in": [values]}, {"field": key, "answered": true|false}, or
{"all": [conditions]}, {"any": [conditions]}, {"not": condition}. It may only name
fields on earlier pages, so that it can be decided before the page is shown, on the
server, whatever the browser sends.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from services.sources import KNOWN_SOURCES

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
KEY_MAX_LENGTH = 60
FIELD_TYPES = (
    "text",
    "long_text",
    "number",
    "date",
    "choice",
    "yes_no",
    "phone",
    "email",
    "national_id",
    "person_name",
    "area",
    "file",
    "group",
    "declaration",
)
CHOICE_WIDGETS = ("radio", "select", "checkboxes")
AREA_LEVELS = {"province": 1, "district": 2, "commune": 3, "village": 4}
DEFAULT_ACCEPT = ("image/jpeg", "image/png", "application/pdf")
DEFAULT_MAX_SIZE_MB = 5
MAX_SIZE_MB_LIMIT = 25
DEFAULT_MAX_FILES = 1
MAX_FILES_LIMIT = 10
DEFAULT_MAX_ITEMS = 10
MAX_ITEMS_LIMIT = 30
CONDITION_OPERATORS = ("equals", "not_equals", "contains", "in", "answered")
RESERVED_PAGE_KEYS = ("check", "sent")  # paths of services.urls next to the pages


def text_in_language(value: Any, language: str | None = None) -> str:
    """Return the Khmer or English part of {"km": …, "en": …}, falling back to the other."""
    if isinstance(value, str):
        return value
    if not isinstance(value, dict):
        return ""
    language = (language or get_language() or "km")[:2]
    other = "km" if language == "en" else "en"
    return str(value.get(language) or value.get(other) or "")


@dataclass(frozen=True)
class Choice:
    value: str
    label: dict

    @property
    def text(self) -> str:
        return text_in_language(self.label)


@dataclass(frozen=True)
class Field:
    """One field of a page (`spec` is its JSON, for the type-specific options)."""

    key: str
    type: str
    label: dict
    help: dict
    required: bool
    when: dict | None
    spec: dict
    fields: tuple[Field, ...] = ()

    @property
    def label_text(self) -> str:
        return text_in_language(self.label)

    @property
    def help_text(self) -> str:
        return text_in_language(self.help)

    @property
    def choices(self) -> tuple[Choice, ...]:
        if self.type == "yes_no":
            return (
                Choice("yes", {"km": "បាទ/ចាស", "en": "Yes"}),
                Choice("no", {"km": "ទេ", "en": "No"}),
            )
        return tuple(
            Choice(str(c["value"]), c.get("label") or {}) for c in self.spec.get("choices", [])
        )

    @property
    def widget(self) -> str:
        return self.spec.get("widget", "radio")

    @property
    def accept(self) -> tuple[str, ...]:
        return tuple(self.spec.get("accept") or DEFAULT_ACCEPT)

    @property
    def max_size_mb(self) -> int:
        return int(self.spec.get("max_size_mb") or DEFAULT_MAX_SIZE_MB)

    @property
    def max_files(self) -> int:
        return int(self.spec.get("max_files") or DEFAULT_MAX_FILES)

    @property
    def min_items(self) -> int:
        return int(self.spec.get("min_items", 1 if self.required else 0))

    @property
    def max_items(self) -> int:
        return int(self.spec.get("max_items") or DEFAULT_MAX_ITEMS)

    @property
    def item_label_text(self) -> str:
        return text_in_language(self.spec.get("item_label")) or self.label_text


@dataclass(frozen=True)
class Page:
    key: str
    title: dict
    intro: dict
    when: dict | None
    fields: tuple[Field, ...]

    @property
    def title_text(self) -> str:
        return text_in_language(self.title)

    @property
    def intro_text(self) -> str:
        return text_in_language(self.intro)


@dataclass(frozen=True)
class FormDefinition:
    pages: tuple[Page, ...]
    declaration: dict = field(default_factory=dict)
    area_field: str = ""

    @property
    def declaration_text(self) -> str:
        return text_in_language(self.declaration)

    def page(self, key: str) -> Page | None:
        return next((p for p in self.pages if p.key == key), None)

    def all_fields(self) -> Iterator[tuple[Page, Field]]:
        for page in self.pages:
            for item in page.fields:
                yield page, item

    def field(self, key: str) -> Field | None:
        return next((f for _p, f in self.all_fields() if f.key == key), None)


class DefinitionError(ValueError):
    """The definition cannot be used; `errors` says why, one reason per line."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


def parse_definition(data: Any) -> FormDefinition:
    """Return the definition as objects, or raise DefinitionError with every reason."""
    if errors := definition_errors(data):
        raise DefinitionError(errors)
    return FormDefinition(
        pages=tuple(_parse_page(p) for p in data["pages"]),
        declaration=data.get("declaration") or {},
        area_field=data.get("area_field", ""),
    )


def _parse_field(spec: dict) -> Field:
    return Field(
        key=spec["key"],
        type=spec["type"],
        label=spec.get("label") or {},
        help=spec.get("help") or {},
        required=bool(spec.get("required", True)),
        when=spec.get("when"),
        spec=spec,
        fields=tuple(_parse_field(s) for s in spec.get("fields", [])),
    )


def _parse_page(spec: dict) -> Page:
    return Page(
        key=spec["key"],
        title=spec.get("title") or {},
        intro=spec.get("intro") or {},
        when=spec.get("when"),
        fields=tuple(_parse_field(f) for f in spec["fields"]),
    )


# --- Checking a definition -------------------------------------------------------------


def definition_errors(data: Any) -> list[str]:
    """Return every reason the definition cannot be used (empty when it is sound)."""
    if not isinstance(data, dict):
        return [_("The definition must be a JSON object with a list of pages.")]
    pages = data.get("pages")
    if not isinstance(pages, list) or not pages:
        return [_("The definition needs at least one page in “pages”.")]
    errors: list[str] = []
    seen_pages: set[str] = set()
    earlier: dict[str, dict] = {}  # fields of earlier pages, by key
    all_keys: set[str] = set()
    for number, page in enumerate(pages, start=1):
        errors += _page_errors(page, number, seen_pages, earlier, all_keys)
    if data.get("declaration") is not None:
        errors += _text_errors(data["declaration"], _("The declaration"), _("text"), True)
    area_field = data.get("area_field")
    if area_field is not None and (earlier.get(area_field) or {}).get("type") != "area":
        errors.append(
            _("“area_field” must name an area field of the form, not “%(key)s”.")
            % {"key": area_field}
        )
    return errors


def _page_errors(
    page: Any, number: int, seen_pages: set[str], earlier: dict[str, dict], all_keys: set[str]
) -> list[str]:
    """Return what is wrong with one page; add its fields to `earlier` for later pages."""
    where = _("Page %(number)s") % {"number": number}
    if not isinstance(page, dict):
        return [_("%(where)s must be a JSON object.") % {"where": where}]
    key = page.get("key")
    errors = _key_errors(key, where)
    if isinstance(key, str):
        where = _("Page “%(key)s”") % {"key": key}
        if key in RESERVED_PAGE_KEYS:
            errors.append(_("A page cannot have the key “%(key)s”.") % {"key": key})
        if key in seen_pages:
            errors.append(_("Two pages have the key “%(key)s”.") % {"key": key})
        seen_pages.add(key)
    errors += _text_errors(page.get("title"), where, _("title"), required=True)
    if page.get("when") is not None:
        errors += condition_errors(page["when"], earlier, where)
    fields = page.get("fields")
    if not isinstance(fields, list) or not fields:
        errors.append(_("%(where)s needs at least one field.") % {"where": where})
        return errors
    this_page: dict[str, dict] = {}
    for spec in fields:
        errors += _field_errors(spec, where, earlier, all_keys, nested=False)
        if isinstance(spec, dict) and isinstance(spec.get("key"), str):
            this_page[spec["key"]] = spec
    earlier.update(this_page)
    return errors


def _key_errors(key: Any, where: str) -> list[str]:
    if not isinstance(key, str) or not KEY_PATTERN.match(key) or len(key) > KEY_MAX_LENGTH:
        return [
            _(
                "%(where)s: the key %(key)s must be lower-case letters, digits and single "
                "underscores, starting with a letter."
            )
            % {"where": where, "key": repr(key)}
        ]
    return []


def _text_errors(value: Any, where: str, what: str, required: bool) -> list[str]:
    if value is None and not required:
        return []
    if (
        not isinstance(value, dict)
        or not all(
            isinstance(value.get(lang), str) and value[lang].strip() for lang in "km en".split()
        )
        or set(value) - {"km", "en"}
    ):
        return [
            _("%(where)s: the %(what)s needs a Khmer and an English text (“km” and “en”).")
            % {"where": where, "what": what}
        ]
    return []


def _field_errors(  # noqa: C901 - one branch per field type reads best as one list
    spec: Any, where: str, earlier: dict[str, dict], all_keys: set[str], *, nested: bool
) -> list[str]:
    if not isinstance(spec, dict):
        return [_("%(where)s: every field must be a JSON object.") % {"where": where}]
    key = spec.get("key")
    errors = _key_errors(key, where)
    if isinstance(key, str):
        if key in all_keys:
            errors.append(_("Two fields have the key “%(key)s”.") % {"key": key})
        all_keys.add(key)
        where = _("Field “%(key)s”") % {"key": key}
    kind = spec.get("type")
    if kind not in FIELD_TYPES:
        errors.append(
            _("%(where)s: unknown field type %(type)s (known types: %(types)s).")
            % {"where": where, "type": repr(kind), "types": ", ".join(FIELD_TYPES)}
        )
        return errors
    errors += _text_errors(spec.get("label"), where, _("label"), required=True)
    errors += _text_errors(spec.get("help"), where, _("help text"), required=False)
    if spec.get("when") is not None:
        errors += condition_errors(spec["when"], earlier, where)
    if kind == "choice":
        choices = spec.get("choices")
        if not isinstance(choices, list) or not choices:
            errors.append(_("%(where)s: a choice field needs “choices”.") % {"where": where})
        else:
            values = [c.get("value") if isinstance(c, dict) else None for c in choices]
            if any(not isinstance(v, str) or not v for v in values):
                errors.append(_("%(where)s: every choice needs a “value”.") % {"where": where})
            elif len(set(values)) != len(values):
                errors.append(_("%(where)s: two choices have the same value.") % {"where": where})
            for choice in choices:
                if isinstance(choice, dict):
                    errors += _text_errors(choice.get("label"), where, _("choice label"), True)
        if spec.get("widget", "radio") not in CHOICE_WIDGETS:
            errors.append(
                _("%(where)s: the widget must be one of %(widgets)s.")
                % {"where": where, "widgets": ", ".join(CHOICE_WIDGETS)}
            )
    elif kind == "area" and spec.get("level", "village") not in AREA_LEVELS:
        errors.append(
            _("%(where)s: the level must be one of %(levels)s.")
            % {"where": where, "levels": ", ".join(AREA_LEVELS)}
        )
    elif kind == "file":
        errors += _file_errors(spec, where)
    elif kind == "group":
        if nested:
            errors.append(_("%(where)s: a group cannot be inside a group.") % {"where": where})
        sub_fields = spec.get("fields")
        if not isinstance(sub_fields, list) or not sub_fields:
            errors.append(_("%(where)s: a group needs “fields”.") % {"where": where})
        else:
            for sub in sub_fields:
                if isinstance(sub, dict) and sub.get("type") in ("file", "group"):
                    errors.append(
                        _("%(where)s: a group cannot hold a file or another group.")
                        % {"where": where}
                    )
                elif isinstance(sub, dict) and sub.get("when") is not None:
                    errors.append(
                        _("%(where)s: fields inside a group cannot have conditions.")
                        % {"where": where}
                    )
                else:
                    errors += _field_errors(sub, where, earlier, all_keys, nested=True)
        errors += _bounds_errors(spec, "min_items", "max_items", where, MAX_ITEMS_LIMIT)
    for option in ("min_length", "max_length", "max_size_mb", "max_files", "decimals"):
        if option in spec and (not isinstance(spec[option], int) or spec[option] < 0):
            errors.append(
                _("%(where)s: “%(option)s” must be a whole number.")
                % {"where": where, "option": option}
            )
    for option in ("min", "max"):
        if option in spec and not isinstance(spec[option], int | float):
            errors.append(
                _("%(where)s: “%(option)s” must be a number.") % {"where": where, "option": option}
            )
    if "source" in spec and spec["source"] not in KNOWN_SOURCES:
        errors.append(
            _("%(where)s: unknown source %(source)s (known sources: %(sources)s).")
            % {"where": where, "source": repr(spec["source"]), "sources": ", ".join(KNOWN_SOURCES)}
        )
    if "pattern" in spec:
        try:
            re.compile(spec["pattern"])
        except (re.error, TypeError):
            errors.append(
                _("%(where)s: the pattern is not a valid regular expression.") % {"where": where}
            )
    return errors


def _file_errors(spec: dict, where: str) -> list[str]:
    errors = []
    accept = spec.get("accept", list(DEFAULT_ACCEPT))
    if (
        not isinstance(accept, list)
        or not accept
        or not all(isinstance(t, str) and "/" in t for t in accept)
    ):
        errors.append(
            _("%(where)s: “accept” must list MIME types such as image/jpeg.") % {"where": where}
        )
    size = spec.get("max_size_mb", DEFAULT_MAX_SIZE_MB)
    if not isinstance(size, int) or not 1 <= size <= MAX_SIZE_MB_LIMIT:
        errors.append(
            _("%(where)s: “max_size_mb” must be between 1 and %(limit)s.")
            % {"where": where, "limit": MAX_SIZE_MB_LIMIT}
        )
    count = spec.get("max_files", DEFAULT_MAX_FILES)
    if not isinstance(count, int) or not 1 <= count <= MAX_FILES_LIMIT:
        errors.append(
            _("%(where)s: “max_files” must be between 1 and %(limit)s.")
            % {"where": where, "limit": MAX_FILES_LIMIT}
        )
    return errors


def _bounds_errors(spec: dict, low: str, high: str, where: str, limit: int) -> list[str]:
    lower, upper = spec.get(low, 0), spec.get(high, DEFAULT_MAX_ITEMS)
    if not isinstance(lower, int) or not isinstance(upper, int) or not 0 <= lower <= upper <= limit:
        return [
            _(
                "%(where)s: “%(low)s” and “%(high)s” must be whole numbers, "
                "0 ≤ %(low)s ≤ %(high)s ≤ %(limit)s."
            )
            % {"where": where, "low": low, "high": high, "limit": limit}
        ]
    return []


def condition_errors(condition: Any, earlier: dict[str, dict], where: str) -> list[str]:
    """Return why a condition is broken: bad shape, or a field not on an earlier page."""
    if not isinstance(condition, dict) or not condition:
        return [_("%(where)s: a condition must be a JSON object.") % {"where": where}]
    for combinator in ("all", "any"):
        if combinator in condition:
            parts = condition[combinator]
            if len(condition) != 1 or not isinstance(parts, list) or not parts:
                return [
                    _("%(where)s: “%(name)s” needs a list of conditions and nothing else.")
                    % {"where": where, "name": combinator}
                ]
            return [e for part in parts for e in condition_errors(part, earlier, where)]
    if "not" in condition:
        if len(condition) != 1:
            return [_("%(where)s: “not” takes one condition and nothing else.") % {"where": where}]
        return condition_errors(condition["not"], earlier, where)
    return _comparison_errors(condition, earlier, where)


def _comparison_errors(condition: dict, earlier: dict[str, dict], where: str) -> list[str]:
    key = condition.get("field")
    operators = [op for op in CONDITION_OPERATORS if op in condition]
    if len(operators) != 1 or set(condition) - {"field", *CONDITION_OPERATORS}:
        return [
            _("%(where)s: a condition needs “field” and one of %(operators)s.")
            % {"where": where, "operators": ", ".join(CONDITION_OPERATORS)}
        ]
    if key not in earlier:
        return [
            _("%(where)s: the condition names “%(key)s”, which is not a field on an earlier page.")
            % {"where": where, "key": key}
        ]
    if earlier[key].get("type") in ("file", "group"):
        return [
            _("%(where)s: a condition cannot depend on the file or group field “%(key)s”.")
            % {"where": where, "key": key}
        ]
    if operators[0] == "in" and not isinstance(condition["in"], list):
        return [_("%(where)s: “in” needs a list of values.") % {"where": where}]
    return []


# --- Deciding conditions ---------------------------------------------------------------


def holds(condition: dict | None, answers: dict[str, Any]) -> bool:
    """Return whether the condition holds for these answers (None always holds)."""
    if condition is None:
        return True
    if "all" in condition:
        return all(holds(part, answers) for part in condition["all"])
    if "any" in condition:
        return any(holds(part, answers) for part in condition["any"])
    if "not" in condition:
        return not holds(condition["not"], answers)
    value = _comparable(answers.get(condition["field"]))
    if "answered" in condition:
        return bool(condition["answered"]) == (value not in (None, "", []))
    if "equals" in condition:
        return value == _comparable(condition["equals"])
    if "not_equals" in condition:
        return value != _comparable(condition["not_equals"])
    if "contains" in condition:
        return isinstance(value, list) and _comparable(condition["contains"]) in value
    return value in [_comparable(v) for v in condition["in"]]


def _comparable(value: Any) -> Any:
    """Yes/no answers are booleans; conditions may say true, "yes" or "no"."""
    if value == "yes":
        return True
    if value == "no":
        return False
    return value


def visible_answers(form: FormDefinition, answers: dict[str, Any]) -> dict[str, Any]:
    """Return the answers of the pages and fields whose conditions hold, in page order.

    Conditions only look back, so one pass decides everything: an answer left over from a
    page that is no longer asked (the person changed an earlier answer) is dropped, and so
    is anything a browser sent for a field it should not have shown.
    """
    kept: dict[str, Any] = {}
    for page in form.pages:
        if not holds(page.when, kept):
            continue
        for item in page.fields:
            if item.key in answers and holds(item.when, kept):
                kept[item.key] = answers[item.key]
    return kept


def pages_to_ask(form: FormDefinition, answers: dict[str, Any]) -> list[Page]:
    """Return the pages whose conditions hold for these answers, in order."""
    kept = visible_answers(form, answers)
    return [page for page in form.pages if holds(page.when, kept)]


def visible_fields(page: Page, answers: dict[str, Any]) -> list[Field]:
    return [item for item in page.fields if holds(item.when, answers)]
