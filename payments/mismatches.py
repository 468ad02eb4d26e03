"""Payments that do not match a bill: recorded as they arrived, with the reason, for the
finance officers of the bill's office to refund or settle. Nothing here marks a bill paid.

Each provider reports a payment once per transaction; a transaction reported again by the
same source (a re-sent callback, the next poll, a re-imported statement) is the mismatch
already recorded, not a second one.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import IntegrityError, transaction

from audit.log import log_action
from payments.models import Mismatch, PaymentRequest


def reason_against(
    request: PaymentRequest, amount: Decimal, currency: str, late: bool
) -> str | None:
    """Why money reported for `request` does not pay it, or None if it does."""
    if request.paid_at is not None:
        return Mismatch.Reason.ALREADY_PAID
    if currency != request.currency:
        return Mismatch.Reason.WRONG_CURRENCY
    if amount != request.amount:
        return Mismatch.Reason.WRONG_AMOUNT
    if late or request.status == PaymentRequest.Status.EXPIRED:
        return Mismatch.Reason.EXPIRED
    return None


def record_mismatch(
    *,
    source: str,
    reason: str,
    amount: Decimal,
    currency: str,
    transaction_hash: str = "",
    payment: PaymentRequest | None = None,
    office=None,
    md5: str = "",
    reference: str = "",
    payer_account: str = "",
    paid_at=None,
) -> Mismatch:
    """Keep what arrived and why it does not match (once per source and transaction);
    audited as done by the portal, readable by the office's officers."""
    if transaction_hash:
        known = Mismatch.objects.filter(source=source, transaction_hash=transaction_hash).first()
        if known is not None:
            return known
    office_id = payment.case.office_id if payment is not None else getattr(office, "pk", office)
    try:
        with transaction.atomic():
            mismatch = Mismatch.objects.create(
                source=source,
                reason=reason,
                payment=payment,
                office_id=office_id,
                md5=md5[:32],
                reference=(reference or (payment.reference if payment else ""))[:64],
                amount=amount,
                currency=currency[:3],
                transaction_hash=transaction_hash[:64],
                payer_account=payer_account[:64],
                paid_at=paid_at,
            )
            log_action(
                None,
                "payments.mismatch.recorded",
                mismatch,
                {"source": source, "reason": reason, "reference": mismatch.reference,
                 "amount": str(amount), "currency": currency, "hash": transaction_hash},
                office=office_id,
                person=payment.case.applicant if payment is not None else None,
            )  # fmt: skip
    except IntegrityError:  # the same transaction, recorded by a concurrent report
        return Mismatch.objects.get(source=source, transaction_hash=transaction_hash)
    return mismatch
