"""What the payments app plugs into the apps below it (called from `PaymentsConfig.ready`):
a case opened for a service with a fee asks for it (`cases.opening.register_opened_handler`),
and a case waiting for its payment says so in My applications and the officer's queue
(`cases.waiting.register_waiting`)."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import Case
from cases.opening import register_opened_handler
from cases.waiting import Waiting, register_waiting
from payments.models import PaymentRequest
from payments.requesting import request_fee_when_opened


def waiting_for_payment(cases: list[Case]) -> dict[int, Waiting]:
    """The cases whose fee is asked and not yet paid, each with its payment page."""
    waiting = (
        PaymentRequest.objects.filter(
            case__in=cases, status=PaymentRequest.Status.PENDING, expires_at__gt=timezone.now()
        )
        .exclude(case__payment_requests__status=PaymentRequest.Status.PAID)
        .only("public_id", "case_id")
    )
    return {
        request.case_id: Waiting(_("Waiting for payment"), request.get_absolute_url())
        for request in waiting
    }


def register_hooks() -> None:
    """At start-up; an instance with SALA_PAYMENTS_ENABLED=false asks no fee online."""
    if settings.SALA_PAYMENTS_ENABLED:
        register_opened_handler(request_fee_when_opened)
    register_waiting(waiting_for_payment)
