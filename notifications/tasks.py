"""Background work of the outbox. Each task is safe to run twice or concurrently: the
claim on each delivery row decides who sends it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django_tasks import task

from notifications.delivering import DeliveryReport, chunks, deliver

DRAIN_ROUNDS = 100
TASK_CHUNK = 200  # deliveries per task when a fan-out is split between workers


@task()
def deliver_notifications(delivery_ids: list[int]) -> int:
    """Send these deliveries (enqueued when they are written); return how many went out."""
    report = deliver(delivery_ids)
    enqueue_retries(report)
    return report.sent


@task()
def drain_outbox() -> int:
    """Send every due delivery, batch after batch (enqueued by the sweep); return how many
    went out."""
    total = DeliveryReport()
    for _round in range(DRAIN_ROUNDS):
        report = deliver()
        enqueue_retries(report)
        total.add(report)
        if not report.claimed:
            break
    return total.sent


def enqueue_retries(report: DeliveryReport) -> None:
    if report.retry_ids:
        enqueue_delivery(report.retry_ids, run_after=report.next_retry_at)


def enqueue_delivery(delivery_ids: Sequence[int], run_after: datetime | None = None) -> None:
    """Enqueue tasks for the deliveries; if enqueueing fails the sweep finds them later."""
    task = deliver_notifications
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # the sweep picks retries up when their time comes
        task = task.using(run_after=run_after)
    for chunk in chunks(list(delivery_ids), TASK_CHUNK):
        task.enqueue(list(chunk))
