"""Asking the provider which payment requests were paid (Bakong has no webhooks).

`poll_payments` runs as a task (`payments.tasks.poll_payments`, or `manage.py
poll_payments` from cron) every few minutes; nothing a citizen does waits on it. If the
provider cannot answer, nothing is marked and the next run asks again; requests expired
less than a day ago are still asked about, so a payment made just before the expiry is
not lost, and one made after it is recorded as a mismatch.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from payments.models import PaymentRequest
from payments.providers import Provider, ProviderError, provider
from payments.requesting import do_record_payment

logger = logging.getLogger(__name__)

LATE_PAYMENT_WINDOW = timedelta(days=1)


@dataclass(frozen=True)
class PollResult:
    asked: int
    recorded: int
    failed: bool


def poll_payments(source: Provider | None = None) -> PollResult:
    """Ask about every pending request; record what was paid; expire what is past."""
    now = timezone.now()
    PaymentRequest.objects.filter(
        status=PaymentRequest.Status.PENDING, expires_at__lte=now - LATE_PAYMENT_WINDOW
    ).update(status=PaymentRequest.Status.EXPIRED)
    pending = PaymentRequest.objects.filter(
        status=PaymentRequest.Status.PENDING, expires_at__gt=now - LATE_PAYMENT_WINDOW
    )
    md5s = list(pending.values_list("md5", flat=True))
    if not md5s:
        return PollResult(0, 0, failed=False)
    try:
        confirmations = (source or provider()).confirmations(md5s)
    except ProviderError as exc:
        logger.warning("payment provider failed; will ask again", extra={"error": str(exc)})
        return PollResult(len(md5s), 0, failed=True)
    recorded = sum(do_record_payment(c) is not None for c in confirmations)
    PaymentRequest.objects.filter(md5__in=md5s).update(checked_at=now)
    return PollResult(len(md5s), recorded, failed=False)
