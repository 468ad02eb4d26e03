"""Sending the cases app's notifications (called in `transaction.on_commit(..., robust=True)`:
the action has committed, so a notification that cannot be written is logged, never
reported to the officer or applicant as a failure of what they did)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation

from accounts.models import User
from cases.models import Case, CaseMessage, workflow_for
from notifications.api import notify


def _service(case: Case) -> dict[str, str]:
    return {"km": case.service.name_km, "en": case.service.name_en}


def _applicant_url(case: Case) -> str:
    with translation.override("km"):
        return case.get_applicant_url()


def _office_url(case: Case) -> str:
    with translation.override("km"):
        return case.get_absolute_url()


def notify_state_changed(case: Case, transition, reason: str) -> None:
    context = {
        "reference": case.reference,
        "service": _service(case),
        "status": workflow_for(case.service).state_labels(case.state),
        "reason": reason,
        "url": _applicant_url(case),
    }
    event = (
        "cases.information_requested"
        if transition.key == "request_information"
        else "cases.status_changed"
    )
    notify(case.applicant, event, context, key=f"case:{case.pk}:v{case.version}")


def notify_office_message(case: Case, message: CaseMessage) -> None:
    notify(
        case.applicant,
        "cases.office_message",
        {"reference": case.reference, "service": _service(case), "message": message.body,
         "url": _applicant_url(case)},
        key=f"case-message:{message.pk}",
    )  # fmt: skip


def notify_applicant_message(case: Case, message: CaseMessage) -> None:
    recipient = case.assigned_to
    if recipient is None:
        return
    notify(
        recipient,
        "cases.applicant_message",
        {"reference": case.reference, "service": _service(case), "message": message.body,
         "url": _office_url(case)},
        key=f"case-message:{message.pk}",
    )  # fmt: skip


def notify_assigned(case: Case, assignee) -> None:
    notify(
        assignee,
        "cases.assigned",
        {"reference": case.reference, "service": _service(case), "url": _office_url(case)},
        key=f"case:{case.pk}:assigned:v{case.version}",
    )


def notify_national_queue(case: Case) -> None:
    for admin in User.objects.filter(is_superuser=True, is_active=True):
        notify(
            admin,
            "cases.national_queue",
            {"reference": case.reference, "service": _service(case),
             "url": _office_url(case)},
            key=f"case:{case.pk}:national",
        )  # fmt: skip


def notify_overdue(office, officers, count: int, day) -> int:
    with translation.override("km"):
        url = reverse("cases:queue") + "?overdue=1"
    for officer in officers:
        notify(
            officer,
            "cases.overdue",
            {"count": count, "office": {"km": office.name_km, "en": office.name_en}, "url": url},
            key=f"overdue:{office.pk}:{officer.pk}:{day.isoformat()}",
        )
    return len(officers)
