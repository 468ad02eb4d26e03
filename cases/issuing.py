"""The seam between a case's workflow and the documents it issues: the one place in `cases`
that calls the `documents` app.

The workflow's "issue_document" and "revoke_document" effects call these two functions
inside the transition's transaction, so a document that cannot be issued leaves the case
as it was (the officer reads why).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from cases.errors import CaseActionError
from cases.models import Case, CaseEvent
from documents.issuing import DocumentError, do_issue_document, do_revoke_document
from documents.models import DocumentTemplate, IssuedDocument

# The template used when a service has none of its own (its key is the service's slug).
GENERIC_TEMPLATE = "certificate"

# Apps above cases say why a case's document may not be issued yet (payments: the fee is
# not paid): each returns a translated reason, or None.
IssueCheck = Callable[[Case], str | None]
_issue_checks: list[IssueCheck] = []


def register_issue_check(check: IssueCheck) -> IssueCheck:
    """Ask `check(case)` before issuing; a reason it returns stops the issuing (the officer
    reads it). Registering again changes nothing."""
    if check not in _issue_checks:
        _issue_checks.append(check)
    return check


def reasons_not_to_issue(case: Case) -> list[str]:
    return [reason for check in _issue_checks if (reason := check(case))]


def template_for(case: Case) -> DocumentTemplate | None:
    """Return the service's own template (key = the service's slug), else the generic one."""
    templates = DocumentTemplate.objects.filter(key__in=[case.service.slug, GENERIC_TEMPLATE])
    by_key = {template.key: template for template in templates}
    return by_key.get(case.service.slug) or by_key.get(GENERIC_TEMPLATE)


def holder_name(person: User) -> str:
    """Return the name to print: Khmer and Latin letters when the profile has both."""
    if person.name_km and person.name_latin:
        return f"{person.name_km} ({person.name_latin})"
    return person.display_name


def facts_of(case: Case) -> list[dict[str, str]]:
    """Return the few facts the document certifies: the service, the reference, the area."""
    facts = [
        {
            "key": "service",
            "label_km": "សេវា",
            "label_en": "Service",
            "value_km": case.service.name_km,
            "value_en": case.service.name_en,
        },
        {
            "key": "reference",
            "label_km": "លេខយោង",
            "label_en": "Reference",
            "value_km": case.reference,
        },
    ]
    if case.area is not None:
        facts.append(
            {
                "key": "area",
                "label_km": "ទីតាំង",
                "label_en": "Place",
                "value_km": case.area.name_km,
                "value_en": case.area.name_en,
            }
        )
    return facts


def months_after(day: date, months: int) -> date:
    """Return the same day `months` later (the month's last day when it is shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def validity_for(case: Case, issued_on: date) -> tuple[date | None, date | None]:
    """Return the days a document issued for the case is in force: from the day of issue
    for the service's `validity_months` (up to the day before the same date then), or no
    validity at all when the service sets none (a birth certificate does not expire)."""
    months = case.service.validity_months
    if not months:
        return None, None
    return issued_on, months_after(issued_on, months) - timedelta(days=1)


def issue_document_for(case: Case, officer: User) -> CaseEvent:
    """Issue the case's signed document as `officer`, in force for as long as the service
    says; record it in the case's history. Refused while a registered check says the case
    is not ready (a fee not paid)."""
    reasons = reasons_not_to_issue(case)
    if reasons:
        raise CaseActionError(" ".join(reasons))
    template = template_for(case)
    if template is None:
        raise CaseActionError(_("No document template is set up for this service."))
    issued_at = timezone.now()
    valid_from, valid_until = validity_for(case, timezone.localdate(issued_at))
    try:
        document = do_issue_document(
            kind=template.kind,
            template_key=template.key,
            holder_name=holder_name(case.applicant),
            facts=facts_of(case),
            issuer_office=case.office,
            issued_by=officer,
            subject=case,
            holder=case.applicant,
            holder_organisation=case.application.organisation,
            issued_at=issued_at,
            valid_from=valid_from,
            valid_until=valid_until,
        )
    except DocumentError as error:
        raise CaseActionError(str(error)) from error
    return CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.DOCUMENT,
        transition="issue_document",
        actor=officer,
        text=_("Document %(code)s issued for %(service)s, reference %(reference)s.")
        % {
            "code": document.display_code,
            "service": case.service.name,
            "reference": case.reference,
        },
    )


def issued_document(case: Case) -> IssuedDocument | None:
    """Return the newest document issued for the case, or None."""
    return IssuedDocument.objects.for_subject(case).order_by("-issued_at").first()


def revoke_document_for(case: Case, officer: User, reason: str) -> CaseEvent:
    """Revoke the document issued for the case, for `reason`."""
    document = issued_document(case)
    if document is None:
        raise CaseActionError(_("No document was issued for this case."))
    try:
        do_revoke_document(document, by=officer, reason=reason)
    except DocumentError as error:
        raise CaseActionError(str(error)) from error
    return CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.DOCUMENT,
        transition="revoke_document",
        actor=officer,
        text=reason,
    )
