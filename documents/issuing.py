"""Issuing and revoking documents: what the cases app (or any issuer) calls.

    from documents.issuing import do_issue_document, do_revoke_document

    document = do_issue_document(
        kind="certificate",
        template_key="birth-certificate",
        holder_name="សុខ ដារា",
        facts=[{"label_km": "ឈ្មោះ", "label_en": "Name", "value_km": "សុខ ដារា",
                "value_en": "SOK DARA"}],
        issuer_office=office,  # a geo.Facility, or None for the portal itself
        issued_by=officer,  # or None when the portal issues it itself
        subject=case,  # any saved model instance, or None
        holder=case.applicant,  # who may download the PDF (optional)
    )
    do_revoke_document(document, by=officer, reason="Issued with a wrong date of birth")

Authorisation is the caller's: ask `user.has_perm("documents.issue_document", office)` or
`"documents.revoke_issueddocument"` (documents/rules.py) before calling.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.log import log_action
from documents.codes import new_code
from documents.models import DocumentTemplate, IssuedDocument, Kind
from documents.signing import canonical_json, sign, signature_is_valid

logger = logging.getLogger(__name__)

CONTENT_VERSION = 1
FACT_FIELDS = ("label_km", "label_en", "value_km", "value_en")


class DocumentError(Exception):
    """A document cannot be issued or revoked as asked; the message is translated."""


def clean_facts(facts: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    """Return the facts as the ordered label/value pairs that are signed.

    Each needs label_km, label_en and value_km; value_en defaults to value_km (a name, a
    number); an optional `key` lets templates refer to the value.
    """
    cleaned = []
    for fact in facts:
        value_km = str(fact.get("value_km", "")).strip()
        item = {
            "label_km": str(fact.get("label_km", "")).strip(),
            "label_en": str(fact.get("label_en", "")).strip(),
            "value_km": value_km,
            "value_en": str(fact.get("value_en") or value_km).strip(),
        }
        if not all(item.values()):
            raise DocumentError(_("Every fact needs a label in Khmer and English and a value."))
        if fact.get("key"):
            item["key"] = str(fact["key"])
        cleaned.append(item)
    if not cleaned:
        raise DocumentError(_("A document must certify at least one fact."))
    return cleaned


def content_of(document: IssuedDocument) -> dict[str, Any]:
    """Return what is signed for a document: everything it certifies, nothing else.

    The validity is there only when the document has one, so documents issued before it
    existed still match what was signed for them.
    """
    content = {
        "v": CONTENT_VERSION,
        "code": document.code,
        "kind": document.kind,
        "title": {"km": document.title_km, "en": document.title_en},
        "holder": document.holder_name,
        "facts": document.facts,
        "issued_at": document.issued_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "issuer": {
            "code": document.office.code if document.office else "",
            "km": document.issuer_name_km,
            "en": document.issuer_name_en,
        },
    }
    if document.valid_from or document.valid_until:
        content["valid"] = {
            "from": document.valid_from.isoformat() if document.valid_from else None,
            "until": document.valid_until.isoformat() if document.valid_until else None,
        }
    return content


def check_validity(valid_from: date | None, valid_until: date | None, issued_on: date) -> None:
    """Refuse a validity that ends before it starts or before the document is issued."""
    if valid_from and valid_until and valid_until < valid_from:
        raise DocumentError(_("A document cannot stop being valid before it starts."))
    if valid_until and valid_until < issued_on:
        raise DocumentError(_("A document cannot stop being valid before it is issued."))


def _new_unique_code() -> str:
    while True:  # 75 random bits: a second round is already unlikely
        code = new_code()
        if not IssuedDocument.objects.filter(code=code).exists():
            return code


@transaction.atomic
def do_issue_document(
    *,
    kind: str,
    template_key: str,
    holder_name: str,
    facts: Iterable[Mapping[str, Any]],
    issuer_office: Any,
    issued_by: Any = None,
    subject: models.Model | None = None,
    holder: Any = None,
    holder_organisation: Any = None,
    issued_at: datetime | None = None,
    valid_from: date | None = None,
    valid_until: date | None = None,
) -> IssuedDocument:
    """Sign a new document, render and store its PDF, record it; return it. Raise
    DocumentError. (`prepare_document` says what the arguments mean.)"""
    return do_save_document(
        prepare_document(
            kind=kind,
            template_key=template_key,
            holder_name=holder_name,
            facts=facts,
            issuer_office=issuer_office,
            issued_by=issued_by,
            subject=subject,
            holder=holder,
            holder_organisation=holder_organisation,
            issued_at=issued_at,
            valid_from=valid_from,
            valid_until=valid_until,
        )
    )


def prepare_document(
    *,
    kind: str,
    template_key: str,
    holder_name: str,
    facts: Iterable[Mapping[str, Any]],
    issuer_office: Any,
    issued_by: Any = None,
    subject: models.Model | None = None,
    holder: Any = None,
    holder_organisation: Any = None,
    issued_at: datetime | None = None,
    valid_from: date | None = None,
    valid_until: date | None = None,
) -> IssuedDocument:
    """Sign a new document and render and store its PDF, without writing to the database;
    return it unsaved, for `do_save_document`. Raise DocumentError.

    Rendering takes a good part of a second: a caller that must not hold a write
    transaction that long (SQLite has one writer for the whole database) prepares outside
    its transaction and saves inside.

    `valid_from` and `valid_until` (dates, both optional) are the days a permit or a
    licence is in force; verification says "expired" after `valid_until`.
    """
    from documents.pdf import render_pdf

    template = DocumentTemplate.objects.filter(key=template_key).first()
    if template is None:
        raise DocumentError(_("There is no document template “%s”.") % template_key)
    if kind not in Kind.values or template.kind != kind:
        raise DocumentError(_("The template “%s” is not for this kind of document.") % template_key)
    if not holder_name.strip():
        raise DocumentError(_("A document needs the holder's name."))
    issued_at = (issued_at or timezone.now()).replace(microsecond=0)
    check_validity(valid_from, valid_until, timezone.localdate(issued_at))
    portal = settings.SALA_PORTAL_NAME
    document = IssuedDocument(
        code=_new_unique_code(),
        kind=kind,
        template_key=template.key,
        title_km=template.title_km,
        title_en=template.title_en,
        holder_name=holder_name.strip(),
        facts=clean_facts(facts),
        holder=holder,
        holder_organisation=holder_organisation,
        office=issuer_office,
        issuer_name_km=issuer_office.name_km if issuer_office else portal["km"],
        issuer_name_en=issuer_office.name_en if issuer_office else portal["en"],
        issued_at=issued_at,
        valid_from=valid_from,
        valid_until=valid_until,
        issued_by=issued_by,
    )
    if subject is not None:
        document.subject_type = ContentType.objects.get_for_model(subject)
        document.subject_id = str(subject.pk)
    document.content = canonical_json(content_of(document))
    document.signature, document.key_id = sign(document.content)
    pdf = render_pdf(document, template)
    name = f"{document.issued_at:%Y/%m}/{document.code}.pdf"
    document.pdf_name = storages["documents"].save(name, ContentFile(pdf))
    return document


def do_save_document(document: IssuedDocument) -> IssuedDocument:
    """Record a prepared document (inside the caller's transaction) and audit its issue."""
    document.save()
    log_action(
        document.issued_by,
        "documents.document.issued",
        document,
        {"code": document.code, "kind": document.kind, "template": document.template_key},
        office=document.office,
        person=document.holder,
    )
    logger.info(
        "document issued",
        extra={
            "code": document.code,
            "key_id": document.key_id,
            "by": document.issued_by_id,
        },
    )
    return document


@transaction.atomic
def do_revoke_document(document: IssuedDocument, *, by: Any, reason: str) -> IssuedDocument:
    """Revoke a document (once; a second revocation raises DocumentError)."""
    if not reason.strip():
        raise DocumentError(_("Say why the document is revoked."))
    locked = IssuedDocument.objects.select_for_update().get(pk=document.pk)
    if locked.is_revoked:
        raise DocumentError(_("This document was already revoked."))
    locked.status = IssuedDocument.Status.REVOKED
    locked.revoked_at = timezone.now()
    locked.revoked_by = by
    locked.revocation_reason = reason.strip()
    locked.save(update_fields=["status", "revoked_at", "revoked_by", "revocation_reason"])
    log_action(
        by,
        "documents.document.revoked",
        locked,
        {"code": locked.code, "reason": locked.revocation_reason},
        office=locked.office_id,
        person=locked.holder,
    )
    logger.info("document revoked", extra={"code": locked.code, "by": by.pk})
    for field in ("status", "revoked_at", "revoked_by", "revocation_reason"):
        setattr(document, field, getattr(locked, field))
    return locked


@dataclass(frozen=True)
class Verification:
    """What the verification page says about a code."""

    document: IssuedDocument | None
    signature_valid: bool = False
    content_matches: bool = False

    @property
    def status(self) -> str:
        """Return "unknown", "revoked", "expired", "not_yet_valid" or "valid" (today)."""
        if self.document is None:
            return "unknown"
        return self.document.standing_today

    @property
    def authentic(self) -> bool:
        """The signature checks and the record says exactly what was signed."""
        return self.signature_valid and self.content_matches


def verify_document(code: str | None) -> Verification:
    """Look up a canonical code and check the document's signature."""
    document = (
        IssuedDocument.objects.select_related("office").filter(code=code).first() if code else None
    )
    if document is None:
        return Verification(None)
    return Verification(
        document,
        signature_valid=signature_is_valid(document.content, document.signature, document.key_id),
        content_matches=document.content == canonical_json(content_of(document)),
    )
