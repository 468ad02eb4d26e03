"""The seam between a case's workflow and the documents it issues.

The workflow's "issue_document" and "revoke_document" effects call these two functions
inside the transition's transaction. Today they record the issue (or revocation) in the
case's history; once the `documents` app is merged they call
`documents.issuing.do_issue_document(...)` and `do_revoke_document(...)` here, and
nothing else in `cases` changes.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from cases.models import Case, CaseEvent


def issue_document_for(case: Case, officer) -> CaseEvent:
    """Issue the case's document, signed by the office, as `officer`."""
    return CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.DOCUMENT,
        transition="issue_document",
        actor=officer,
        text=_("Document issued for %(service)s, reference %(reference)s.")
        % {"service": case.service.name, "reference": case.reference},
    )


def revoke_document_for(case: Case, officer, reason: str) -> CaseEvent:
    """Revoke the document issued for the case, for `reason`."""
    return CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.DOCUMENT,
        transition="revoke_document",
        actor=officer,
        text=reason,
    )
