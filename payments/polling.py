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

from django.db.models import F
from django.utils import timezone

from payments.models import PaymentRequest
from payments.providers import MAX_MD5_LIST, Provider, ProviderError, provider
from payments.requesting import do_record_payment

logger = logging.getLogger(__name__)

LATE_PAYMENT_WINDOW = timedelta(days=1)


@dataclass(frozen=True)
class PollResult:
    asked: int
    recorded: int
    failed: bool


def poll_payments(source: Provider | None = None) -> PollResult:
    """Ask about every pending request, 50 at a time; record what was paid; expire what
    is past. A batch the provider cannot answer (after its retries) stops the run: what
    the earlier batches said is recorded, the rest is asked again on the next run."""
    now = timezone.now()
    PaymentRequest.objects.filter(
        status=PaymentRequest.Status.PENDING, expires_at__lte=now - LATE_PAYMENT_WINDOW
    ).update(status=PaymentRequest.Status.EXPIRED)
    md5s = list(
        PaymentRequest.objects.filter(
            status=PaymentRequest.Status.PENDING, expires_at__gt=now - LATE_PAYMENT_WINDOW
        )
        .order_by(F("checked_at").asc(nulls_first=True), "pk")
        .values_list("md5", flat=True)
    )
    if not md5s:
        return PollResult(0, 0, failed=False)
    source = source or provider()
    asked = recorded = 0
    for start in range(0, len(md5s), MAX_MD5_LIST):
        batch = md5s[start : start + MAX_MD5_LIST]
        try:
            confirmations = source.confirmations(batch)
        except ProviderError as exc:
            logger.warning("payment provider failed; will ask again", extra={"error": str(exc)})
            return PollResult(asked, recorded, failed=True)
        recorded += sum(do_record_payment(c) is not None for c in confirmations)
        PaymentRequest.objects.filter(md5__in=batch).update(checked_at=now)
        asked += len(batch)
    return PollResult(asked, recorded, failed=False)
