"""The person's applications in their personal-data export (accounts.profiles): drafts and
submitted ones, with their answers, what the registries answered for them, and the names
of the files they attached (the files themselves are downloaded from the application's
page)."""

from __future__ import annotations

from typing import Any

from services.models import Application


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def export_section(user) -> list[dict[str, Any]]:
    applications = (
        Application.objects.filter(user=user)
        .select_related("service", "area")
        .prefetch_related("attachments")
        .order_by("created_at", "pk")
    )
    return [
        {
            "id": str(application.public_id),
            "service": {
                "slug": application.service.slug,
                "km": application.service.name_km,
                "en": application.service.name_en,
            },
            "state": application.state,
            "reference": application.reference,
            "area": application.area.code if application.area else None,
            "answers": application.answers,
            # What the registries answered for the form, kept with the draft.
            "filled_in_from_registries": application.prefilled,
            "files": [
                {
                    "name": attachment.original_name,
                    "type": attachment.content_type,
                    "size": attachment.size,
                    "uploaded_at": _iso(attachment.uploaded_at),
                }
                for attachment in application.attachments.all()
            ],
            "started_at": _iso(application.created_at),
            "submitted_at": _iso(application.submitted_at),
        }
        for application in applications
    ]
