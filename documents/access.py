"""Loading a document's PDF for a person allowed to have it, and the audit of downloads."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.files.storage import storages
from django.db import transaction
from django.http import Http404, HttpRequest

from accounts.permissions import (
    is_member_of_organisation,
    is_officer_of_office,
    is_owner_of_object,
)
from documents.codes import normalise_code
from documents.models import DocumentDownload, IssuedDocument


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
    return DocumentDownload.objects.create(
        document=document,
        user=user,
        role=download_role(user, document),
        ip_address=request.META.get("REMOTE_ADDR") or None,
    )


def open_pdf(document: IssuedDocument):
    return storages["documents"].open(document.pdf_name, "rb")
