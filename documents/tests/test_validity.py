"""A permit's validity: signed, printed, and verified as valid, expired or not yet valid."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.utils import translation
from freezegun import freeze_time

from documents.issuing import DocumentError, do_revoke_document, verify_document
from documents.models import IssuedDocument
from documents.tests.factories import create_user, issue
from documents.tests.test_pdf import page_text, stored_pdf

pytestmark = pytest.mark.django_db

PERMITTED = {
    "key": "permitted",
    "label_km": "អនុញ្ញាតឱ្យ",
    "label_en": "Permitted",
    "value_km": "សាងសង់ផ្ទះល្វែងពីរជាន់",
    "value_en": "Building a two-storey shophouse",
}


@pytest.fixture
def permit():
    with freeze_time("2026-03-01 09:00:00+07:00"):
        return issue(
            facts=[PERMITTED],
            valid_from=date(2026, 3, 1),
            valid_until=date(2027, 2, 28),
        )


def test_the_validity_is_signed_and_a_changed_date_fails_verification(permit):
    signed = json.loads(permit.content)
    assert signed["valid"] == {"from": "2026-03-01", "until": "2027-02-28"}
    IssuedDocument.objects.filter(pk=permit.pk).update(valid_until=date(2030, 1, 1))
    assert verify_document(permit.code).authentic is False


def test_a_document_without_validity_signs_what_it_signed_before():
    document = issue()
    assert "valid" not in json.loads(document.content)
    assert verify_document(document.code).authentic is True


@pytest.mark.parametrize(
    ("today", "status"),
    [
        ("2026-02-28 12:00:00+07:00", "not_yet_valid"),
        ("2026-03-01 08:00:00+07:00", "valid"),
        ("2027-02-28 23:00:00+07:00", "valid"),
        ("2027-03-01 00:30:00+07:00", "expired"),
    ],
)
def test_verification_is_valid_only_within_the_days_it_is_in_force(permit, today, status):
    with freeze_time(today):
        assert verify_document(permit.code).status == status


def test_a_revoked_permit_is_revoked_even_when_it_has_also_expired(permit):
    do_revoke_document(permit, by=create_user("head"), reason="Built otherwise")
    with freeze_time("2028-01-01"):
        assert verify_document(permit.code).status == "revoked"


def test_an_expired_permit_reads_expired_on_the_page_and_in_json(client, permit):
    with freeze_time("2027-06-01 10:00:00+07:00"):
        page = client.get(f"/en/verify/{permit.code}/").content.decode()
        km_page = client.get(f"/km/verify/{permit.code}/").content.decode()
        data = client.get(f"/verify/{permit.code}.json").json()
    assert "This document expired after 28 February 2027" in page
    assert "This document is valid" not in page
    assert "ឯកសារនេះផុតសុពលភាពក្រោយថ្ងៃទី ២៨ កុម្ភៈ ២០២៧" in km_page
    assert data["status"] == "expired"
    assert data["document"]["valid_from"] == "2026-03-01"
    assert data["document"]["valid_until"] == "2027-02-28"


def test_the_page_says_which_date_is_which(client, permit):
    do_revoke_document(permit, by=create_user("head"), reason="Built otherwise")
    page = client.get(f"/en/verify/{permit.code}/").content.decode()
    for label, day in (
        ("Issued on", "1 March 2026"),
        ("Valid from", "1 March 2026"),
        ("Valid until", "28 February 2027"),
        ("Revoked on", ""),
    ):
        assert f'<dt class="summary-list__key">{label}</dt>' in page
        assert day in page


def test_the_pdf_states_what_is_permitted_and_from_when_until_when(permit, documents_settings):
    text = page_text(stored_pdf(permit, documents_settings))
    assert "សាងសង់ផ្ទះល្វែងពីរជាន់" in text
    assert "Building a two-storey shophouse" in text
    assert "មានសុពលភាពចាប់ពីថ្ងៃទី ១ មីនា ២០២៦ ដល់ថ្ងៃទី ២៨ កុម្ភៈ ២០២៧" in text
    assert "Valid from 1 March 2026 until 28 February 2027" in text


@translation.override("en")
def test_a_validity_that_ends_before_it_starts_is_refused():
    with pytest.raises(DocumentError, match="before it starts"):
        issue(valid_from=date(2026, 5, 1), valid_until=date(2026, 4, 30))
    with freeze_time("2026-06-01"), pytest.raises(DocumentError, match="before it is issued"):
        issue(valid_until=date(2026, 5, 31))
