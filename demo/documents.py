"""Demo documents: a birth certificate (valid) and a business licence (revoked), both held
by the demo citizen, so that /km/verify/<code>/ shows both answers after `make demo`.

Idempotent: a document already issued to the demo citizen from a demo template is kept.
Refused in production. Offices missing (gazetteer not loaded): the portal is the issuer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from accounts.models import Organisation, User
from documents.issuing import do_issue_document, do_revoke_document
from documents.models import DocumentTemplate, IssuedDocument, Kind
from geo.models import Facility

DEMO_TEMPLATES = [
    {
        "key": "birth-certificate",
        "kind": Kind.CERTIFICATE,
        "title_km": "សំបុត្របញ្ជាក់កំណើត",
        "title_en": "Birth certificate",
        "body_km": "{{ office }} បញ្ជាក់ថា {{ holder_name }} បានកើតនៅថ្ងៃទី {{ facts.born }} "
        "ហើយកំណើតនេះត្រូវបានចុះក្នុងបញ្ជីអត្រានុកូលដ្ឋាន។",
        "body_en": "{{ office }} certifies that {{ holder_name }} was born on {{ facts.born }} "
        "and that the birth is entered in the civil register.",
    },
    {
        "key": "business-licence",
        "kind": Kind.LICENCE,
        "title_km": "អាជ្ញាប័ណ្ណអាជីវកម្ម",
        "title_en": "Business licence",
        "body_km": "{{ office }} អនុញ្ញាតឱ្យ {{ holder_name }} ប្រកបអាជីវកម្មតាមលក្ខខណ្ឌខាងក្រោម។",
        "body_en": "{{ office }} licenses {{ holder_name }} to trade on the terms below.",
    },
]

BIRTH_FACTS = [
    {"label_km": "ឈ្មោះ", "label_en": "Name", "value_km": "សុខ ដារា", "value_en": "SOK DARA"},
    {"label_km": "ភេទ", "label_en": "Sex", "value_km": "ប្រុស", "value_en": "Male"},
    {
        "key": "born",
        "label_km": "ថ្ងៃខែឆ្នាំកំណើត",
        "label_en": "Date of birth",
        "value_km": "១៤ មេសា ១៩៩២",
        "value_en": "14 April 1992",
    },
    {
        "label_km": "ទីកន្លែងកំណើត",
        "label_en": "Place of birth",
        "value_km": "សង្កាត់ផ្សារថ្មីទី១ ខណ្ឌដូនពេញ រាជធានីភ្នំពេញ",
        "value_en": "Sangkat Phsar Thmei Ti Muoy, Khan Daun Penh, Phnom Penh",
    },
    {"label_km": "ឪពុក", "label_en": "Father", "value_km": "សុខ វិចិត្រ", "value_en": "SOK VICHET"},
    {"label_km": "ម្តាយ", "label_en": "Mother", "value_km": "ចាន់ ស្រីមុំ", "value_en": "CHAN SREYMOM"},
]
LICENCE_FACTS = [
    {
        "label_km": "ឈ្មោះអាជីវកម្ម",
        "label_en": "Business name",
        "value_km": "ហាងកាហ្វេសុខដារា",
        "value_en": "Sok Dara Coffee",
    },
    {
        "label_km": "លេខចុះបញ្ជី",
        "label_en": "Registration number",
        "value_km": "០០០១២៣៤៥",
        "value_en": "00012345",
    },
    {
        "label_km": "សកម្មភាព",
        "label_en": "Activity",
        "value_km": "ហាងកាហ្វេ និងភេសជ្ជៈ",
        "value_en": "Coffee shop and drinks",
    },
    {
        "label_km": "ទីតាំង",
        "label_en": "Premises",
        "value_km": "ផ្លូវ ១៣ សង្កាត់ផ្សារថ្មីទី១ ខណ្ឌដូនពេញ",
        "value_en": "Street 13, Sangkat Phsar Thmei Ti Muoy, Khan Daun Penh",
    },
]


@dataclass
class DemoDocuments:
    created: int = 0
    existing: int = 0
    codes: dict[str, IssuedDocument] = field(default_factory=dict)

    def summary(self) -> str:
        return f"Demo documents: {self.created} issued, {self.existing} already there."


@transaction.atomic
def load_demo() -> DemoDocuments:
    if not settings.SALA_DEMO_DATA_ALLOWED:
        raise ImproperlyConfigured("Demo data cannot be loaded when SALA_ENV=production.")
    result = DemoDocuments()
    users = {user.username: user for user in User.objects.filter(username__in=_USERNAMES)}
    if len(users) < len(_USERNAMES):
        return result
    for template in DEMO_TEMPLATES:
        DocumentTemplate.objects.get_or_create(key=template["key"], defaults=template)
    citizen = users["citizen"]
    birth = _existing(citizen, "birth-certificate")
    if birth is None:
        birth = do_issue_document(
            kind=Kind.CERTIFICATE,
            template_key="birth-certificate",
            holder_name="សុខ ដារា",
            facts=BIRTH_FACTS,
            issuer_office=Facility.objects.filter(code="commune-hall-120201").first(),
            issued_by=users["clerk"],
            subject=None,
            holder=citizen,
        )
        result.created += 1
    else:
        result.existing += 1
    licence = _existing(citizen, "business-licence")
    if licence is None:
        licence = do_issue_document(
            kind=Kind.LICENCE,
            template_key="business-licence",
            holder_name="ហាងកាហ្វេសុខដារា (Sok Dara Coffee)",
            facts=LICENCE_FACTS,
            issuer_office=Facility.objects.filter(code="district-office-1202").first(),
            issued_by=users["approver"],
            subject=None,
            holder=citizen,
            holder_organisation=Organisation.objects.filter(registration_number="00012345").first(),
            valid_from=timezone.localdate(),
            valid_until=date(timezone.localdate().year + 1, 12, 31),
        )
        do_revoke_document(
            licence, by=users["head"], reason="Replaced: the business moved to new premises."
        )
        result.created += 1
    else:
        result.existing += 1
    result.codes = {"birth": birth, "licence": licence}
    return result


_USERNAMES = ("citizen", "clerk", "approver", "head")


def _existing(holder: User, template_key: str) -> IssuedDocument | None:
    return (
        IssuedDocument.objects.filter(holder=holder, template_key=template_key)
        .order_by("issued_at")
        .first()
    )


def demo_document_lines(url: str) -> list[str]:
    """Return the lines `make demo` prints about the demo documents (none if not loaded)."""
    citizen = User.objects.filter(username="citizen").first()
    if citizen is None:
        return []
    lines = []
    for key, note in (
        ("birth-certificate", "valid"),
        ("business-licence", "revoked"),
    ):
        document = _existing(citizen, key)
        if document is not None:
            lines.append(
                f"  {document.title_en:<18} {note:<8} {url}/km/verify/{document.code}/ "
                f"(code {document.display_code})"
            )
    return ["Demo documents (the citizen may download the PDFs):", *lines] if lines else []
