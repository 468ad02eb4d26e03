from __future__ import annotations

import pytest

from demo.accounts import load_demo_accounts
from demo.documents import demo_document_lines, load_demo
from demo.officers import load_demo_officers
from documents.issuing import verify_document
from documents.tests.conftest import documents_settings  # noqa: F401 - autouse

pytestmark = pytest.mark.django_db


def test_the_demo_issues_a_valid_certificate_and_a_revoked_licence_once(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    load_demo_accounts()
    load_demo_officers()
    first = load_demo()
    assert (first.created, first.existing) == (2, 0)
    birth, licence = first.codes["birth"], first.codes["licence"]
    assert verify_document(birth.code).status == "valid"
    assert verify_document(birth.code).authentic
    assert verify_document(licence.code).status == "revoked"
    again = load_demo()
    assert (again.created, again.existing) == (0, 2)
    assert again.codes["birth"].code == birth.code
    lines = demo_document_lines("http://127.0.0.1:8000")
    assert any(f"http://127.0.0.1:8000/km/verify/{birth.code}/" in line for line in lines)
    assert any("revoked" in line and licence.code in line for line in lines)


def test_without_the_demo_accounts_nothing_is_issued():
    assert load_demo().created == 0
    assert demo_document_lines("http://x") == []
