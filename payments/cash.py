"""Cash at the counter: an officer of the case's office who takes walk-ins (accounts'
`counter_intake`: counter staff and clerks) records the fee paid in cash, once, and
prints the receipt. The applicant is told, as for a KHQR payment."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from accounts.officers import offices_of
from accounts.roles import COUNTER_INTAKE, roles_for
from audit.log import log_action
from payments.models import PaymentRequest
from payments.receipts import issue_receipt_later
from payments.requesting import notify_paid


def may_take_cash(user, payment: PaymentRequest) -> bool:
    office_id = payment.case.office_id
    return bool(
        office_id and offices_of(user, roles_for(COUNTER_INTAKE)).filter(pk=office_id).exists()
    )


def do_record_cash(officer, payment: PaymentRequest) -> PaymentRequest:
    """Record the bill's amount paid in cash to `officer`; a second call changes nothing."""
    with transaction.atomic():
        payment = (
            PaymentRequest.objects.select_for_update()
            .select_related("case__service", "case__applicant")
            .get(pk=payment.pk)
        )
        if payment.paid_at is not None:
            return payment
        payment.status = PaymentRequest.Status.PAID
        payment.paid_at = timezone.now()
        payment.paid_amount, payment.paid_currency = payment.amount, payment.currency
        payment.transaction_hash = f"cash-{payment.pk}"
        payment.payer_account = "cash"
        payment.save()
        log_action(
            officer,
            "payments.request.paid_in_cash",
            payment,
            {"reference": payment.reference, "amount": str(payment.amount),
             "currency": payment.currency},
            office=payment.case.office_id,
            person=payment.case.applicant,
        )  # fmt: skip
        notify_paid(payment)
        issue_receipt_later(payment)
    return payment
