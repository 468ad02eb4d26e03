"""Receipts: a signed document (documents app, kind "receipt") for each confirmed payment,
whoever confirmed it (Bakong polling, a bank's callback, cash at the counter).

One receipt per payment: the request keeps it (`PaymentRequest.receipt`), and a second
confirmation or a second try finds it there. The PDF is rendered outside any transaction
(it takes a good part of a second, and SQLite has one writer), after the payment's
transaction committed; if rendering fails the payment stays paid and the payment page
tries again when it is next opened (`ensure_receipt`).
"""

from __future__ import annotations

import logging

from django.core.files.storage import storages
from django.db import transaction
from django.utils import timezone

from cases.issuing import holder_name
from core.formatting import format_date, format_money, format_time
from documents.issuing import do_save_document, prepare_document
from documents.models import IssuedDocument
from payments.models import PaymentRequest

logger = logging.getLogger(__name__)

RECEIPT_TEMPLATE = "payment-receipt"
CASH = "cash"


def receipt_facts(payment: PaymentRequest) -> list[dict[str, str]]:
    """What a receipt certifies: the service, the case's reference, the amount, when and
    how it was paid. Nothing about the payer beyond the holder's name every document has."""
    service = payment.case.service
    paid_at = timezone.localtime(payment.paid_at)
    cash = payment.payer_account == CASH
    amount = payment.paid_amount if payment.paid_amount is not None else payment.amount
    currency = payment.paid_currency or payment.currency
    return [
        {"key": "service", "label_km": "សេវា", "label_en": "Service",
         "value_km": service.name_km, "value_en": service.name_en},
        {"key": "reference", "label_km": "លេខយោង", "label_en": "Reference",
         "value_km": payment.reference},
        {"key": "amount", "label_km": "ចំនួនទឹកប្រាក់", "label_en": "Amount paid",
         "value_km": format_money(amount, currency, "km"),
         "value_en": format_money(amount, currency, "en")},
        {"key": "paid_at", "label_km": "ថ្ងៃបង់ប្រាក់", "label_en": "Paid on",
         "value_km": f"{format_date(paid_at, 'km')}, {format_time(paid_at, 'km')}",
         "value_en": f"{format_date(paid_at, 'en')}, {format_time(paid_at, 'en')}"},
        {"key": "method", "label_km": "វិធីបង់ប្រាក់", "label_en": "Paid by",
         "value_km": "សាច់ប្រាក់នៅបញ្ជរ" if cash else "KHQR (បាគង)",
         "value_en": "Cash at the counter" if cash else "KHQR (Bakong)"},
    ]  # fmt: skip


def issue_receipt_later(payment: PaymentRequest) -> None:
    """Issue the receipt once the caller's transaction has committed."""
    transaction.on_commit(lambda: ensure_receipt(payment.pk), robust=True)


def ensure_receipt(payment_id: int) -> IssuedDocument | None:
    """Return the paid request's receipt, issuing it if it has none yet; None if the
    request is not paid or signing failed (logged; the next call tries again)."""
    payment = (
        PaymentRequest.objects.select_related(
            "receipt", "case__service", "case__applicant", "case__office", "case__application"
        )
        .filter(pk=payment_id)
        .first()
    )
    if payment is None or payment.status != PaymentRequest.Status.PAID:
        return None
    if payment.receipt is not None:
        return payment.receipt
    case = payment.case
    try:
        document = prepare_document(
            kind="receipt",
            template_key=RECEIPT_TEMPLATE,
            holder_name=holder_name(case.applicant),
            facts=receipt_facts(payment),
            issuer_office=case.office,
            subject=payment,
            holder=case.applicant,
            holder_organisation=case.application.organisation,
        )
    except Exception:  # any failure of signing or rendering: the payment stays paid
        logger.exception("payment receipt not signed", extra={"reference": payment.reference})
        return None
    with transaction.atomic():
        # A second confirmation, or the page, may have issued it meanwhile: one receipt.
        current = PaymentRequest.objects.select_for_update().get(pk=payment.pk)
        if current.receipt_id is not None:
            storages["documents"].delete(document.pdf_name)  # the PDF nobody will have
            return IssuedDocument.objects.get(pk=current.receipt_id)
        current.receipt = do_save_document(document)
        current.save(update_fields=["receipt"])
    return current.receipt
