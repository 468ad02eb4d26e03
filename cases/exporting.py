"""The person's cases in their personal-data export (accounts.profiles): each case's state,
its office, the history the applicant sees (no internal notes, no refused attempts) and
the messages with the office."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch

from cases.models import Case, CaseEvent, CaseMessage

APPLICANT_HISTORY = (
    CaseEvent.Kind.OPENED,
    CaseEvent.Kind.TRANSITION,
    CaseEvent.Kind.DOCUMENT,
)


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def export_section(user) -> list[dict[str, Any]]:
    cases = (
        Case.objects.filter(applicant=user)
        .select_related("service", "office", "application")
        .prefetch_related(
            Prefetch(
                "events",
                queryset=CaseEvent.objects.filter(kind__in=APPLICANT_HISTORY).order_by(
                    "created_at", "pk"
                ),
            ),
            Prefetch(
                "messages",
                queryset=CaseMessage.objects.prefetch_related("attachments").order_by(
                    "created_at", "pk"
                ),
            ),
        )
        .order_by("received_at", "pk")
    )
    return [_case(case) for case in cases]


def _case(case: Case) -> dict[str, Any]:
    return {
        "reference": case.reference,
        "application": str(case.application.public_id),
        "service": {"km": case.service.name_km, "en": case.service.name_en},
        "office": (
            {"code": case.office.code, "km": case.office.name_km, "en": case.office.name_en}
            if case.office
            else None
        ),
        "state": case.state,
        "received_at": _iso(case.received_at),
        "decided_at": _iso(case.decided_at),
        "history": [
            {
                "kind": event.kind,
                "action": event.transition,
                "from": event.from_state,
                "to": event.to_state,
                "text": event.text if event.kind == CaseEvent.Kind.TRANSITION else "",
                "at": _iso(event.created_at),
            }
            for event in case.events.all()
        ],
        "messages": [
            {
                "from_office": message.from_office,
                "body": message.body,
                "files": [a.original_name for a in message.attachments.all()],
                "sent_at": _iso(message.created_at),
            }
            for message in case.messages.all()
        ],
    }
