"""Issuing and revoking a document each write one audit entry in the same transaction:
who did it, the document, the issuing office and the holder (issue 17, item 2)."""

from __future__ import annotations

import pytest

from audit.models import AuditEntry
from documents.issuing import do_revoke_document
from documents.tests.factories import create_user, issue
from geo.tests.factories import create_facility, create_tree

pytestmark = pytest.mark.django_db


def test_issuing_and_revoking_are_audited_with_the_office_and_the_holder():
    office = create_facility(create_tree().commune)
    holder, officer, head = create_user("dara"), create_user("clerk"), create_user("head")
    document = issue(office=office, issued_by=officer, holder=holder)
    do_revoke_document(document, by=head, reason="Issued with a wrong date of birth")
    entries = list(AuditEntry.objects.for_object(document).order_by("pk"))
    assert [(e.action, e.actor, e.office_id, e.person) for e in entries] == [
        ("documents.document.issued", officer, office.pk, holder),
        ("documents.document.revoked", head, office.pk, holder),
    ]
    assert entries[0].data["code"] == document.code
    assert entries[1].data["reason"] == "Issued with a wrong date of birth"


def test_a_refused_second_revocation_writes_nothing_more():
    document = issue(office=None)
    head = create_user("head")
    do_revoke_document(document, by=head, reason="Wrong name")
    with pytest.raises(Exception, match="already revoked"):
        do_revoke_document(document, by=head, reason="Again")
    assert (
        AuditEntry.objects.for_object(document).filter(action="documents.document.revoked").count()
        == 1
    )
