"""Answers a form takes from what the portal already knows, so the person does not type
them again.

A field declares where its value may come from with `"source"`:

- `"account.<what>"` (`services.sources.ACCOUNT_SOURCES`): the person's own account
  (name, date of birth, national ID number, mobile, email, home village), read each time
  the page is shown;
- a registry's (`registries.lookups.SOURCES`, e.g. "population.date_of_birth"), asked
  through CamDX once per application: the first showing of a page asks about its fields
  that have no answer yet, and what came back (the value and its source, or why there is
  none) is kept with the draft in `Application.prefilled`. Later showings use what was
  kept; only the person's "Ask the registries again" asks again.

A definition naming any other source is refused (`services.definitions`). Either way the
value is only a suggestion shown in the field with where it came from; the
person may change it, and it becomes an answer when they continue.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from registries.auditing import DRAFT_CASE_PREFIX
from registries.lookups import MESSAGES, SOURCES
from registries.prefill import prefill as registry_prefill
from services.definitions import Field, Page
from services.models import Application
from services.sources import ACCOUNT_SOURCES

FROM_ACCOUNT: Promise = _("From your account")


@dataclass
class Shown:
    """What a page shows as filled in: values and where each came from, by field key."""

    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # field key -> "From …"
    problems: list[str] = field(default_factory=list)  # why a registry gave nothing
    can_ask_again: bool = False  # a registry field is still unanswered


def _unanswered(question: Field, answers: dict[str, Any]) -> bool:
    return answers.get(question.key) in (None, "", [], {})


def _from_registry(source: str) -> str:
    return str(_("From the %(registry)s") % {"registry": SOURCES[source].registry_label})


@transaction.atomic
def do_prefill_page(
    actor: Any, application: Application, page: Page, answers: dict[str, Any], *, again: bool
) -> Shown:
    """Fill the page's unanswered sourced fields; ask the registries about those never asked
    for this application (or all of them `again`), and keep their answers with the draft."""
    wanted = [q for q in page.fields if q.spec.get("source") and _unanswered(q, answers)]
    if not wanted:
        return Shown()  # most pages: no query, nothing to fill
    person = application.user
    kept = dict(application.prefilled)
    to_ask = [q for q in wanted if q.spec["source"] in SOURCES and (again or q.key not in kept)]
    if to_ask:
        found = registry_prefill(
            actor,
            person,
            [(q.key, q.type, q.spec["source"], q.spec.get("record_field", "")) for q in to_ask],
            answers=answers,
            case_reference=application.reference or f"{DRAFT_CASE_PREFIX}{application.public_id}",
            purpose=str(application.service.name),
        )
        for question in to_ask:
            source = question.spec["source"]
            if question.key in found.values:
                kept[question.key] = {"source": source, "value": found.values[question.key]}
            elif question.key in found.failed:
                kept[question.key] = {"source": source, "failed": found.failed[question.key]}
        if kept != application.prefilled:
            application.prefilled = kept
            application.save(update_fields=["prefilled"])
    return _shown(person, wanted, kept)


def sent_reference(case: str) -> str:
    """Return the reference of the application whose draft `case` names ("draft-<public
    id>", as lookups made before it was sent are logged), or "" while it is a draft."""
    try:
        public_id = uuid.UUID(case.removeprefix(DRAFT_CASE_PREFIX))
    except ValueError:
        return ""
    sent = Application.objects.filter(public_id=public_id, reference__isnull=False)
    return sent.values_list("reference", flat=True).first() or ""


def _shown(person: Any, wanted: list[Field], kept: dict[str, Any]) -> Shown:
    shown = Shown()
    for question in wanted:
        source = question.spec["source"]
        if source in ACCOUNT_SOURCES:
            value = ACCOUNT_SOURCES[source](person)
            if value is not None:
                shown.values[question.key] = value
                shown.sources[question.key] = str(FROM_ACCOUNT)
        elif source in SOURCES and question.key in kept:
            shown.can_ask_again = True
            entry = kept[question.key]
            if "value" in entry:
                shown.values[question.key] = entry["value"]
                shown.sources[question.key] = _from_registry(source)
            else:
                message = str(MESSAGES.get(entry.get("failed", ""), MESSAGES["unavailable"]))
                if message not in shown.problems:
                    shown.problems.append(message)
    return shown
