"""Demo payments (idempotent): the two demo case services charge a fee (the residence
certificate 20,000 riel, the small business permit 12.50 dollars), and the first case of
each is asked for it: the residence certificate's is paid (through the demo bank's
account, with its signed receipt), the business permit's waits for payment."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from cases.models import Case
from payments.models import PaymentRequest
from payments.requesting import Confirmation, do_record_payment, do_request_payment
from services.models import Service

FEES = {
    "demo-residence-certificate": {"fee_khr": Decimal(20000)},
    "demo-business-permit": {"fee_usd": Decimal("12.50")},
}
PAID = "demo-residence-certificate"
DEMO_PAYER = "dara_demo@aclb"


@dataclass
class DemoPayments:
    services: int = 0
    requests: int = 0
    paid: int = 0

    def summary(self) -> str:
        return (
            f"Demo payments: {self.services} services given a fee, {self.requests} payment "
            f"requests, {self.paid} paid."
        )


def load_demo() -> DemoPayments:
    counts = DemoPayments()
    for slug, fee in FEES.items():
        service = Service.objects.filter(slug=slug).first()
        if service is None:
            continue
        if service.fee_kind != Service.FeeKind.FIXED:
            Service.objects.filter(pk=service.pk).update(fee_kind=Service.FeeKind.FIXED, **fee)
            counts.services += 1
        case = Case.objects.filter(service=service).order_by("received_at", "pk").first()
        if case is None or PaymentRequest.objects.filter(case=case).exists():
            continue
        case = Case.objects.select_related("application__service").get(pk=case.pk)
        request = do_request_payment(case.applicant, case)
        if request is None:
            continue
        counts.requests += 1
        if slug == PAID:
            do_record_payment(
                Confirmation(
                    md5=request.md5,
                    amount=request.amount,
                    currency=request.currency,
                    transaction_hash=f"demo-{request.md5}",
                    payer_account=DEMO_PAYER,
                    paid_at=timezone.now(),
                )
            )
            counts.paid += 1
    return counts
