"""Loading payment requests: the applicant pays; officers of the case's office who read its
cases, and its finance officers, read them (each opening audited, as for the case); anyone
else gets 404 or 403."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.officers import is_officer
from cases.access import record_access
from payments.models import PaymentRequest
from payments.reconciliation import finance_offices


@dataclass(frozen=True)
class PaymentAccess:
    request: PaymentRequest
    as_applicant: bool


def access_payment(request, public_id) -> PaymentAccess:
    """Return the payment request for its applicant, or read-only for an officer of the
    case's office (recorded in the audit log, allowed or refused)."""
    try:
        payment = PaymentRequest.objects.select_related(
            "case__service", "case__applicant", "case__office"
        ).get(public_id=public_id)
    except (PaymentRequest.DoesNotExist, ValueError) as exc:
        raise Http404 from exc
    user = request.user
    if payment.case.applicant_id == user.pk:
        return PaymentAccess(payment, as_applicant=True)
    if not (is_officer(user) or user.is_superuser):
        raise Http404
    office_id = payment.case.office_id
    allowed = user.has_perm("cases.view_case", payment.case) or (
        office_id is not None and finance_offices(user).filter(pk=office_id).exists()
    )
    record_access(payment.case, user, allowed=allowed, what="payment")
    if not allowed:
        raise PermissionDenied
    return PaymentAccess(payment, as_applicant=False)
