"""The sweep, run every minute by `manage.py sweep_outbox`: it enqueues work for anything
due whose task was lost, retries whose time has come, and sends the daily digests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from notifications.delivering import DRAIN_BATCH
from notifications.digests import do_send_due_digests
from notifications.models import Delivery
from notifications.tasks import drain_outbox


@dataclass
class SweepReport:
    due: int
    tasks: int
    digests: int


def sweep(now: datetime | None = None) -> SweepReport:
    """Enqueue drain tasks for every due delivery (new ones whose task was lost, retries
    whose time came, claims whose worker died) and send the daily digests when due."""
    now = now or timezone.now()
    due = Delivery.objects.due(now).count()
    tasks = min(-(-due // DRAIN_BATCH), 4)
    for _number in range(tasks):
        drain_outbox.enqueue()
    return SweepReport(due=due, tasks=tasks, digests=do_send_due_digests(now))
