"""The payment page: the KHQR to pay a fee with, and what to do without a second phone."""

from __future__ import annotations

import io
from urllib.parse import quote

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from payments.access import access_payment
from payments.callbacks import CallbackError, check_signed, do_receive_callback, parse
from payments.cash import do_record_cash, may_take_cash
from payments.forms import RefundDecisionForm, RefundRequestForm
from payments.models import PaymentRequest, Refund
from payments.receipts import ensure_receipt
from payments.refunds import (
    REFUNDABLE,
    RefundError,
    do_decide_refund,
    do_request_refund,
    may_decide_refund,
    may_request_refund,
    open_to_request,
    reconciles,
)
from payments.requesting import do_request_payment


def _qr(payload: str) -> segno.QRCode:
    return segno.make(payload, error="m", micro=False)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def pay(request: HttpRequest, public_id) -> HttpResponse:
    """The applicant's payment page (read-only for an officer of the case's office). The
    applicant of an expired code asks for a new one here (POST; twice gives one)."""
    access = access_payment(request, public_id)
    payment = access.request
    if request.method == "POST" and request.POST.get("cash") == "yes":
        if access.as_applicant or not may_take_cash(request.user, payment):
            return HttpResponse(status=403)
        do_record_cash(request.user, payment)
        return HttpResponseRedirect(payment.get_absolute_url() + "?receipt=1")
    if request.method == "POST":
        if not access.as_applicant:
            return HttpResponse(status=403)
        renewed = do_request_payment(request.user, payment.case)
        return HttpResponseRedirect((renewed or payment).get_absolute_url())
    if payment.status == PaymentRequest.Status.PAID and payment.receipt_id is None:
        payment.receipt = ensure_receipt(payment.pk)
    svg = _qr(payment.payload).svg_inline(
        scale=5, border=4, svgclass="pay-qr__image", title=_("KHQR code to pay the fee"),
        omitsize=True,
    )  # fmt: skip
    return render(
        request,
        "payments/pay.html",
        {
            "payment": payment,
            "case": payment.case,
            "as_applicant": access.as_applicant,
            # segno writes the SVG from the payload alone (digits, letters, no markup).
            "qr_svg": mark_safe(svg),  # noqa: S308
            "payee_name": settings.SALA_KHQR_MERCHANT_NAME,
            "payee_name_km": settings.SALA_KHQR_NAME_KM,
            "demo_bank_url": _demo_bank_url(payment.payload),
            "may_take_cash": not access.as_applicant and may_take_cash(request.user, payment),
            "refunds": payment.refunds.select_related("requested_by", "decided_by"),
            "may_request_refund": not access.as_applicant
            and may_request_refund(request.user, payment)
            and payment.status in REFUNDABLE
            and open_to_request(payment) > 0,
        },
    )


def _officer_payment(request: HttpRequest, public_id) -> PaymentRequest:
    """The payment for an officer of the case's office (the applicant gets 403 here)."""
    access = access_payment(request, public_id)
    if access.as_applicant:
        raise PermissionDenied
    return access.request


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def refund_request(request: HttpRequest, public_id) -> HttpResponse:
    """An officer who handles the case asks for a refund; another officer approves it."""
    payment = _officer_payment(request, public_id)
    if not may_request_refund(request.user, payment):
        raise PermissionDenied
    form = RefundRequestForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            do_request_refund(
                request.user, payment, form.cleaned_data["amount"], form.cleaned_data["reason"]
            )
        except RefundError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The refund is asked for. Another officer approves it."))
            return HttpResponseRedirect(payment.get_absolute_url())
    return render(
        request,
        "payments/refund_request.html",
        {"payment": payment, "case": payment.case, "form": form,
         "open_to_request": open_to_request(payment),
         "currency": payment.paid_currency or payment.currency},
        status=400 if form.is_bound else 200,
    )  # fmt: skip


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def refund(request: HttpRequest, public_id) -> HttpResponse:
    """A refund asked for: the second officer approves or rejects it here."""
    refund = (
        Refund.objects.select_related("payment", "mismatch__office", "requested_by", "decided_by")
        .filter(public_id=public_id)
        .first()
    )
    if refund is None:
        raise Http404
    payment = mismatch = None
    if refund.mismatch is not None:
        mismatch = refund.mismatch
        if not reconciles(request.user, mismatch):
            raise PermissionDenied
        back = reverse("payments:reconciliation") + "#mismatches"
    elif refund.payment is None:
        raise Http404
    else:
        payment = _officer_payment(request, refund.payment.public_id)
        refund.payment = payment
        back = payment.get_absolute_url()
    if not (may_decide_refund(request.user, refund) or refund.requested_by_id == request.user.pk):
        raise PermissionDenied
    form = RefundDecisionForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            do_decide_refund(
                request.user,
                refund,
                approve=form.cleaned_data["decision"] == "approve",
                note=form.cleaned_data["note"],
            )
        except RefundError as error:
            form.add_error(None, str(error))
        else:
            told = _("Done. The applicant has been told.")
            messages.success(request, told if payment else _("Done."))
            return HttpResponseRedirect(back)
    return render(
        request,
        "payments/refund.html",
        {"refund": refund, "payment": payment, "mismatch": mismatch,
         "case": payment.case if payment else None, "form": form,
         "may_decide": may_decide_refund(request.user, refund)
         and refund.status == Refund.Status.REQUESTED},
        status=400 if form.is_bound else 200,
    )  # fmt: skip


def _demo_bank_url(payload: str) -> str:
    """In the demo, the stand-in banking app's page with this KHQR filled in."""
    bank = settings.SALA_DEMO_PHONES.get("bank")
    return f"{bank}?qr={quote(payload)}" if bank else ""


@never_cache
@login_required
@require_GET
def qr_image(request: HttpRequest, public_id) -> HttpResponse:
    """The KHQR as a PNG to save on the phone and open in the banking app."""
    payment = access_payment(request, public_id).request
    buffer = io.BytesIO()
    _qr(payment.payload).save(buffer, kind="png", scale=8, border=4)
    response = HttpResponse(buffer.getvalue(), content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="khqr-{payment.reference}.png"'
    return response


@csrf_exempt  # the bank posts here; the signature authorises, not a cookie
@require_POST
def bank_callback(request: HttpRequest) -> HttpResponse:
    """A bank says a KHQR was paid (payments.callbacks)."""
    secret = settings.SALA_BANK_CALLBACK_SECRET
    if not secret:  # not 404: the language middleware would redirect that to /km/...
        return JsonResponse({"error": "bank callbacks are not configured"}, status=503)
    try:
        check_signed(
            secret,
            request.headers.get("X-Sala-Timestamp", ""),
            request.headers.get("X-Sala-Signature", ""),
            request.body,
        )
        recorded = do_receive_callback(*parse(request.body))
    except CallbackError as error:
        return JsonResponse({"error": str(error)}, status=error.status)
    if recorded is None:
        return JsonResponse({"ok": False, "status": "unknown bill"}, status=202)
    return JsonResponse({"ok": True, "status": recorded.status})
