from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from audit.models import AuditEntry
from cases.issuing import issued_document, months_after
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
    document = issued_document(approved)
    downloads = AuditEntry.objects.for_object(document).filter(
        action="documents.document.downloaded"
    )
    client.force_login(world.citizen)
    assert client.get(pdf_url).status_code == 200
    assert downloads.get().data["role"] == "holder"  # the holder's own
    client.force_login(world.clerk)
    assert client.get(pdf_url).status_code == 200
    access = downloads.get(actor=world.clerk)
    assert access.allowed and access.actor_address == "127.0.0.1"
    assert access.data["role"] == "officer"
    # Read by the case's office and the applicant, like the case's own openings.
    assert (access.office_id, access.person) == (approved.office_id, world.citizen)


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


def test_a_service_with_a_validity_issues_a_document_in_force_for_that_long(world, approved):
    world.service.validity_months = 12
    world.service.save(update_fields=["validity_months"])
    approved = Case.objects.get(pk=approved.pk)  # the service as it is now
    do_transition(approved, "issue_document", actor=world.approver)
    document = issued_document(approved)
    today = timezone.localdate()
    assert document.valid_from == today
    assert document.valid_until == months_after(today, 12) - timedelta(days=1)
    verification = verify_document(document.code)
    assert verification.authentic and verification.status == "valid"
    assert '"valid"' in document.content  # the validity is part of what is signed


def test_without_a_validity_the_document_does_not_expire(world, approved):
    do_transition(approved, "issue_document", actor=world.approver)
    document = issued_document(approved)
    assert (document.valid_from, document.valid_until) == (None, None)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2026-01-31", 1, "2026-02-28"),
        ("2028-01-31", 1, "2028-02-29"),
        ("2026-12-07", 12, "2027-12-07"),
        ("2026-11-30", 3, "2027-02-28"),
    ],
)
def test_months_after_keeps_the_day_or_takes_the_months_last(day, months, expected):
    assert months_after(date.fromisoformat(day), months) == date.fromisoformat(expected)


@pytest.mark.parametrize(
    ("valid_from", "valid_until", "revoke", "tag"),
    [
        (-10, 300, False, ("Valid", "មានសុពលភាព")),
        (5, 300, False, ("Not yet valid", "មិនទាន់មានសុពលភាព")),
        (-400, -1, False, ("Expired", "ផុតសុពលភាព")),
        (-400, -1, True, ("Revoked", "បានលុបចោល")),
    ],
)
def test_the_case_page_tags_the_document_by_its_dates_and_revocation(
    client, world, approved, valid_from, valid_until, revoke, tag
):
    do_transition(approved, "issue_document", actor=world.approver)
    document = issued_document(approved)
    today = timezone.localdate()
    document.valid_from = today + timedelta(days=valid_from)
    document.valid_until = today + timedelta(days=valid_until)
    document.save(update_fields=["valid_from", "valid_until"])
    if revoke:
        do_transition(approved, "revoke_document", actor=world.head, reason="Built otherwise")
    for person, page_url in (
        (world.citizen, approved.get_applicant_url()),
        (world.approver, approved.get_absolute_url()),
    ):
        client.force_login(person)
        for language, word in zip(("en", "km"), tag, strict=True):
            page = client.get(
                page_url.replace("/km/", f"/{language}/").replace("/en/", f"/{language}/")
            )
            tags = re.findall(r'<strong class="tag tag--\w+">([^<]+)</strong>', page.text)
            assert word in tags, (language, tags)
