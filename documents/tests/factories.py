"""Plain factory functions for the documents tests."""

from __future__ import annotations

from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from accounts.models import User
from documents.issuing import do_issue_document
from documents.models import DocumentTemplate, IssuedDocument

TEST_KEY = Ed25519PrivateKey.generate()
HOLDER_KM = "សុខ ដារា"
BIRTH_FACTS = [
    {"label_km": "ឈ្មោះ", "label_en": "Name", "value_km": HOLDER_KM, "value_en": "SOK DARA"},
    {
        "label_km": "ថ្ងៃខែឆ្នាំកំណើត",
        "label_en": "Date of birth",
        "value_km": "១៤ មេសា ២០២០",
        "value_en": "14 April 2020",
        "key": "born",
    },
    {
        "label_km": "ទីកន្លែងកំណើត",
        "label_en": "Place of birth",
        "value_km": "សង្កាត់ផ្សារថ្មីទី១ ខណ្ឌដូនពេញ រាជធានីភ្នំពេញ",
        "value_en": "Sangkat Phsar Thmei Ti Muoy, Khan Daun Penh, Phnom Penh",
    },
]


def create_user(username: str = "officer", **fields: Any) -> User:
    return User.objects.create_user(username=username, password="a long test password", **fields)


def create_template(key: str = "birth-certificate", kind: str = "certificate") -> DocumentTemplate:
    return DocumentTemplate.objects.create(
        key=key,
        kind=kind,
        title_km="សំបុត្របញ្ជាក់កំណើត",
        title_en="Birth certificate",
        body_km="{{ office }} បញ្ជាក់ថា {{ holder_name }} កើតនៅថ្ងៃទី {{ facts.born }}។",
        body_en="{{ office }} certifies that {{ holder_name }} was born on {{ facts.born }}.",
    )


def issue(*, office: Any = None, issued_by: User | None = None, **overrides: Any) -> IssuedDocument:
    template = DocumentTemplate.objects.filter(key="birth-certificate").first()
    if template is None:
        create_template()
    arguments: dict[str, Any] = {
        "kind": "certificate",
        "template_key": "birth-certificate",
        "holder_name": HOLDER_KM,
        "facts": BIRTH_FACTS,
        "issuer_office": office,
        "issued_by": issued_by or create_user(f"issuer{User.objects.count()}"),
        "subject": None,
    }
    arguments.update(overrides)
    return do_issue_document(**arguments)
