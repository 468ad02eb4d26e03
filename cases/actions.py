"""What officers and applicants do to a case besides transitions: assigning, re-routing,
notes, messages, answering a request for information, and bulk actions."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import OfficeMembership, User
from audit.log import log_action
from cases.models import Case, CaseEvent, CaseMessage
from cases.notifying import (
    notify_applicant_message,
    notify_assigned,
    notify_office_message,
)
from cases.workflow import (
    CaseActionError,
    do_transition,
    lock_case,
    office_roles,
    save_change,
)
from geo.models import Facility
from services.models import Application

logger = logging.getLogger(__name__)

MESSAGE_FIELD = "case-message"


def colleagues(case: Case):
    """Return the officers who may be given the case (active in its office)."""
    if case.office_id is None:
        return User.objects.filter(is_superuser=True, is_active=True).order_by("username")
    return (
        User.objects.filter(pk__in=active_memberships_for_office(case.office_id).values("user_id"))
        .distinct()
        .order_by("username")
    )


def active_memberships_for_office(office_id: int):
    return OfficeMembership.objects.active().filter(office_id=office_id)


def _require_officer(case: Case, user) -> None:
    if not office_roles(user, case):
        raise PermissionDenied


@transaction.atomic
def do_assign_case(
    case: Case, assignee, *, by, ip: str | None = None, expected_version: int | None = None
) -> Case:
    """Give the case to `assignee` (an officer of its office), or to nobody (None)."""
    case = lock_case(case.pk, expected_version)
    _require_officer(case, by)
    if assignee is not None and not colleagues(case).filter(pk=assignee.pk).exists():
        raise CaseActionError(_("This person does not work for the office handling the case."))
    if case.assigned_to_id == (assignee.pk if assignee else None):
        return case
    save_change(case, assigned_to=assignee)
    log_action(by, "cases.case.assigned", case, {"to": assignee.pk if assignee else None},
               office=case.office_id, person=case.applicant)  # fmt: skip
    CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.ASSIGNED,
        actor=by,
        text=assignee.display_name if assignee else "",
        ip=ip,
    )
    if assignee is not None and assignee.pk != by.pk:
        transaction.on_commit(lambda: notify_assigned(case, assignee), robust=True)
    return case


@transaction.atomic
def do_reroute_case(
    case: Case,
    office: Facility,
    *,
    by,
    reason: str,
    ip: str | None = None,
    expected_version: int | None = None,
) -> Case:
    """Send the case to another office (it is unassigned there), with the reason.

    The only change of a submitted application's office: the case and the application
    move together, so that every right on the application, its files and its documents
    passes to the new office and leaves the old one (`services.rules`,
    `documents.handling`)."""
    case = lock_case(case.pk, expected_version)
    _require_officer(case, by)
    if not reason.strip():
        raise CaseActionError(_("Say why the case goes to another office."))
    if office.pk == case.office_id:
        raise CaseActionError(_("The case is already with this office."))
    old = case.office
    save_change(case, office=office, assigned_to=None)
    Application.objects.filter(pk=case.application_id).update(office=office)
    log_action(
        by,
        "cases.case.rerouted",
        case,
        {"from": old.code if old else None, "to": office.code, "reason": reason.strip()},
        office=office,
        person=case.applicant,
    )
    CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.REROUTED,
        actor=by,
        text=f"{old.name if old else _('National queue')} → {office.name}: {reason.strip()}",
        ip=ip,
    )
    logger.info(
        "case rerouted",
        extra={"reference": case.reference, "office": office.code, "actor_id": by.pk},
    )
    return case


@transaction.atomic
def do_add_note(case: Case, text: str, *, by, ip: str | None = None) -> CaseEvent:
    """Add an internal note (never shown to the applicant)."""
    _require_officer(case, by)
    if not text.strip():
        raise CaseActionError(_("Write the note."))
    return CaseEvent.objects.create(
        case=case, kind=CaseEvent.Kind.NOTE, actor=by, text=text.strip(), ip=ip
    )


@transaction.atomic
def do_send_office_message(case: Case, body: str, *, by) -> CaseMessage:
    """Send a message from the office to the applicant."""
    _require_officer(case, by)
    if not body.strip():
        raise CaseActionError(_("Write the message."))
    message = CaseMessage.objects.create(case=case, author=by, from_office=True, body=body.strip())
    transaction.on_commit(lambda: notify_office_message(case, message), robust=True)
    return message


@transaction.atomic
def do_send_applicant_message(
    case: Case, body: str, *, by, files: Iterable = (), answer: bool = False, ip=None
) -> CaseMessage:
    """Send the applicant's message (with files); with `answer`, it answers the request
    for information and puts the case back in review."""
    if by.pk != case.applicant_id:
        raise PermissionDenied
    if not body.strip():
        raise CaseActionError(_("Write your message."))
    if answer:
        do_transition(case, "answer", actor=by, ip=ip)
    message = CaseMessage.objects.create(case=case, author=by, from_office=False, body=body.strip())
    if files:
        message.attachments.set(files)
    transaction.on_commit(lambda: notify_applicant_message(case, message), robust=True)
    return message


def do_bulk(cases: Iterable[Case], action: str, *, by, assignee=None, ip=None) -> tuple[int, int]:
    """Apply a safe bulk action ("assign" or "start_review") to each case, each in its own
    transaction; return (done, refused). A refused case does not stop the others."""
    done = refused = 0
    for case in cases:
        try:
            if action == "assign":
                do_assign_case(case, assignee, by=by, ip=ip)
            elif action == "start_review":
                do_transition(case, "start_review", actor=by, ip=ip)
            else:
                raise CaseActionError(_("This action cannot be taken on several cases."))
        except (CaseActionError, PermissionDenied):
            refused += 1
        else:
            done += 1
    return done, refused
