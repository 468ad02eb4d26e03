"""Refunds, four eyes: an officer who handles the case's office asks to give back all or
part of a payment, with a reason; a second officer of that office who decides (approver,
head of office) approves or rejects it. Nobody decides their own request. The amount is
never more than was paid minus what was given back or is already asked for.

Approving records the refund; the money itself goes back through the office's bank (the
finance officer's transfer), outside the portal.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import OfficeMembership, User
from accounts.roles import DECIDE, roles_for
from audit.log import log_action
from core.formatting import format_money, to_ascii_digits
from notifications.api import notify
from payments.models import PaymentRequest, Refund

REFUNDABLE = (PaymentRequest.Status.PAID, PaymentRequest.Status.MISMATCH)


class RefundError(Exception):
    """A refund cannot be asked for or decided as asked; the message is translated."""


def may_request_refund(user, payment: PaymentRequest) -> bool:
    return user.has_perm("cases.handle_case", payment.case)


def may_decide_refund(user, refund: Refund) -> bool:
    """An officer who decides in the case's office, other than the one who asked."""
    payment = refund.payment
    return (
        payment is not None
        and refund.requested_by_id != user.pk
        and user.has_perm("cases.decide_case", payment.case)
    )


def parse_amount(text: str) -> Decimal | None:
    """The amount typed by the officer ("20000", "20,000", "២០០០០", "4.50"), or None."""
    try:
        amount = Decimal(to_ascii_digits(str(text)).replace(",", "").replace(" ", "").strip())
    except (InvalidOperation, ValueError):
        return None
    if not amount.is_finite() or amount <= 0 or amount != amount.quantize(Decimal("0.01")):
        return None
    return amount


def _asked_for(payment: PaymentRequest) -> Decimal:
    return payment.refunds.filter(status=Refund.Status.REQUESTED).aggregate(total=Sum("amount"))[
        "total"
    ] or Decimal(0)


def open_to_request(payment: PaymentRequest) -> Decimal:
    """What may still be asked for: paid, minus refunded, minus refunds awaiting approval."""
    return max(payment.refundable_amount - _asked_for(payment), Decimal(0))


def do_request_refund(officer, payment: PaymentRequest, amount: Decimal, reason: str) -> Refund:
    """Ask for a refund of `amount` (in the currency paid) for `reason`; raise
    PermissionDenied or RefundError."""
    reason = reason.strip()
    if not reason:
        raise RefundError(_("Write why the money is given back."))
    with transaction.atomic():
        payment = (
            PaymentRequest.objects.select_for_update()
            .select_related("case__service", "case__applicant")
            .get(pk=payment.pk)
        )
        if not may_request_refund(officer, payment):
            raise PermissionDenied
        same = payment.refunds.filter(
            status=Refund.Status.REQUESTED, requested_by=officer, amount=amount, reason=reason
        ).first()
        if same is not None:  # the same request sent twice (a double click): one refund
            return same
        if payment.status not in REFUNDABLE or payment.paid_at is None:
            raise RefundError(_("Only a payment that was received can be refunded."))
        currency = payment.paid_currency or payment.currency
        if currency == "KHR" and amount != amount.to_integral_value():
            raise RefundError(_("Riel are refunded in whole riel."))
        most = open_to_request(payment)
        if amount > most:
            raise RefundError(
                _("At most %(amount)s can be refunded (paid, less refunds made or asked for).")
                % {"amount": format_money(most, currency, None)}
            )
        refund = Refund.objects.create(
            payment=payment, amount=amount, currency=currency, reason=reason, requested_by=officer
        )
        log_action(
            officer,
            "payments.refund.requested",
            refund,
            {"reference": payment.reference, "amount": str(amount), "currency": currency,
             "reason": reason},
            office=payment.case.office_id,
            person=payment.case.applicant,
        )  # fmt: skip
    transaction.on_commit(lambda: notify_deciders(refund), robust=True)
    return refund


def notify_deciders(refund: Refund) -> int:
    """Tell the officers who may approve the refund (all but the one who asked) that it
    waits for them; return how many were told."""
    payment = refund.payment
    office = payment.case.office if payment is not None else None
    if payment is None or office is None:
        return 0
    deciders = [
        officer
        for officer in User.objects.filter(
            office_memberships__in=OfficeMembership.objects.active().filter(
                office=office, role__code__in=roles_for(DECIDE)
            )
        ).distinct()
        if officer.pk != refund.requested_by_id
    ]
    with translation.override("km"):
        url = refund.get_absolute_url()
    context = {**_context(refund, payment), "url": url}
    for officer in deciders:
        notify(officer, "payments.refund_to_approve", context, key=f"refund:{refund.pk}:asked")
    return len(deciders)


def do_decide_refund(officer, refund: Refund, *, approve: bool, note: str = "") -> Refund:
    """Approve or reject a refund asked for by someone else; raise PermissionDenied or
    RefundError (already decided, or approving it would give back more than was paid).
    The applicant is told either way."""
    note = note.strip()
    if not approve and not note:
        raise RefundError(_("Write why the refund is rejected."))
    with transaction.atomic():
        refund = Refund.objects.select_for_update().get(public_id=refund.public_id)
        if refund.payment_id is None:  # a payment without a bill of ours: not yet decided here
            raise PermissionDenied
        payment = (
            PaymentRequest.objects.select_for_update()
            .select_related("case__service", "case__applicant")
            .get(pk=refund.payment_id)
        )
        refund.payment = payment
        if not may_decide_refund(officer, refund):
            raise PermissionDenied
        decided = Refund.Status.APPROVED if approve else Refund.Status.REJECTED
        if refund.status == decided and refund.decided_by_id == officer.pk:
            return refund  # the same decision sent twice (a double click): taken once
        if refund.status != Refund.Status.REQUESTED:
            raise RefundError(_("This refund was already decided."))
        if approve and refund.amount > payment.refundable_amount:
            raise RefundError(_("This would give back more than was paid."))
        refund.status = decided
        refund.decided_by, refund.decided_at, refund.decision_note = officer, timezone.now(), note
        refund.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
        if approve:
            payment.refunded_amount += refund.amount
            payment.save(update_fields=["refunded_amount"])
        log_action(
            officer,
            "payments.refund.approved" if approve else "payments.refund.rejected",
            refund,
            {"reference": payment.reference, "amount": str(refund.amount),
             "currency": refund.currency, "note": note},
            office=payment.case.office_id,
            person=payment.case.applicant,
        )  # fmt: skip
        notify(
            payment.case.applicant,
            "payments.refund_approved" if approve else "payments.refund_rejected",
            _context(refund, payment),
            key=f"refund:{refund.pk}:{refund.status}",
        )
    return refund


def _context(refund: Refund, payment: PaymentRequest) -> dict:
    service = payment.case.service
    return {
        "reference": payment.reference,
        "service": {"km": service.name_km, "en": service.name_en},
        "amount": {
            language: format_money(refund.amount, refund.currency, language)
            for language in ("km", "en")
        },
        "url": payment.get_absolute_url(),
    }
