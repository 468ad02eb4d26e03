"""Who may download a document's PDF, revoke it or issue in an office's name; the audit."""

from __future__ import annotations

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import AnonymousUser

from accounts.models import OrganisationMember
from accounts.tests.factories import add_member, create_organisation, create_user, grant
from audit.models import AuditEntry
from documents.tests.factories import issue
from geo.tests.factories import create_facility, create_tree

pytestmark = pytest.mark.django_db

OFFICE_ROLES = ["clerk", "approver", "head-of-office", "editor"]
PERSONAS = [
    "anonymous",
    "holder",
    "other_citizen",
    "organisation_owner",
    "organisation_representative",
    *OFFICE_ROLES,
    "officer_of_another_office",
    "administrator",
]
OFFICERS = set(OFFICE_ROLES)
ADMIN = {"administrator"}
HOLDERS = {"holder", "organisation_owner", "organisation_representative"}

EXPECTED = {
    ("documents.download_issueddocument", "document"): HOLDERS | OFFICERS | ADMIN,
    ("documents.revoke_issueddocument", "document"): {"approver", "head-of-office"} | ADMIN,
    ("documents.issue_document", "office"): {"approver", "head-of-office"} | ADMIN,
}


@pytest.fixture
def world():
    tree = create_tree()
    office = create_facility(tree.commune, "commune-hall")
    other_office = create_facility(tree.other_commune, "commune-hall")
    people = {
        "anonymous": AnonymousUser(),
        "holder": create_user("dara"),
        "other_citizen": create_user("charlie"),
        "organisation_owner": create_user("sokha"),
        "organisation_representative": create_user("vanna"),
        "officer_of_another_office": create_user("rotha"),
        "administrator": create_user("admin", is_superuser=True, is_staff=True),
    }
    for code in OFFICE_ROLES:
        people[code] = create_user(code.replace("-", "_"))
        grant(people[code], office, code)
    grant(people["officer_of_another_office"], other_office, "approver")
    organisation = create_organisation(people["organisation_owner"])
    add_member(
        organisation, people["organisation_representative"], OrganisationMember.Role.REPRESENTATIVE
    )
    document = issue(
        office=office,
        issued_by=people["approver"],
        holder=people["holder"],
        holder_organisation=organisation,
    )
    return people, {"document": document, "office": office}


@pytest.mark.parametrize(("perm", "kind"), list(EXPECTED))
def test_every_persona_against_every_permission(world, perm, kind):
    people, objects = world
    allowed = {name for name in PERSONAS if people[name].has_perm(perm, objects[kind])}
    assert allowed == EXPECTED[(perm, kind)]


def downloads():
    return AuditEntry.objects.filter(action="documents.document.downloaded")


def pdf_url(document) -> str:
    return f"/en/issued-documents/{document.code}/pdf/"


def test_the_holder_downloads_the_pdf_and_it_is_recorded(client, world):
    people, objects = world
    document = objects["document"]
    client.force_login(people["holder"])
    response = client.get(pdf_url(document))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"]
    download = downloads().get()
    assert (download.actor, download.data["role"]) == (people["holder"], "holder")
    assert (download.person, download.object_id) == (people["holder"], str(document.pk))


def test_an_officer_of_the_issuing_office_downloads_and_is_audited(client, world):
    people, objects = world
    clerk = people["clerk"]
    TOTP.activate(clerk, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")  # officers must have 2FA
    client.force_login(clerk)
    response = client.get(pdf_url(objects["document"]), REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 200
    download = downloads().get()
    assert (download.actor, download.data["role"], download.actor_address) == (
        clerk,
        "officer",
        "203.0.113.9",
    )


def test_others_are_refused_and_nothing_is_recorded(client, world):
    people, objects = world
    document = objects["document"]
    anonymous = client.get(pdf_url(document))
    assert anonymous.status_code == 302 and "/account/" in anonymous["Location"]
    client.force_login(people["other_citizen"])
    assert client.get(pdf_url(document)).status_code == 403
    assert client.get("/en/issued-documents/0000000000000000/pdf/").status_code == 404
    assert not downloads().exists()


def test_the_verification_page_offers_the_pdf_only_to_those_who_may_have_it(client, world):
    people, objects = world
    document = objects["document"]
    assert pdf_url(document) not in client.get(f"/en/verify/{document.code}/").content.decode()
    client.force_login(people["holder"])
    assert pdf_url(document) in client.get(f"/en/verify/{document.code}/").content.decode()


def test_a_persons_documents_are_in_their_data_export(world):
    from accounts.profiles import export_personal_data

    people, objects = world
    exported = export_personal_data(people["holder"])["issued_documents"]
    assert [item["code"] for item in exported] == [objects["document"].code]
    assert export_personal_data(people["other_citizen"])["issued_documents"] == []


def test_behind_nginx_the_download_records_the_holders_own_address(client, world, settings):
    settings.SALA_TRUSTED_PROXY_COUNT = 1
    people, objects = world
    client.force_login(people["holder"])
    response = client.get(
        pdf_url(objects["document"]),
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.1, 2001:db8::24",
    )
    assert response.status_code == 200
    assert downloads().get().actor_address == "2001:db8::24"
