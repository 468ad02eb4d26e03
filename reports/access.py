"""The only ways views load reports: the public part for anyone, who sent it for the
reporter and the officers of its office (each officer's look in the audit log), the
office's list for its officers."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Case, When
from django.http import Http404

from accounts.officers import offices_of
from accounts.roles import READ_CASE, roles_for
from audit.log import log_access
from reports.models import Report


@dataclass(frozen=True)
class Reporter:
    """Who sent a report, as the office sees it."""

    name: str
    email: str
    phone: str
    through: str  # the Open311 application, if one sent it


def access_report_by_reference(reference: str) -> Report:
    """The public part of a report: everyone may read it."""
    report = Report.objects.public().filter(reference=reference.upper()).first()
    if report is None:
        raise Http404
    return report


def reporter_for_officer(user, report: Report) -> Reporter | None:
    """Who sent the report, for an officer of its office who may read cases there (the
    look audited); None for everyone else, the reporter included (they know)."""
    if not user.is_authenticated or not user.has_perm("reports.view_reporter", report):
        return None
    with transaction.atomic():
        log_access(
            user, "reports.report.reporter_viewed", report, office=report.office, person=report.user
        )
    person = report.user
    return Reporter(
        name=person.display_name if person else report.contact_name,
        email=(person.email if person else report.contact_email) or "",
        phone=(str(person.mobile or "") if person else report.contact_phone),
        through=report.api_key.name if report.api_key else "",
    )


def may_see_photos(user, report: Report) -> bool:
    return user.is_authenticated and (
        report.user_id == user.pk or user.has_perm("reports.view_reporter", report)
    )


def office_reports(user):
    """The reports of the offices where the user may read cases, open ones first."""
    offices = offices_of(user, roles_for(READ_CASE))
    return (
        Report.objects.public()
        .filter(office__in=offices)
        .annotate(closed=Case(When(status__in=Report.CLOSED_STATUSES, then=1), default=0))
        .order_by("closed", "-created_at")
    )
