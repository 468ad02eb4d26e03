from __future__ import annotations

import pytest

from cases.issuing import issued_document
from cases.models import Case
from cases.tests.factories import submit
from cases.workflow import CaseActionError, do_transition
from documents.issuing import verify_document
from documents.models import DocumentTemplate

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(world):
    case = submit(world.citizen, world.service, area=world.tree.village)
    do_transition(case, "start_review", actor=world.clerk)
    do_transition(case, "approve", actor=world.approver)
    return Case.objects.get(pk=case.pk)


def test_issuing_signs_a_document_that_verifies_with_the_service_and_reference(world, approved):
    do_transition(approved, "issue_document", actor=world.approver)
    document = issued_document(approved)
    verification = verify_document(document.code)
    assert verification.status == "valid"
    assert verification.authentic
    facts = {fact["key"]: fact for fact in document.facts}
    assert facts["reference"]["value_km"] == approved.reference
    assert facts["service"]["value_en"] == world.service.name_en
    assert document.holder == world.citizen
    assert document.office == approved.office
    assert document.display_code in approved.events.get(kind="document").text


def test_the_applicant_and_the_office_see_the_document_and_may_download_it(client, world, approved):
    do_transition(approved, "issue_document", actor=world.approver)
    pdf_url = f"/en/issued-documents/{issued_document(approved).code}/pdf/"
    for person, page_url in (
        (world.citizen, approved.get_applicant_url()),
        (world.approver, approved.get_absolute_url()),
    ):
        client.force_login(person)
        page = client.get(page_url.replace("/km/", "/en/"))
        assert "Download the document (PDF)" in page.text
        assert f'href="{pdf_url}"' in page.text
        download = client.get(pdf_url)
        assert download.status_code == 200
        assert download["Content-Type"] == "application/pdf"
    client.force_login(world.outsider)
    assert client.get(pdf_url).status_code == 403  # the document exists; not theirs


def test_an_officer_downloading_the_document_is_in_the_case_audit(client, world, approved):
    do_transition(approved, "issue_document", actor=world.approver)
    pdf_url = f"/en/issued-documents/{issued_document(approved).code}/pdf/"
    client.force_login(world.citizen)
    assert client.get(pdf_url).status_code == 200
    assert not approved.accesses.filter(what="document").exists()  # the holder's own
    client.force_login(world.clerk)
    assert client.get(pdf_url).status_code == 200
    access = approved.accesses.get(what="document")
    assert access.user == world.clerk and access.allowed and access.ip == "127.0.0.1"


def test_revoking_the_document_makes_the_verification_say_revoked(world, approved):
    do_transition(approved, "issue_document", actor=world.approver)
    issued = Case.objects.get(pk=approved.pk)
    do_transition(issued, "revoke_document", actor=world.head, reason="Wrong name")
    assert verify_document(issued_document(approved).code).status == "revoked"


def test_without_a_template_the_officer_is_told_and_the_case_stays_approved(world, approved):
    DocumentTemplate.objects.all().delete()
    with pytest.raises(CaseActionError, match="template"):
        do_transition(approved, "issue_document", actor=world.approver)
    assert Case.objects.get(pk=approved.pk).state == "approved"
