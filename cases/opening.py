"""Opening a case when an application is submitted.

`services.submitting` calls `do_open_case` inside the submitting transaction (registered
in `CasesConfig.ready` through `services.submitting.register_submission_handler`), once
it has stored the application's office: the case starts with that office, and from then
on only `cases.actions.do_reroute_case` changes it (on the case and the application
together).

Apps above cases act on a new case through `register_opened_handler` (payments asks for
the fee there), called in the same transaction, so a case never exists without them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from audit.log import log_action
from cases.counter import counter_officer_for
from cases.models import Case, CaseEvent
from cases.notifying import notify_national_queue
from cases.sla import due_date_for

logger = logging.getLogger(__name__)

OpenedHandler = Callable[[Case], object]
_opened_handlers: list[OpenedHandler] = []


def register_opened_handler(handler: OpenedHandler) -> OpenedHandler:
    """Call `handler(case)` whenever a case is opened, inside the opening transaction.
    Registering the same handler again changes nothing."""
    if handler not in _opened_handlers:
        _opened_handlers.append(handler)
    return handler


def do_open_case(application) -> Case:
    """Return the application's case, opening it (with the application's office and its
    due date) the first time. Called inside the submitting transaction; calling it again
    changes nothing. A case taken at the counter is marked with the officer's name."""
    with transaction.atomic():
        existing = Case.objects.filter(application=application).first()
        if existing is not None:
            return existing
        now = application.submitted_at or timezone.now()
        office = application.office
        taken_at_counter_by = counter_officer_for(application)
        case = Case.objects.create(
            application=application,
            reference=application.reference,
            service=application.service,
            applicant=application.user,
            office=office,
            area=application.area,
            received_at=now,
            due_date=due_date_for(application.service, timezone.localdate(now)),
            taken_at_counter_by=taken_at_counter_by,
        )
        actor = taken_at_counter_by or application.user
        CaseEvent.objects.create(
            case=case, kind=CaseEvent.Kind.OPENED, to_state=case.state, actor=actor, created_at=now
        )
        log_action(
            actor,
            "cases.case.opened",
            case,
            {"office": office.code if office else None, "counter": bool(taken_at_counter_by)},
            office=office,
            person=application.user,
        )
        for handler in _opened_handlers:
            handler(case)
    if office is None:
        transaction.on_commit(lambda: notify_national_queue(case), robust=True)
    logger.info(
        "case opened",
        extra={"reference": case.reference, "office": office.code if office else "national"},
    )
    return case
