"""Asking for a fee: a payment request with its KHQR when a case with a fee is opened,
and recording what the payment network says was paid (once, whatever it says twice).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from audit.log import log_action
from cases.definitions import Transition
from cases.models import Case, workflow_for
from core.formatting import format_date, format_money, format_time
from notifications.api import notify
from payments import khqr
from payments.mismatches import reason_against, record_mismatch
from payments.models import Mismatch, PaymentRequest, Source
from payments.receipts import issue_receipt_later

logger = logging.getLogger(__name__)


def fee_of_case(case: Case) -> tuple[Decimal, str] | None:
    """The amount and currency the case's applicant owes (riel first), or None if free."""
    riel, dollars = case.application.fee()
    if riel:
        return riel, "KHR"
    if dollars:
        return dollars, "USD"
    return None


def payload_for(
    reference: str, amount: Decimal, currency: str, created: datetime, expires: datetime
) -> str:
    """The dynamic KHQR for one bill, paid into the portal's account (settings.SALA_KHQR_*)."""
    return khqr.encode(
        khqr.KHQR(
            account_id=settings.SALA_KHQR_ACCOUNT_ID,
            acquiring_bank=settings.SALA_KHQR_ACQUIRING_BANK,
            merchant_name=settings.SALA_KHQR_MERCHANT_NAME,
            merchant_city=settings.SALA_KHQR_MERCHANT_CITY,
            currency=currency,
            amount=amount,
            bill_number=reference,
            language="km",
            name_km=settings.SALA_KHQR_NAME_KM,
            city_km=settings.SALA_KHQR_CITY_KM,
            created_ms=int(created.timestamp() * 1000),
            expires_ms=int(expires.timestamp() * 1000),
        )
    )


def do_request_payment(actor, case: Case) -> PaymentRequest | None:
    """Ask the case's applicant for its fee: return the request waiting for payment (a
    new one if there is none, or the last has expired); None if the service is free."""
    fee = fee_of_case(case)
    if fee is None:
        return None
    amount, currency = fee
    with transaction.atomic():
        Case.objects.select_for_update().filter(pk=case.pk).first()
        requests = PaymentRequest.objects.filter(case=case)
        waiting = next((r for r in requests if r.is_waiting), None)
        if waiting is not None:
            return waiting
        if requests.filter(status=PaymentRequest.Status.PAID).exists():
            return None
        now = timezone.now()
        expires = now + timedelta(minutes=settings.SALA_PAYMENT_EXPIRY_MINUTES)
        payload = payload_for(case.reference, amount, currency, now, expires)
        request = PaymentRequest.objects.create(
            case=case,
            reference=case.reference,
            amount=amount,
            currency=currency,
            payload=payload,
            md5=khqr.md5(payload),
            created_at=now,
            expires_at=expires,
        )
        log_action(
            actor,
            "payments.request.created",
            request,
            {"reference": case.reference, "amount": str(amount), "currency": currency},
            office=case.office_id,
            person=case.applicant,
        )
        notify(
            case.applicant,
            "payments.payment_due",
            _context(request),
            key=f"payment:{request.pk}:due",
        )
    return request


REMINDER_BEFORE = timedelta(hours=24)


def remind_before_expiry(now: datetime | None = None) -> int:
    """Remind, once, the applicants whose payment code expires within a day and is not
    paid; return how many were reminded."""
    now = now or timezone.now()
    due = PaymentRequest.objects.filter(
        status=PaymentRequest.Status.PENDING,
        expires_at__gt=now,
        expires_at__lte=now + REMINDER_BEFORE,
    ).select_related("case__service", "case__applicant")
    for request in due:
        notify(
            request.case.applicant,
            "payments.payment_reminder",
            _context(request),
            key=f"payment:{request.pk}:reminder",
        )
    return len(due)


