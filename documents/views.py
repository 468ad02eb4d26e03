"""Public verification of issued documents (pages and JSON) and the PDF download."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from documents.access import access_document_by_code, open_pdf, record_download
from documents.actions import verification_actions
from documents.codes import normalise_code
from documents.forms import VerifyForm
from documents.issuing import Verification, verify_document
from documents.limits import verification_allowed
from documents.models import in_language
from documents.signing import ALGORITHM, public_key_base64, signing_key, trusted_public_keys


def _too_many(request: HttpRequest) -> HttpResponse:
    response = render(request, "documents/too_many.html", status=429)
    response["Retry-After"] = "60"
    return response


@require_safe
def verify(request: HttpRequest) -> HttpResponse:
    """The form: enter the code printed on a document."""
    if "code" not in request.GET:
        return render(request, "documents/verify.html", {"form": VerifyForm()})
    form = VerifyForm(request.GET)
    if form.is_valid():
        return redirect("documents:verify_code", code=form.cleaned_data["code"])
    return render(request, "documents/verify.html", {"form": form})


@require_safe
def verify_code(request: HttpRequest, code: str) -> HttpResponse:
    """What a QR code opens: valid, revoked or unknown, and the facts certified."""
    canonical = normalise_code(code)
    if canonical and canonical != code:
        return redirect("documents:verify_code", code=canonical)
    if not verification_allowed(request):
        return _too_many(request)
    verification = verify_document(canonical)
    document = verification.document
    context: dict[str, Any] = {
        "verification": verification,
        "document": document,
        "typed_code": code,
        "form": VerifyForm(initial={"code": code if document is None else ""}),
        "facts": [
            {
                "label": in_language(fact["label_km"], fact["label_en"]),
                "value": in_language(fact["value_km"], fact["value_en"]),
            }
            for fact in (document.facts if document else [])
        ],
        "actions": verification_actions(request.user, document) if document else [],
        "may_download": document is not None
        and request.user.has_perm("documents.download_issueddocument", document),
    }
    status = 404 if document is None else 200
    return render(request, "documents/verify_result.html", context, status=status)


@require_safe
def verify_json(request: HttpRequest, code: str) -> JsonResponse:
    """The same answer for machines; `content` and `signature` verify offline with the
    public key from /verify/keys.json."""
    if not verification_allowed(request):
        return JsonResponse(
            {"error": "too many requests"}, status=429, headers={"Retry-After": "60"}
        )
    canonical = normalise_code(code)
    verification = verify_document(canonical)
    response = JsonResponse(
        verification_data(verification, canonical or code),
        status=404 if verification.document is None else 200,
        json_dumps_params={"ensure_ascii": False},
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def verification_data(verification: Verification, code: str) -> dict[str, Any]:
    document = verification.document
    if document is None:
        return {
            "code": code,
            "status": "unknown",
            "message": _("No document has this code."),
        }
    return {
        "code": document.code,
        "status": verification.status,  # valid, revoked, expired or not_yet_valid, today
        "authentic": verification.authentic,
        "revoked_at": document.revoked_at.isoformat() if document.revoked_at else None,
        "document": {
            "kind": document.kind,
            "title": {"km": document.title_km, "en": document.title_en},
            "holder": document.holder_name,
            "facts": document.facts,
            "issued_at": document.issued_at.isoformat(),
            "valid_from": document.valid_from.isoformat() if document.valid_from else None,
            "valid_until": document.valid_until.isoformat() if document.valid_until else None,
            "issuer": {
                "code": document.office.code if document.office else "",
                "km": document.issuer_name_km,
                "en": document.issuer_name_en,
            },
        },
        "signature": {
            "algorithm": ALGORITHM,
            "key_id": document.key_id,
            "value": document.signature,
            "valid": verification.signature_valid,
            "content_matches_record": verification.content_matches,
        },
        "content": document.content,
    }


@require_safe
def public_keys(request: HttpRequest) -> JsonResponse:
    """The public keys documents verify against, by key id (the current one first)."""
    current = signing_key().key_id
    trusted = sorted(trusted_public_keys().items(), key=lambda item: item[0] != current)
    keys = [
        {"key_id": key_id, "public_key": public_key_base64(key), "current": key_id == current}
        for key_id, key in trusted
    ]
    response = JsonResponse({"algorithm": ALGORITHM, "encoding": "base64 raw", "keys": keys})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
@login_required
def download(request: HttpRequest, code: str) -> FileResponse:
    """The PDF, for its holder and the issuing office's officers; each download audited."""
    document = access_document_by_code(request.user, code)
    record_download(document, request.user)
    response = FileResponse(
        open_pdf(document),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"{document.template_key}-{document.code}.pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response
