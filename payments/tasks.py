"""Background work: `poll_payments` is enqueued by `manage.py poll_payments` (cron)."""

from __future__ import annotations

from django_tasks import task

from payments.polling import poll_payments as poll
from payments.requesting import remind_before_expiry


@task()
def poll_payments() -> dict[str, int | bool]:
    """Ask the payment network about the pending requests, then remind, once, those whose
    code expires within a day; return the counts."""
    result = poll()
    reminded = remind_before_expiry()
    return {
        "asked": result.asked,
        "recorded": result.recorded,
        "failed": result.failed,
        "reminded": reminded,
    }
