"""Loading cases: the only way views get them, each opening by an officer audited.

Every opening by an officer (allowed or refused) is an entry in the one audit log
(`audit.log.log_access`, action `cases.case.viewed`, with what was opened in its data),
readable by the case's office and by the applicant.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404

from audit.log import log_access
from cases.models import Case

logger = logging.getLogger(__name__)


VIEWED = "cases.case.viewed"


def record_access(case: Case, user, *, allowed: bool, what: str) -> None:
    """Record that an officer opened the case for `what` (a page, an action), or was
    refused. The address is the request's (`core.middleware`)."""
    log_access(
        user,
        VIEWED,
        case,
        allowed=allowed,
        office=case.office_id,
        person=case.applicant,
        data={"what": what},
    )
    if not allowed:
        logger.warning(
            "case access refused",
            extra={"reference": case.reference, "user_id": user.pk, "what": what},
        )


def _load(public_id) -> Case:
    try:
        return Case.objects.select_related(
            "service", "applicant", "office", "area", "assigned_to", "application__form_version"
        ).get(public_id=public_id)
    except (Case.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def access_case_for_officer(request, public_id, what: str = "view") -> Case:
    """Return the case if the user works for its office; record the access either way.
    An officer of another office gets PermissionDenied (403)."""
    case = _load(public_id)
    allowed = request.user.has_perm("cases.view_case", case)
    record_access(case, request.user, allowed=allowed, what=what)
    if not allowed:
        raise PermissionDenied
    return case


def access_case_for_applicant(user, public_id) -> Case:
    """Return the person's own case; 404 for anyone else."""
    case = _load(public_id)
    if not user.has_perm("cases.view_own_case", case):
        raise Http404
    return case
