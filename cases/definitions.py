"""Workflows as data (ADR 0024): the default workflow, parsing and checking a definition.

A workflow is a JSON document: its `states` (key and names in Khmer and English) and its
`transitions` (key, the states it starts `from`, the state it goes `to`, the `roles`
allowed to take it — office role codes, or "applicant" — whether a `reason` is required,
and an optional `effect`), and optionally when the service's fee is due (`fee_due`:
"submission", the default, or "approval"). A service uses `DEFAULT_WORKFLOW` unless it has a
`cases.ServiceWorkflow`. Whatever the workflow, a state whose key is in `FINAL_STATES`
takes the case out of the open queue and stops its clock.

This module knows no model: `cases.models` reads it, and `cases.workflow` takes the
transitions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.utils.translation import get_language

from accounts.roles import DECIDE, HANDLE_CASE, REVOKE, roles_for

APPLICANT = "applicant"
# The default workflow's roles come from the role matrix (accounts/roles.py).
OFFICERS = list(roles_for(HANDLE_CASE))
DECIDERS = list(roles_for(DECIDE))
REVOKERS = list(roles_for(REVOKE))
FINAL_STATES = ("rejected", "document_issued", "document_revoked", "withdrawn", "closed")
DECISION_STATES = ("approved", "rejected")
EFFECTS = ("issue_document", "revoke_document")
# When a service's fee is asked for (payments): when the case is opened, or once approved.
FEE_DUE = ("submission", "approval")


def _state(key: str, km: str, en: str) -> dict[str, str]:
    return {"key": key, "km": km, "en": en}


def _move(key, sources, target, roles, km, en, *, reason=False, effect="") -> dict[str, Any]:
    return {"key": key, "from": sources, "to": target, "roles": roles, "km": km, "en": en,
            "reason": reason, "effect": effect}  # fmt: skip


DEFAULT_WORKFLOW: dict[str, Any] = {
    "states": [
        _state("received", "បានទទួល", "Received"),
        _state("in_review", "កំពុងពិនិត្យ", "In review"),
        _state("information_requested", "ត្រូវការព័ត៌មានបន្ថែម", "More information requested"),
        _state("approved", "បានអនុម័ត", "Approved"),
        _state("rejected", "បានបដិសេធ", "Rejected"),
        _state("document_issued", "បានចេញឯកសារ", "Document issued"),
        _state("document_revoked", "ឯកសារត្រូវបានដកហូត", "Document revoked"),
        _state("withdrawn", "បានដកពាក្យវិញ", "Withdrawn"),
        _state("closed", "បានបិទ", "Closed"),
    ],
    "transitions": [
        _move("start_review", ["received"], "in_review", OFFICERS, "ចាប់ផ្តើមពិនិត្យ",
              "Start the review"),
        _move("request_information", ["received", "in_review"], "information_requested",
              OFFICERS, "ស្នើសុំព័ត៌មានបន្ថែម", "Ask for more information", reason=True),
        _move("answer", ["information_requested"], "in_review", [APPLICANT],
              "ផ្ញើព័ត៌មានដែលបានស្នើ", "Send the information asked for"),
        _move("approve", ["in_review"], "approved", DECIDERS, "អនុម័ត", "Approve"),
        _move("reject", ["in_review"], "rejected", DECIDERS, "បដិសេធ", "Reject", reason=True),
        _move("issue_document", ["approved"], "document_issued", DECIDERS, "ចេញឯកសារ",
              "Issue the document", effect="issue_document"),
        _move("revoke_document", ["document_issued"], "document_revoked", REVOKERS,
              "ដកហូតឯកសារ", "Revoke the document", reason=True, effect="revoke_document"),
        _move("close", ["approved", "rejected"], "closed", OFFICERS, "បិទសំណុំរឿង",
              "Close the case"),
        _move("withdraw", ["received", "in_review", "information_requested"], "withdrawn",
              [APPLICANT], "ដកពាក្យស្នើសុំវិញ", "Withdraw the application", reason=False),
    ],
}  # fmt: skip


@dataclass(frozen=True)
class Transition:
    key: str
    sources: tuple[str, ...]
    target: str
    roles: tuple[str, ...]
    km: str
    en: str
    needs_reason: bool
    effect: str

    @property
    def label(self) -> str:
        return self.km if get_language() == "km" else self.en

    @property
    def by_applicant(self) -> bool:
        return APPLICANT in self.roles


@dataclass(frozen=True)
class Workflow:
    states: dict[str, tuple[str, str]]
    transitions: dict[str, Transition]
    fee_due: str = "submission"

    def state_label(self, key: str) -> str:
        km, en = self.states.get(key, (key, key))
        return km if get_language() == "km" else en

    def state_labels(self, key: str) -> dict[str, str]:
        km, en = self.states.get(key, (key, key))
        return {"km": km, "en": en}

    def from_state(self, state: str) -> list[Transition]:
        return [t for t in self.transitions.values() if state in t.sources]


def workflow_errors(data: Any) -> list[str]:
    """Return what is wrong with a workflow definition (empty when it is usable)."""
    if not isinstance(data, dict):
        return ["A workflow is an object with states and transitions."]
    errors = []
    states = [s.get("key") for s in data.get("states") or [] if isinstance(s, dict)]
    if "received" not in states:
        errors.append("A workflow needs the state 'received', where every case starts.")
    for s in data.get("states") or []:
        if not (isinstance(s, dict) and s.get("key") and s.get("km") and s.get("en")):
            errors.append(f"State {s!r} needs a key and names in Khmer and English.")
    if data.get("fee_due", "submission") not in FEE_DUE:
        errors.append(f"fee_due must be one of {', '.join(FEE_DUE)}.")
    keys: set[str] = set()
    for t in data.get("transitions") or []:
        key = t.get("key") if isinstance(t, dict) else None
        if not key or key in keys:
            errors.append(f"Transition {t!r} needs a key of its own.")
            continue
        keys.add(key)
        errors += _transition_errors(t, states)
    return errors


def _transition_errors(t: dict[str, Any], states: Sequence[object]) -> list[str]:
    key, errors = t["key"], []
    unknown = [s for s in [*(t.get("from") or []), t.get("to")] if s not in states]
    if unknown or not t.get("from"):
        errors.append(f"Transition {key} goes from or to unknown states: {unknown}.")
    if not t.get("roles"):
        errors.append(f"Transition {key} needs the roles allowed to take it.")
    if t.get("effect") and t["effect"] not in EFFECTS:
        errors.append(f"Transition {key} has an unknown effect {t['effect']!r}.")
    if not (t.get("km") and t.get("en")):
        errors.append(f"Transition {key} needs names in Khmer and English.")
    return errors


def parse_workflow(data: dict[str, Any]) -> Workflow:
    if errors := workflow_errors(data):
        raise ValueError("; ".join(errors))
    return Workflow(
        states={s["key"]: (s["km"], s["en"]) for s in data["states"]},
        transitions={
            t["key"]: Transition(
                key=t["key"],
                sources=tuple(t["from"]),
                target=t["to"],
                roles=tuple(t["roles"]),
                km=t["km"],
                en=t["en"],
                needs_reason=bool(t.get("reason")),
                effect=t.get("effect") or "",
            )
            for t in data["transitions"]
        },
        fee_due=data.get("fee_due", "submission"),
    )


@lru_cache(maxsize=1)
def default_workflow() -> Workflow:
    return parse_workflow(DEFAULT_WORKFLOW)
