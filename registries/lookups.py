"""Asking a registry through CamDX, and what a service's form may take from the answers.

`do_look_up(actor, registry, record_id, person=, case_reference=, purpose=, fields=)`
asks one registry (camdx.CamdxClient) and writes, whatever the outcome, one `Lookup` (the
message log) and one audit entry about the person ("registries.lookup": which registry,
record, fields, case and outcome; never the answer itself), so the person sees every
lookup made about them. A refused answer (late, wrong, badly signed, unavailable, not
found) raises `LookupFailed`, whose message tells the person to enter the data by hand.

`SOURCES` names what a form field may declare as its `source` ("population.name", …):
the registry, the record it needs (the person's national ID number, or a company's
registration number), and how to read the value from the record.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from audit.log import log_action
from registries.camdx import CamdxClient, NotConfigured, Refused
from registries.models import Lookup


@dataclass(frozen=True)
class Source:
    registry: str  # a Lookup.Registry value
    field: str  # the name logged in the lookup's fields
    read: Callable[[dict[str, Any]], Any]

    @property
    def registry_label(self) -> Any:
        return Lookup.Registry(self.registry).label


def _names(record: dict[str, Any]) -> dict[str, str]:
    return {"km": record.get("name_km", ""), "latin": record.get("name_latin", "")}


SOURCES: dict[str, Source] = {
    "population.name": Source("population", "name", _names),
    "population.date_of_birth": Source("population", "date_of_birth", lambda r: r["date_of_birth"]),
    "population.address": Source("population", "address", lambda r: r["address"]),
    "business.name": Source(
        "business", "company_name", lambda r: {"km": r["name_km"], "en": r["name_en"]}
    ),
    "business.number": Source("business", "registration_number", lambda r: r["number"]),
    "business.directors": Source(
        "business", "directors", lambda r: [_names(director) for director in r["directors"]]
    ),
}

MESSAGES: dict[str, Promise] = {
    "not_found": _("The registry has no record under this number."),
    "late": _("The registry did not answer in time."),
    "wrong": _("The registry's answer was about someone else, so we did not use it."),
    "bad_signature": _("The registry's answer could not be checked, so we did not use it."),
    "unavailable": _("The registry cannot be reached just now."),
}


class LookupFailed(Exception):
    """No usable answer: `message` says why, for the person, who enters the data by hand."""

    def __init__(self, outcome: str, lookup: Lookup | None = None) -> None:
        super().__init__(outcome)
        self.outcome, self.lookup = outcome, lookup

    @property
    def message(self) -> str:
        return str(MESSAGES.get(self.outcome, MESSAGES["unavailable"]))


@dataclass(frozen=True)
class Found:
    lookup: Lookup
    record: dict[str, Any]

    def value(self, source: str) -> Any:
        return SOURCES[source].read(self.record)


def is_configured(registry: str) -> bool:
    try:
        CamdxClient(registry)
    except NotConfigured:
        return False
    return True


def do_look_up(
    actor: Any,
    registry: str,
    record_id: str,
    *,
    person: Any,
    case_reference: str,
    purpose: str,
    fields: list[str],
) -> Found:
    """Ask `registry` about `record_id` for `person`; log it; return the record or raise
    LookupFailed."""
    request_id = uuid.uuid4()
    try:
        client = CamdxClient(registry)
    except NotConfigured as error:
        raise LookupFailed("unavailable") from error
    answer, outcome = None, Lookup.Outcome.ANSWERED
    try:
        answer = client.fetch(
            record_id,
            user_id=getattr(person, "national_id", "") or "",
            issue=case_reference,
            request_id=request_id,
        )
    except Refused as refused:
        outcome = refused.outcome
    with transaction.atomic():
        lookup = Lookup.objects.create(
            registry=registry,
            client=client.client_id,
            service=client.service,
            record=record_id,
            user_id=getattr(person, "national_id", "") or "",
            issue=case_reference,
            purpose=purpose[:200],
            fields=fields,
            request_id=request_id,
            x_road_id=answer.x_road_id if answer else "",
            response_hash=answer.response_hash if answer else "",
            outcome=outcome,
            duration_ms=answer.duration_ms if answer else 0,
            person=person,
            actor=actor,
        )
        log_action(
            actor,
            "registries.lookup",
            lookup,
            {
                "registry": registry,
                "service": client.service,
                "fields": fields,
                "case": case_reference,
                "purpose": purpose[:200],
                "outcome": outcome,
            },
            person=person,
        )
    if answer is None:
        raise LookupFailed(outcome, lookup)
    return Found(lookup=lookup, record=answer.record)
