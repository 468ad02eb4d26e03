"""Workflows as data, and taking a transition (ADR 0024).

A workflow is a JSON document: its `states` (key and names in Khmer and English) and its
`transitions` (key, the states it starts `from`, the state it goes `to`, the `roles`
allowed to take it — office role codes, or "applicant" — whether a `reason` is required,
and an optional `effect`). A service uses `DEFAULT_WORKFLOW` unless it has a
`cases.ServiceWorkflow`. Whatever the workflow, a state whose key is in `FINAL_STATES`
takes the case out of the open queue and stops its clock.

`do_transition` is the only way a case changes state: one transaction that locks the
case, checks the version the person saw, the state and the role, saves with a conditional
update on the version (so the same action cannot be taken twice, even on SQLite), writes
the history and sends the notification after the commit.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.officers import active_memberships
from accounts.roles import DECIDE, HANDLE_CASE, REVOKE, roles_for
from cases.models import Case, CaseEvent

logger = logging.getLogger(__name__)

APPLICANT = "applicant"
# The default workflow's roles come from the role matrix (accounts/roles.py).
OFFICERS = list(roles_for(HANDLE_CASE))
DECIDERS = list(roles_for(DECIDE))
REVOKERS = list(roles_for(REVOKE))
FINAL_STATES = ("rejected", "document_issued", "document_revoked", "withdrawn", "closed")
DECISION_STATES = ("approved", "rejected")
EFFECTS = ("issue_document", "revoke_document")


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
    keys: set[str] = set()
    for t in data.get("transitions") or []:
        key = t.get("key") if isinstance(t, dict) else None
        if not key or key in keys:
            errors.append(f"Transition {t!r} needs a key of its own.")
            continue
        keys.add(key)
        errors += _transition_errors(t, states)
    return errors


def _transition_errors(t: dict[str, Any], states: list[str]) -> list[str]:
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
    )


@lru_cache(maxsize=1)
def default_workflow() -> Workflow:
    return parse_workflow(DEFAULT_WORKFLOW)


def workflow_for(service) -> Workflow:
    """Return the service's workflow (its own, or the default)."""
    if not service.pk:
        return default_workflow()
    cache = getattr(service, "_case_workflow", None)
    if cache is None:
        from cases.models import ServiceWorkflow

        own = ServiceWorkflow.objects.filter(service_id=service.pk).first()
        cache = service._case_workflow = (
            parse_workflow(own.definition) if own else default_workflow()
        )
    return cache


class CaseActionError(Exception):
    """The action cannot be taken; the message says why, in the person's language."""


class StaleCaseError(CaseActionError):
    """The case changed since the person loaded the page."""


def stale_message() -> str:
    return _(
        "Someone changed this case after you opened the page, so nothing was done. "
        "Check what changed below and try again if it is still needed."
    )


def office_roles(user, case: Case) -> set[str]:
    """Return the roles the user has in the case's office (administrators hold every
    officer role, and only they handle the national queue)."""
    if user.is_active and user.is_superuser:
        return set(OFFICERS)
    if case.office_id is None:
        return set()
    return set(
        active_memberships(user)
        .filter(office_id=case.office_id)
        .values_list("role__code", flat=True)
    )


def officer_transitions(case: Case, roles: set[str]) -> list[Transition]:
    """Return the transitions an officer with these roles may take now."""
    return [
        t
        for t in workflow_for(case.service).from_state(case.state)
        if not t.by_applicant and roles & set(t.roles)
    ]


def applicant_transitions(case: Case) -> list[Transition]:
    return [t for t in workflow_for(case.service).from_state(case.state) if t.by_applicant]


def lock_case(case_id: int, expected_version: int | None) -> Case:
    """Lock the case row for this transaction; refuse if it moved past what was seen."""
    case = Case.objects.select_for_update().select_related("service", "applicant").get(pk=case_id)
    if expected_version is not None and case.version != expected_version:
        raise StaleCaseError(stale_message())
    return case


def save_change(case: Case, **changes: Any) -> Case:
    """Save the changes and bump the version, only if nobody else did in between."""
    updated = Case.objects.filter(pk=case.pk, version=case.version).update(
        version=F("version") + 1, updated_at=timezone.now(), **changes
    )
    if updated != 1:
        raise StaleCaseError(stale_message())
    for name, value in changes.items():
        setattr(case, name, value)
    case.version += 1
    return case


@transaction.atomic
def do_transition(
    case: Case,
    key: str,
    *,
    actor,
    reason: str = "",
    ip: str | None = None,
    expected_version: int | None = None,
) -> Case:
    """Take the transition `key` on the case, as `actor`; return the updated case.

    Raises StaleCaseError (the case changed since `expected_version`), CaseActionError
    (not possible in this state, or a reason is missing) or PermissionDenied.
    """
    case = lock_case(case.pk, expected_version)
    workflow = workflow_for(case.service)
    transition = workflow.transitions.get(key)
    if transition is None:
        raise CaseActionError(_("This action does not exist."))
    if transition.by_applicant:
        allowed = actor.pk == case.applicant_id
    else:
        allowed = bool(office_roles(actor, case) & set(transition.roles))
    if not allowed:
        raise PermissionDenied
    if case.state not in transition.sources:
        if case.state == transition.target:
            raise CaseActionError(
                _("This was already done: the case is %(state)s.")
                % {"state": workflow.state_label(case.state)}
            )
        raise CaseActionError(
            _("This action is not possible while the case is %(state)s.")
            % {"state": workflow.state_label(case.state)}
        )
    reason = reason.strip()
    if transition.needs_reason and not reason:
        raise CaseActionError(_("Write the reason: the applicant will read it."))
    old_state = case.state
    changes: dict[str, Any] = {"state": transition.target}
    if transition.target in DECISION_STATES:
        changes["decided_at"] = timezone.now()
    save_change(case, **changes)
    CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.TRANSITION,
        transition=key,
        from_state=old_state,
        to_state=transition.target,
        actor=actor,
        text=reason,
        ip=ip,
    )
    _run_effect(transition, case, actor, reason)
    from cases.notifying import notify_state_changed

    transaction.on_commit(lambda: notify_state_changed(case, transition, reason), robust=True)
    logger.info(
        "case transition",
        extra={"reference": case.reference, "transition": key, "actor_id": actor.pk},
    )
    return case


def _run_effect(transition: Transition, case: Case, actor, reason: str) -> None:
    from cases import issuing

    if transition.effect == "issue_document":
        issuing.issue_document_for(case, actor)
    elif transition.effect == "revoke_document":
        issuing.revoke_document_for(case, actor, reason)
