"""Loading cases: the only way views get them, each opening by an officer audited."""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404

from cases.models import Case, CaseAccess
from core.addresses import client_address

logger = logging.getLogger(__name__)


def record_access(case: Case, user, *, allowed: bool, what: str, ip: str | None = None) -> None:
    CaseAccess.objects.create(case=case, user=user, allowed=allowed, what=what, ip=ip)
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
    record_access(case, request.user, allowed=allowed, what=what, ip=client_address(request))
    if not allowed:
        raise PermissionDenied
    return case


def access_case_for_applicant(user, public_id) -> Case:
    """Return the person's own case; 404 for anyone else."""
    case = _load(public_id)
    if not user.has_perm("cases.view_own_case", case):
        raise Http404
    return case
