"""Opening a case when an application is submitted, and routing it to an office."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from cases.models import Case, CaseEvent
from cases.sla import due_date_for
from services.routing import office_for_application

logger = logging.getLogger(__name__)


def do_open_case(application, *, taken_at_counter_by=None) -> Case:
    """Return the application's case, opening it (routed, with its due date) the first
    time. Called inside the submitting transaction; calling it again changes nothing."""
    with transaction.atomic():
        existing = Case.objects.filter(application=application).first()
        if existing is not None:
            return existing
        now = application.submitted_at or timezone.now()
        office = office_for_application(application)
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
        CaseEvent.objects.create(
            case=case,
            kind=CaseEvent.Kind.OPENED,
            to_state=case.state,
            actor=taken_at_counter_by or application.user,
            created_at=now,
        )
    from cases.notifying import notify_national_queue

    if office is None:
        transaction.on_commit(lambda: notify_national_queue(case), robust=True)
    logger.info(
        "case opened",
        extra={"reference": case.reference, "office": office.code if office else "national"},
    )
    return case
