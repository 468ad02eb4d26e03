"""Loading a document's PDF for a person allowed to have it, and the audit of downloads.

Every download is an entry in the one audit log (`audit.log.log_access`, action
`documents.document.downloaded`, with the role the person had it as), readable by the
office handling the document (`documents.handling`) and by its holder.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.storage import storages
from django.db.models import QuerySet
from django.http import Http404

from accounts.permissions import is_member_of_organisation, is_owner_of_object
from audit.log import log_access
from documents.codes import normalise_code
from documents.handling import handling_office
from documents.models import IssuedDocument
from documents.rules import is_officer_of_handling_office

DOWNLOADED = "documents.document.downloaded"


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


HOLDER, OFFICER, ADMINISTRATOR = "holder", "officer", "administrator"


def download_role(user, document: IssuedDocument) -> str:
    """How the user comes to have the PDF: the holder first, then as an officer."""
    if is_owner_of_object(user, document) or is_member_of_organisation(user, document):
        return HOLDER
    if is_officer_of_handling_office(user, document):
        return OFFICER
    return ADMINISTRATOR


def record_download(document: IssuedDocument, user) -> None:
    """Write the download into the audit log (the address is the request's)."""
    log_access(
        user,
        DOWNLOADED,
        document,
        office=handling_office(document),
        person=document.holder,
        data={"role": download_role(user, document), "code": document.code},
    )


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