def _context(request: PaymentRequest) -> dict:
    """What the payment events say, in both languages."""
    expires = timezone.localtime(request.expires_at)
    service = request.case.service
    return {
        "reference": request.reference,
        "service": {"km": service.name_km, "en": service.name_en},
        "amount": {
            language: format_money(request.amount, request.currency, language)
            for language in ("km", "en")
        },
        "expires": {
            language: f"{format_date(expires, language)}, {format_time(expires, language)}"
            for language in ("km", "en")
        },
        "url": request.get_absolute_url(),
    }


def request_fee_when_opened(case: Case) -> None:
    """The cases app's opened handler: a case with a fee due at submission asks for it."""
    if workflow_for(case.service).fee_due == "submission":
        do_request_payment(case.applicant, case)


def request_fee_when_approved(case: Case, transition: Transition, actor) -> None:
    """The cases app's transition handler: a service whose workflow says the fee is due
    on approval asks for it when the case is approved (the applicant is notified)."""
    if transition.target == "approved" and workflow_for(case.service).fee_due == "approval":
        do_request_payment(actor, case)


@dataclass(frozen=True)
class Confirmation:
    """What the payment network says was paid for one payload (found by its MD5)."""

    md5: str
    amount: Decimal
    currency: str
    transaction_hash: str
    payer_account: str
    paid_at: datetime
    source: str = Source.BAKONG


def do_record_payment(confirmation: Confirmation) -> PaymentRequest | None:
    """Record a confirmed payment on its request: paid if the amount and currency are the
    bill's and it came before the expiry, a mismatch otherwise (kept for a refund). The
    same payment confirmed again changes nothing; another payment of a paid bill, or one
    for a payload the portal never issued (then None is returned), is kept as a
    `Mismatch` with what arrived."""
    with transaction.atomic():
        request = (
            PaymentRequest.objects.select_for_update()
            .select_related("case")
            .filter(md5=confirmation.md5)
            .first()
        )
        if request is None:
            logger.warning("payment for an unknown payload", extra={"md5": confirmation.md5})
            _mismatch(confirmation, Mismatch.Reason.UNKNOWN_BILL, None)
            return None
        if request.paid_at is not None:
            if confirmation.transaction_hash not in ("", request.transaction_hash):
                _mismatch(confirmation, Mismatch.Reason.ALREADY_PAID, request)
            return request
        reason = reason_against(
            request,
            confirmation.amount,
            confirmation.currency,
            late=confirmation.paid_at > request.expires_at,
        )
        matches = reason is None
        request.status = PaymentRequest.Status.PAID if matches else PaymentRequest.Status.MISMATCH
        request.paid_at = confirmation.paid_at
        request.paid_amount = confirmation.amount
        request.paid_currency = confirmation.currency
        request.transaction_hash = confirmation.transaction_hash
        request.payer_account = confirmation.payer_account
        request.save()
        log_action(
            None,
            "payments.request.paid" if matches else "payments.request.mismatch",
            request,
            {
                "reference": request.reference,
                "amount": str(confirmation.amount),
                "currency": confirmation.currency,
                "hash": confirmation.transaction_hash,
            },
            office=request.case.office_id,
            person=request.case.applicant,
        )
        if reason is not None:
            _mismatch(confirmation, reason, request)
        else:
            notify_paid(request)
            issue_receipt_later(request)
    return request


def notify_paid(request: PaymentRequest) -> None:
    """Tell the applicant the fee is paid, however it was paid (KHQR or cash)."""
    notify(
        request.case.applicant, "payments.paid", _context(request), key=f"payment:{request.pk}:paid"
    )


def _mismatch(confirmation: Confirmation, reason: str, request: PaymentRequest | None) -> None:
    record_mismatch(
        source=confirmation.source,
        reason=reason,
        amount=confirmation.amount,
        currency=confirmation.currency,
        transaction_hash=confirmation.transaction_hash,
        payment=request,
        md5=confirmation.md5,
        payer_account=confirmation.payer_account,
        paid_at=confirmation.paid_at,
    )
