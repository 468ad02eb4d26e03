"""Answers as people read them: label and value rows for check-your-answers, the
applicant's copy, and the officer's view of a case (`answer_rows`)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.formatting import format_date
from geo.models import Area
from services.definitions import Field, FormDefinition, pages_to_ask, visible_answers

if TYPE_CHECKING:
    from services.models import Application, Attachment


@dataclass
class AnswerRow:
    """One answer: `label`, `value` (text; lines joined by newlines), the page it is on
    (`page_key`, for "Change" links), and any `attachments`."""

    key: str
    label: str
    value: str
    page_key: str
    attachments: list[Attachment] = field(default_factory=list)


def answer_rows(application: Application) -> list[AnswerRow]:
    """Return the rows of the application's answers, only those its conditions ask for."""
    form = application.form_version.form()
    answers = visible_answers(form, application.answers)
    attachments = {str(a.public_id): a for a in application.attachments.all()}
    return rows_for(form, answers, attachments)


def rows_for(
    form: FormDefinition, answers: dict[str, Any], attachments: dict[str, Attachment]
) -> list[AnswerRow]:
    areas = _areas(form, answers)
    rows = []
    for page in pages_to_ask(form, answers):
        for item in page.fields:
            if item.key not in answers:
                continue
            value = answers[item.key]
            if item.type == "group":
                rows += _group_rows(item, value, page.key, areas)
            elif item.type == "file":
                files = [attachments[i] for i in value or [] if i in attachments]
                names = "\n".join(a.original_name for a in files)
                rows.append(AnswerRow(item.key, item.label_text, names, page.key, files))
            else:
                rows.append(
                    AnswerRow(item.key, item.label_text, display(item, value, areas), page.key)
                )
    return rows


def _group_rows(item: Field, items: Any, page_key: str, areas: dict[str, Area]) -> list[AnswerRow]:
    rows = []
    for number, entry in enumerate(items or [], start=1):
        lines = [
            f"{sub.label_text}: {display(sub, entry.get(sub.key), areas)}"
            for sub in item.fields
            if entry.get(sub.key) not in (None, "", [])
        ]
        label = f"{item.item_label_text} {number}"
        rows.append(AnswerRow(item.key, label, "\n".join(lines), page_key))
    return rows


def _areas(form: FormDefinition, answers: dict[str, Any]) -> dict[str, Area]:
    codes = set()
    for _page, item in form.all_fields():
        if item.type == "area" and answers.get(item.key):
            codes.add(answers[item.key])
        for sub in item.fields:
            if sub.type == "area":
                codes |= {e.get(sub.key) for e in answers.get(item.key) or [] if e.get(sub.key)}
    if not codes:
        return {}
    return {a.code: a for a in Area.objects.filter(code__in=codes).select_related("parent__parent")}


def display(item: Field, value: Any, areas: dict[str, Area]) -> str:
    """Return one answer as text in the active language."""
    if value in (None, "", []):
        return ""
    kind = item.type
    if kind == "yes_no":
        return _("Yes") if value is True else _("No")
    if kind == "choice":
        labels = {c.value: c.text for c in item.choices}
        values = value if isinstance(value, list) else [value]
        return "\n".join(labels.get(str(v), str(v)) for v in values)
    if kind == "date":
        try:
            return format_date(datetime.date.fromisoformat(value), get_language())
        except (TypeError, ValueError):
            return str(value)
    if kind == "person_name" and isinstance(value, dict):
        return "\n".join(str(v) for v in (value.get("km"), value.get("latin")) if v)
    if kind == "area":
        area = areas.get(value)
        return area.name_with_parents if area else str(value)
    if kind == "declaration":
        return _("Confirmed")
    return str(value)
