"""Background work of the outbox. Each task is safe to run twice or concurrently: the
claim on each delivery row decides who sends it."""

from __future__ import annotations

from django_tasks import task

from notifications.outbox import DeliveryReport, deliver

DRAIN_ROUNDS = 100


@task()
def deliver_notifications(delivery_ids: list[int]) -> int:
    """Send these deliveries (enqueued when they are written); return how many went out."""
    return deliver(delivery_ids).sent


@task()
def drain_outbox() -> int:
    """Send every due delivery, batch after batch (enqueued by the sweep); return how many
    went out."""
    total = DeliveryReport()
    for _round in range(DRAIN_ROUNDS):
        report = deliver()
        total.add(report)
        if not report.claimed:
            break
    return total.sent
