"""Issuing, signing, tampering, key rotation and revocation."""

from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.utils import translation

from documents.issuing import DocumentError, do_revoke_document, verify_document
from documents.models import IssuedDocument
from documents.signing import key_id_of, private_key_pem, public_key_base64
from documents.tests.factories import BIRTH_FACTS, TEST_KEY, create_user, issue
from geo.tests.factories import create_facility, create_tree

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def office():
    return create_facility(create_tree().commune, "commune-hall")


def test_an_issued_document_is_signed_over_its_canonical_content(office, documents_settings):
    document = issue(office=office)
    content = json.loads(document.content)
    assert content["code"] == document.code
    assert content["holder"] == "សុខ ដារា"
    assert [fact["label_en"] for fact in content["facts"]] == [
        "Name",
        "Date of birth",
        "Place of birth",
    ]
    assert content["issuer"] == {"code": office.code, "km": office.name_km, "en": office.name_en}
    assert document.content == json.dumps(
        content, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    assert document.key_id == key_id_of(TEST_KEY.public_key())
    verification = verify_document(document.code)
    assert verification.status == "valid"
    assert verification.authentic
    assert documents_settings.exists(document.pdf_name)


def test_a_tampered_fact_fails_verification(office):
    document = issue(office=office)
    facts = [dict(fact) for fact in document.facts]
    facts[1]["value_en"] = "14 April 2010"
    IssuedDocument.objects.filter(pk=document.pk).update(facts=facts)
    verification = verify_document(document.code)
    assert verification.signature_valid  # the stored content is still what was signed
    assert not verification.content_matches
    assert not verification.authentic


def test_tampered_signed_content_fails_the_signature(office):
    document = issue(office=office)
    forged = document.content.replace("SOK DARA", "SOK DANA")
    IssuedDocument.objects.filter(pk=document.pk).update(content=forged)
    assert not verify_document(document.code).signature_valid


def test_a_document_signed_with_a_retired_key_still_verifies(office, settings):
    old_document = issue(office=office)
    new_key = Ed25519PrivateKey.generate()
    settings.SALA_DOCUMENT_SIGNING_KEY = private_key_pem(new_key)
    settings.SALA_DOCUMENT_RETIRED_PUBLIC_KEYS = [public_key_base64(TEST_KEY.public_key())]
    new_document = issue(office=office)
    assert new_document.key_id == key_id_of(new_key.public_key())
    assert verify_document(old_document.code).authentic
    assert verify_document(new_document.code).authentic
    settings.SALA_DOCUMENT_RETIRED_PUBLIC_KEYS = []
    assert not verify_document(old_document.code).signature_valid


def test_a_raw_base64_key_is_accepted(office, settings):
    import base64

    from cryptography.hazmat.primitives import serialization

    raw = TEST_KEY.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    settings.SALA_DOCUMENT_SIGNING_KEY = base64.b64encode(raw).decode()
    assert verify_document(issue(office=office).code).authentic


def test_an_unknown_code_is_unknown():
    assert verify_document("0000000000000000").status == "unknown"
    assert verify_document(None).status == "unknown"


def test_revoking_records_who_when_why_and_only_once(office):
    document = issue(office=office)
    head = create_user("head")
    do_revoke_document(document, by=head, reason="Wrong date of birth")
    document.refresh_from_db()
    assert document.status == "revoked"
    assert document.revoked_by == head
    assert document.revocation_reason == "Wrong date of birth"
    assert verify_document(document.code).authentic  # revoked, but genuine
    with pytest.raises(DocumentError, match="already revoked"):
        do_revoke_document(document, by=head, reason="Again")


def test_revoking_needs_a_reason(office):
    with pytest.raises(DocumentError):
        do_revoke_document(issue(office=office), by=create_user("head"), reason="  ")


def test_bad_issue_requests_are_refused(office):
    with pytest.raises(DocumentError, match="template"):
        issue(office=office, template_key="no-such-template")
    with pytest.raises(DocumentError, match="kind"):
        issue(office=office, kind="licence")
    with pytest.raises(DocumentError, match="fact"):
        issue(office=office, facts=[{"label_km": "ឈ្មោះ", "value_km": "x"}])
    with pytest.raises(DocumentError, match="fact"):
        issue(office=office, facts=[])
    assert not IssuedDocument.objects.exists()


def test_the_subject_link_finds_documents_issued_for_something(office):
    subject = create_user("applicant")
    document = issue(office=office, subject=subject, holder=subject)
    assert list(IssuedDocument.objects.for_subject(subject)) == [document]
    assert document.subject == subject
    assert document.facts[0]["value_en"] == BIRTH_FACTS[0]["value_en"]


def test_without_an_office_the_portal_is_the_issuer():
    document = issue(office=None)
    assert json.loads(document.content)["issuer"] == {"code": "", "km": "សាលា", "en": "Sala"}


def test_without_a_configured_key_the_demo_generates_one_into_var_once(settings, tmp_path):
    from documents.signing import GENERATED_KEY_FILE, signing_key

    settings.VAR_DIR = tmp_path
    settings.SALA_DOCUMENT_SIGNING_KEY = ""
    first = signing_key().key_id
    key_file = tmp_path / GENERATED_KEY_FILE
    assert key_file.stat().st_mode & 0o077 == 0
    signing_key.cache_clear()
    assert signing_key().key_id == first
    assert [path.name for path in tmp_path.iterdir()] == [GENERATED_KEY_FILE]
