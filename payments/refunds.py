"""Refunds, four eyes: an officer asks to give back all or part of money received, with a
reason; a second officer decides (approves or rejects) it. Nobody decides their own
request. The amount is never more than was received minus what was given back or is
already asked for.

Money is refunded either for a payment request (asked by an officer who handles the case's
office, decided by one who decides there) or for a mismatch, money that did not pay a bill,
even one the portal never issued (asked and decided by finance officers of its office, or
by any finance officer for a mismatch with no office, as the reconciliation list shows it).

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
from payments.models import Mismatch, PaymentRequest, Refund
from payments.reconciliation import finance_offices

REFUNDABLE = (PaymentRequest.Status.PAID, PaymentRequest.Status.MISMATCH)

Refundable = PaymentRequest | Mismatch


class RefundError(Exception):
    """A refund cannot be asked for or decided as asked; the message is translated."""


def reconciles(user, mismatch: Mismatch) -> bool:
    """A finance officer of the mismatch's office (any finance officer if it has none)."""
    offices = finance_offices(user)
    if mismatch.office_id is None:
        return offices.exists()
    return offices.filter(pk=mismatch.office_id).exists()


def may_request_refund(user, target: Refundable) -> bool:
    if isinstance(target, Mismatch):
        return reconciles(user, target)
    return user.has_perm("cases.handle_case", target.case)


def may_decide_refund(user, refund: Refund) -> bool:
    """Another officer than the one who asked, who decides where the money was received."""
    if refund.requested_by_id == user.pk:
        return False
    if refund.mismatch is not None:
        return reconciles(user, refund.mismatch)
    payment = refund.payment
    return payment is not None and user.has_perm("cases.decide_case", payment.case)


def parse_amount(text: str) -> Decimal | None:
    """The amount typed by the officer ("20000", "20,000", "២០០០០", "4.50"), or None."""
    try:
        amount = Decimal(to_ascii_digits(str(text)).replace(",", "").replace(" ", "").strip())
    except (InvalidOperation, ValueError):
        return None
    if not amount.is_finite() or amount <= 0 or amount != amount.quantize(Decimal("0.01")):
        return None
    return amount


def _asked_for(target: Refundable) -> Decimal:
    return target.refunds.filter(status=Refund.Status.REQUESTED).aggregate(total=Sum("amount"))[
        "total"
    ] or Decimal(0)


def refundable(target: Refundable) -> Decimal:
    """What was received and not yet given back."""
    if isinstance(target, PaymentRequest):
        return target.refundable_amount
    given = target.refunds.filter(status=Refund.Status.APPROVED).aggregate(total=Sum("amount"))
    return max(target.amount - (given["total"] or Decimal(0)), Decimal(0))


def open_to_request(target: Refundable) -> Decimal:
    """What may still be asked for: received, minus refunded, minus refunds awaiting
    approval."""
    return max(refundable(target) - _asked_for(target), Decimal(0))


def currency_of(target: Refundable) -> str:
    if isinstance(target, PaymentRequest):
        return target.paid_currency or target.currency
    return target.currency


def _locked_payment(pk: int) -> PaymentRequest:
    return (
        PaymentRequest.objects.select_for_update()
        .select_related("case__service", "case__applicant")
        .get(pk=pk)
    )


def _locked_mismatch(pk: int) -> Mismatch:
    return Mismatch.objects.select_for_update().get(pk=pk)


def _locked(target: Refundable) -> Refundable:
    if isinstance(target, PaymentRequest):
        return _locked_payment(target.pk)
    return _locked_mismatch(target.pk)


def _where(target: Refundable) -> tuple[str, int | None, User | None]:
    """The reference, office and person the audit entries are filed under."""
    if isinstance(target, PaymentRequest):
        return target.reference, target.case.office_id, target.case.applicant
    person = target.payment.case.applicant if target.payment is not None else None
    return target.reference or target.md5 or target.transaction_hash, target.office_id, person


