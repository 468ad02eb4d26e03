"""Reading the audit log (audit.AuditEntry): the entries about an office, for its officers
whose role reads them (the role matrix), and the entries about a person, for that person
("Who used my data"). Writing is `audit.log`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import User
from audit.labels import about_label, action_label
from audit.models import AuditEntry
from geo.models import Facility


@dataclass(frozen=True)
class Entry:
    """One audit entry as a page shows it."""

    when: datetime
    what: str
    about: str
    actor: str
    actor_is_you: bool
    office: str
    allowed: bool


def access_office_audit_by_code(user: User, code: str) -> Facility:
    """Return the office whose audit entries the user may read; 404 for an unknown code,
    PermissionDenied for everyone else."""
    office = get_object_or_404(Facility, code=code)
    if not user.has_perm("accounts.view_office_audit", office):
        raise PermissionDenied
    return office


def office_entries(office: Facility) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.for_offices([office.pk]).select_related("actor")


def person_entries(user: User) -> QuerySet[AuditEntry]:
    """Return what others (and the portal) did with the person's data or for them, and
    what they did themselves that concerns their own record."""
    return AuditEntry.objects.about_person(user).select_related("actor")


def as_entries(entries, viewer: User, *, unknown_actor: str) -> list[Entry]:
    """Turn a page of audit entries into what the page shows (office names in one query)."""
    entries = list(entries)
    office_ids = {e.office_id for e in entries if e.office_id is not None}
    offices = {f.pk: f.name for f in Facility.objects.filter(pk__in=office_ids)}
    return [
        Entry(
            when=e.created_at,
            what=action_label(e.action, e.data),
            about=about_label(e.action, e.data, e.object_repr),
            actor=e.actor.display_name if e.actor else unknown_actor,
            actor_is_you=e.actor_id is not None and e.actor_id == viewer.pk,
            office=offices.get(e.office_id, ""),
            allowed=e.allowed,
        )
        for e in entries
    ]
