"""What the payments app plugs into the apps below it (called from `PaymentsConfig.ready`):
a case opened for a service with a fee asks for it (`cases.opening.register_opened_handler`),
or, if its workflow says so, once approved (`cases.workflow.register_transition_handler`);
a case waiting for its payment or a refund's approval says so in My applications and the
officer's queue, and a paid one links to its receipt (`cases.waiting.register_waiting`),
and its document is not issued until the fee is paid (`cases.issuing.register_issue_check`);
a receipt's PDF is for the officers of the office handling the case
(`documents.handling.register_handling_office`), who reach the payment from its
verification page (`documents.actions.register_verification_actions`)."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.issuing import register_issue_check
from cases.models import Case
from cases.opening import register_opened_handler
from cases.waiting import Waiting, register_waiting
from cases.workflow import register_transition_handler
from documents.actions import register_verification_actions
from documents.handling import register_handling_office
from documents.models import IssuedDocument
from payments.models import PaymentRequest, Refund
from payments.receipts import RECEIPT_TEMPLATE
from payments.requesting import request_fee_when_approved, request_fee_when_opened


def waiting_for_payment(cases: list[Case]) -> dict[int, Waiting]:
    """The cases whose fee is asked and not yet paid, each with its payment page; those
    whose fee is paid, with the page that has the receipt; a refund waiting for approval
    says so instead."""
    requests = PaymentRequest.objects.filter(
        case__in=cases, status__in=[PaymentRequest.Status.PENDING, PaymentRequest.Status.PAID]
    ).only("public_id", "case_id", "status", "expires_at")
    waiting: dict[int, Waiting] = {}
    now = timezone.now()
    for request in requests:
        if request.status == PaymentRequest.Status.PAID:
            waiting[request.case_id] = Waiting(_("Fee paid"), request.get_absolute_url(), True)
        elif request.expires_at > now and request.case_id not in waiting:
            waiting[request.case_id] = Waiting(_("Waiting for payment"), request.get_absolute_url())
    asked = PaymentRequest.objects.filter(
        case__in=cases, refunds__status=Refund.Status.REQUESTED
    ).only("public_id", "case_id")
    for request in asked:
        waiting[request.case_id] = Waiting(
            _("Refund waiting for approval"), request.get_absolute_url()
        )
    return waiting


def fee_not_paid(case: Case) -> str | None:
    """Why the case's document may not be issued: a fee was asked for and is not paid."""
    fees = PaymentRequest.objects.filter(case=case)
    if not fees.exists() or fees.filter(status=PaymentRequest.Status.PAID).exists():
        return None
    return _(
        "The fee for this application is not paid yet, so the document cannot be issued. "
        "Issue it once the payment page says the fee is paid."
    )


def payment_of_receipt(user, document: IssuedDocument) -> list[tuple[str, str]]:
    """On a receipt's verification page, the officers who read the case reach its payment."""
    payment = PaymentRequest.objects.select_related("case").filter(receipt=document).first()
    if payment is None or not user.has_perm("cases.view_case", payment.case):
        return []
    return [(_("Open the payment"), payment.get_absolute_url())]


def register_hooks() -> None:
    """At start-up; an instance with SALA_PAYMENTS_ENABLED=false asks no fee online."""
    if settings.SALA_PAYMENTS_ENABLED:
        register_opened_handler(request_fee_when_opened)
        register_transition_handler(request_fee_when_approved)
    register_waiting(waiting_for_payment)
    register_issue_check(fee_not_paid)
    register_handling_office(PaymentRequest, lambda payment: payment.case.office)
    register_verification_actions(RECEIPT_TEMPLATE, payment_of_receipt)