def do_request_refund(officer, target: Refundable, amount: Decimal, reason: str) -> Refund:
    """Ask for a refund of `amount` (in the currency received) of a payment request or a
    mismatch, for `reason`; raise PermissionDenied or RefundError."""
    reason = reason.strip()
    if not reason:
        raise RefundError(_("Write why the money is given back."))
    with transaction.atomic():
        target = _locked(target)
        if not may_request_refund(officer, target):
            raise PermissionDenied
        same = target.refunds.filter(
            status=Refund.Status.REQUESTED, requested_by=officer, amount=amount, reason=reason
        ).first()
        if same is not None:  # the same request sent twice (a double click): one refund
            return same
        if isinstance(target, PaymentRequest) and (
            target.status not in REFUNDABLE or target.paid_at is None
        ):
            raise RefundError(_("Only a payment that was received can be refunded."))
        currency = currency_of(target)
        if currency == "KHR" and amount != amount.to_integral_value():
            raise RefundError(_("Riel are refunded in whole riel."))
        most = open_to_request(target)
        if amount > most:
            raise RefundError(
                _("At most %(amount)s can be refunded (paid, less refunds made or asked for).")
                % {"amount": format_money(most, currency, None)}
            )
        field = "payment" if isinstance(target, PaymentRequest) else "mismatch"
        refund = Refund.objects.create(
            **{field: target}, amount=amount, currency=currency, reason=reason,
            requested_by=officer,
        )  # fmt: skip
        reference, office_id, person = _where(target)
        log_action(
            officer,
            "payments.refund.requested",
            refund,
            {"reference": reference, "amount": str(amount), "currency": currency,
             "reason": reason, "of": field},
            office=office_id,
            person=person,
        )  # fmt: skip
    transaction.on_commit(lambda: notify_deciders(refund), robust=True)
    return refund


def notify_deciders(refund: Refund) -> int:
    """Tell the officers who may approve the refund (all but the one who asked) that it
    waits for them; return how many were told. A mismatch's refund waits for the finance
    officers in the reconciliation list instead."""
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
    RefundError (already decided, or approving it would give back more than was received).
    The applicant, when there is one, is told either way."""
    note = note.strip()
    if not approve and not note:
        raise RefundError(_("Write why the refund is rejected."))
    with transaction.atomic():
        refund = Refund.objects.select_for_update().get(public_id=refund.public_id)
        target: Refundable
        if refund.payment_id is not None:
            refund.payment = target = _locked_payment(refund.payment_id)
        elif refund.mismatch_id is not None:
            refund.mismatch = target = _locked_mismatch(refund.mismatch_id)
        else:
            raise PermissionDenied
        if not may_decide_refund(officer, refund):
            raise PermissionDenied
        decided = Refund.Status.APPROVED if approve else Refund.Status.REJECTED
        if refund.status == decided and refund.decided_by_id == officer.pk:
            return refund  # the same decision sent twice (a double click): taken once
        if refund.status != Refund.Status.REQUESTED:
            raise RefundError(_("This refund was already decided."))
        if approve and refund.amount > refundable(target):
            raise RefundError(_("This would give back more than was paid."))
        refund.status = decided
        refund.decided_by, refund.decided_at, refund.decision_note = officer, timezone.now(), note
        refund.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
        if approve and isinstance(target, PaymentRequest):
            target.refunded_amount += refund.amount
            target.save(update_fields=["refunded_amount"])
        reference, office_id, person = _where(target)
        log_action(
            officer,
            "payments.refund.approved" if approve else "payments.refund.rejected",
            refund,
            {"reference": reference, "amount": str(refund.amount),
             "currency": refund.currency, "note": note},
            office=office_id,
            person=person,
        )  # fmt: skip
        payment = target if isinstance(target, PaymentRequest) else target.payment
        if payment is not None:
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
