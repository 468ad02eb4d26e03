"""Filling a form's fields from the registries, once, for the person applying.

A form field declares where its value may come from with `"source"` (a key of
`lookups.SOURCES`, e.g. "population.date_of_birth"). `prefill` asks each registry those
fields need once (the population register about the person's own national ID number;
the business register about the registration number a field on an earlier page holds,
named by the field's `"record_field"`), and returns the values by field key, where each
came from, and what could not be had and why (the person then types it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import get_language

from registries.lookups import SOURCES, LookupFailed, do_look_up, is_configured


@dataclass
class Prefill:
    values: dict[str, Any] = field(default_factory=dict)  # field key -> answer
    sources: dict[str, str] = field(default_factory=dict)  # field key -> registry's name
    problems: list[str] = field(default_factory=list)  # what the person is told
    failed: dict[str, str] = field(default_factory=dict)  # field key -> Lookup.Outcome


def _as_answer(value: Any, kind: str) -> Any:
    """The registry's value as the form field's answer."""
    language = (get_language() or "km")[:2]
    if isinstance(value, dict) and "en" in value:  # {"km", "en"}: a text in two languages
        return value.get(language) or value.get("en") or value.get("km")
    if isinstance(value, list):  # people's names: one per line
        return "\n".join(
            item.get(language if language == "km" else "latin") or "" for item in value
        )
    return value


def prefill(
    actor: Any,
    person: Any,
    wanted: list[tuple[str, str, str, str]],
    *,
    answers: dict[str, Any],
    case_reference: str,
    purpose: str,
) -> Prefill:
    """`wanted`: (field key, field type, source, record field or "") of the fields to fill."""
    result = Prefill()
    by_call: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for key, kind, source, record_field in wanted:
        if source not in SOURCES:
            continue
        registry = SOURCES[source].registry
        if not is_configured(registry):
            continue  # no registry to ask (as where CamDX is not set up): the person types
        record = (
            str(answers.get(record_field) or "")
            if registry == "business"
            else getattr(person, "national_id", "")
        )
        if record:
            by_call.setdefault((registry, record), []).append((key, kind, source))
    for (registry, record), fields in by_call.items():
        try:
            found = do_look_up(
                actor,
                registry,
                record,
                person=person,
                case_reference=case_reference,
                purpose=purpose,
                fields=[SOURCES[source].field for _key, _kind, source in fields],
            )
        except LookupFailed as failed:
            result.problems.append(failed.message)
            result.failed.update({key: failed.outcome for key, _kind, _source in fields})
            continue
        for key, kind, source in fields:
            result.values[key] = _as_answer(found.value(source), kind)
            result.sources[key] = str(SOURCES[source].registry_label)
    return result
