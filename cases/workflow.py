"""Taking a transition: the only way a case changes state (ADR 0024).

The workflow itself is data (`cases.definitions`; a service's own in
`cases.models.ServiceWorkflow`, read by `cases.models.workflow_for`).

`do_transition` is the only way a case changes state: one transaction that locks the
case, checks the version the person saw, the state and the role, saves with a conditional
update on the version (so the same action cannot be taken twice, even on SQLite), writes
the history and the audit entry, runs the transition's effect (issuing or revoking the
document, `cases.issuing`), calls the handlers apps above cases registered
(`register_transition_handler`: payments asks for a fee due on approval) and sends the
notification after the commit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.officers import active_memberships
from audit.log import log_action
from cases import issuing, notifying
from cases.definitions import (
    APPLICANT,
    DECIDERS,
    DECISION_STATES,
    DEFAULT_WORKFLOW,
    EFFECTS,
    FINAL_STATES,
    OFFICERS,
    Transition,
    Workflow,
    default_workflow,
    parse_workflow,
    workflow_errors,
)
from cases.errors import CaseActionError, StaleCaseError, stale_message
from cases.models import Case, CaseEvent, workflow_for

__all__ = [
    "APPLICANT",
    "DECIDERS",
    "DECISION_STATES",
    "DEFAULT_WORKFLOW",
    "EFFECTS",
    "FINAL_STATES",
    "OFFICERS",
    "CaseActionError",
    "StaleCaseError",
    "Transition",
    "Workflow",
    "applicant_transitions",
    "default_workflow",
    "do_transition",
    "lock_case",
    "office_roles",
    "officer_transitions",
    "parse_workflow",
    "save_change",
    "stale_message",
    "workflow_errors",
    "workflow_for",
]

logger = logging.getLogger(__name__)


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
    log_action(
        actor,
        f"cases.case.{key}",
        case,
        {"from": old_state, "to": transition.target, "reason": reason},
        office=case.office_id,
        person=case.applicant,
    )
    _run_effect(transition, case, actor, reason)
    for handler in _transition_handlers:
        handler(case, transition, actor)
    transaction.on_commit(
        lambda: notifying.notify_state_changed(case, transition, reason), robust=True
    )
    logger.info(
        "case transition",
        extra={"reference": case.reference, "transition": key, "actor_id": actor.pk},
    )
    return case


TransitionHandler = Callable[[Case, Transition, Any], object]
_transition_handlers: list[TransitionHandler] = []


def register_transition_handler(handler: TransitionHandler) -> TransitionHandler:
    """Call `handler(case, transition, actor)` after every transition, inside its
    transaction (a failure undoes the transition). Registering again changes nothing."""
    if handler not in _transition_handlers:
        _transition_handlers.append(handler)
    return handler


def _run_effect(transition: Transition, case: Case, actor, reason: str) -> None:
    if transition.effect == "issue_document":
        issuing.issue_document_for(case, actor)
    elif transition.effect == "revoke_document":
        issuing.revoke_document_for(case, actor, reason)
