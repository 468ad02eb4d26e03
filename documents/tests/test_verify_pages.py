"""The public verification pages and JSON: valid, revoked, unknown, tampered, bad input."""

from __future__ import annotations

import base64
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from freezegun import freeze_time

from documents.codes import display_code
from documents.issuing import do_revoke_document
from documents.models import IssuedDocument
from documents.tests.factories import HOLDER_KM, create_user, issue
from geo.tests.factories import create_facility, create_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def document():
    office = create_facility(create_tree().commune, "commune-hall")
    holder = create_user("dara", email="dara@example.org")
    return issue(office=office, holder=holder)


def text_of(response) -> str:
    return response.content.decode()


def test_a_valid_document_shows_valid_and_what_it_certifies_in_khmer(client, document):
    response = client.get(f"/km/verify/{document.code}/")
    assert response.status_code == 200
    page = text_of(response)
    assert "ឯកសារនេះមានសុពលភាព" in page
    assert HOLDER_KM in page
    assert "ថ្ងៃខែឆ្នាំកំណើត" in page and "១៤ មេសា ២០២០" in page
    assert document.display_code in page
    assert "dara@example.org" not in page  # nothing beyond what the document certifies


def test_a_valid_document_in_english(client, document):
    page = text_of(client.get(f"/en/verify/{document.code}/"))
    assert "This document is valid" in page
    assert "Date of birth" in page and "14 April 2020" in page
    assert "its digital signature checks" in page


def test_a_revoked_document_shows_revoked_with_the_date(client, document):
    do_revoke_document(document, by=create_user("head"), reason="Wrong date of birth")
    response = client.get(f"/en/verify/{document.code}/")
    assert response.status_code == 200
    page = text_of(response)
    assert "This document was revoked on" in page
    assert "Wrong date of birth" not in page  # the reason stays with the office
    km_page = text_of(client.get(f"/km/verify/{document.code}/"))
    assert "ឯកសារនេះត្រូវបានលុបចោលនៅ" in km_page


def test_a_tampered_record_is_not_confirmed(client, document):
    facts = [dict(fact) for fact in document.facts]
    facts[0]["value_en"] = "SOMEONE ELSE"
    IssuedDocument.objects.filter(pk=document.pk).update(facts=facts)
    page = text_of(client.get(f"/en/verify/{document.code}/"))
    assert "This document cannot be confirmed" in page
    assert "This document is valid" not in page


def test_an_unknown_code_is_a_helpful_404(client):
    response = client.get("/en/verify/0000000000000000/")
    assert response.status_code == 404
    page = text_of(response)
    assert "No document has this code" in page
    assert 'value="0000000000000000"' in page  # the form keeps what was typed
    assert text_of(client.get("/km/verify/0000000000000000/")).count("គ្មានឯកសារណាមានលេខកូដនេះ")


def test_garbage_in_the_address_is_unknown_too(client):
    assert client.get("/en/verify/not-a-code/").status_code == 404


def test_a_code_typed_loosely_is_normalised(client, document):
    typed = " " + display_code(document.code).lower().replace("-", " ") + " "
    response = client.get("/en/verify/", {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == f"/en/verify/{document.code}/"
    loose_url = client.get(f"/en/verify/{display_code(document.code).lower()}/")
    assert loose_url["Location"] == f"/en/verify/{document.code}/"


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "This is not a verification code."),
        ("km", "នេះមិនមែនជាលេខកូដផ្ទៀងផ្ទាត់ទេ។"),
    ],
)
def test_garbage_in_the_form_is_refused_with_a_message_and_kept(client, language, message):
    response = client.get(f"/{language}/verify/", {"code": "hello <b>world</b>"})
    assert response.status_code == 200
    page = text_of(response)
    assert message in page
    assert 'value="hello &lt;b&gt;world&lt;/b&gt;"' in page


def test_the_qr_code_address_leads_to_the_page(client, document):
    response = client.get(f"/verify/{document.code}", follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert response.redirect_chain[-1][0] == f"/en/verify/{document.code}/"
    assert response.status_code == 200


def test_the_json_answer_verifies_offline_with_the_published_key(client, document):
    response = client.get(f"/verify/{document.code}.json")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "valid" and data["authentic"] is True
    assert data["document"]["holder"] == HOLDER_KM
    assert data["document"]["facts"][1]["value_en"] == "14 April 2020"
    keys = {
        key["key_id"]: key["public_key"] for key in client.get("/verify/keys.json").json()["keys"]
    }
    public_key = Ed25519PublicKey.from_public_bytes(
        base64.b64decode(keys[data["signature"]["key_id"]])
    )
    public_key.verify(base64.b64decode(data["signature"]["value"]), data["content"].encode())
    assert json.loads(data["content"])["code"] == document.code


def test_the_json_answer_for_revoked_and_unknown(client, document):
    do_revoke_document(document, by=create_user("head"), reason="Replaced")
    data = client.get(f"/verify/{document.code}.json").json()
    assert data["status"] == "revoked" and data["revoked_at"]
    unknown = client.get("/verify/0000000000000000.json")
    assert unknown.status_code == 404
    assert unknown.json()["status"] == "unknown"
    assert client.get("/verify/garbage.json").status_code == 404


def test_look_ups_are_limited_per_address(client, settings, document):
    settings.SALA_DOCUMENT_VERIFICATIONS_PER_MINUTE = 3
    with freeze_time("2026-12-01 10:00:30"):  # all in one minute's window
        statuses = [client.get("/en/verify/0000000000000000/").status_code for _ in range(4)]
        assert statuses == [404, 404, 404, 429]
        assert client.get(f"/verify/{document.code}.json").status_code == 429


def test_citizens_behind_the_same_proxy_are_limited_each_on_their_own(
    client, settings, new_address
):
    """Behind nginx every request comes from 127.0.0.1; X-Forwarded-For tells them apart,
    and an address the client puts in the header itself changes nothing."""
    settings.SALA_TRUSTED_PROXY_COUNT = 1
    settings.SALA_DOCUMENT_VERIFICATIONS_PER_MINUTE = 3
    dara, sokha = new_address(), new_address()

    def look_up(forwarded: str) -> int:
        return client.get(
            "/en/verify/0000000000000000/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded
        ).status_code

    with freeze_time("2026-12-01 11:17:30"):  # all in one minute's window
        assert [look_up(dara) for _ in range(4)] == [404, 404, 404, 429]
        assert look_up(sokha) == 404
        # Dara sends a header of her own; nginx appends the address she really came from.
        assert look_up(f"{new_address()}, {dara}") == 429
        assert look_up(f"{sokha}, {dara}") == 429
        assert [look_up(sokha) for _ in range(3)] == [404, 404, 429]
