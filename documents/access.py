"""Loading a document's PDF for a person allowed to have it, and the audit of downloads."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.storage import storages
from django.db import transaction
from django.db.models import QuerySet
from django.dispatch import Signal
from django.http import Http404, HttpRequest

from accounts.permissions import (
    is_member_of_organisation,
    is_officer_of_office,
    is_owner_of_object,
)
from core.addresses import client_address
from documents.codes import normalise_code
from documents.models import DocumentDownload, IssuedDocument

# Sent with `download` (a DocumentDownload) inside the transaction that records it, so that
# the app the document was issued for (cases) can add it to that subject's own audit trail.
document_downloaded = Signal()


def access_document_by_code(user, code: str) -> IssuedDocument:
    """Return the document whose PDF the user may download; raise Http404 (no such
    code) or PermissionDenied."""
    canonical = normalise_code(code)
    document = (
        IssuedDocument.objects.select_related("office").filter(code=canonical).first()
        if canonical
        else None
    )
    if document is None or not document.pdf_name:
        raise Http404
    if not user.has_perm("documents.download_issueddocument", document):
        raise PermissionDenied
    return document


def download_role(user, document: IssuedDocument) -> str:
    """How the user comes to have the PDF: the holder first, then as an officer."""
    if is_owner_of_object(user, document) or is_member_of_organisation(user, document):
        return DocumentDownload.Role.HOLDER
    if is_officer_of_office(user, document):
        return DocumentDownload.Role.OFFICER
    return DocumentDownload.Role.ADMINISTRATOR


@transaction.atomic
def do_record_download(document: IssuedDocument, user, request: HttpRequest) -> DocumentDownload:
    download = DocumentDownload.objects.create(
        document=document,
        user=user,
        role=download_role(user, document),
        ip_address=client_address(request),
    )
    document_downloaded.send(sender=IssuedDocument, download=download)
    return download


def open_pdf(document: IssuedDocument):
    return storages["documents"].open(document.pdf_name, "rb")


def documents_held_by(user) -> QuerySet[IssuedDocument]:
    """Return the documents issued to the person (not those of their organisations)."""
    return IssuedDocument.objects.filter(holder=user).order_by("-issued_at")


def export_section(user) -> list[dict[str, Any]]:
    """The person's documents in their personal-data export (accounts.profiles)."""
    return [
        {
            "code": document.code,
            "title": {"km": document.title_km, "en": document.title_en},
            "issuer": {"km": document.issuer_name_km, "en": document.issuer_name_en},
            "issued_at": document.issued_at.isoformat(),
            "valid_from": document.valid_from.isoformat() if document.valid_from else None,
            "valid_until": document.valid_until.isoformat() if document.valid_until else None,
            "status": document.status,
            "facts": document.facts,
        }
        for document in documents_held_by(user)
    ]
