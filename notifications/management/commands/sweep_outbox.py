"""Pick up outbox work whose task was lost and send the daily digests (run every minute)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandParser

from notifications.sweeping import sweep


class Command(BaseCommand):
    help = (
        "Enqueue delivery tasks for every due delivery (new ones whose task was lost, retries "
        "whose time came, claims of workers that died) and write the daily digests when due. "
        "Safe to run as often as you like, from cron or with --every."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--every",
            type=int,
            default=0,
            metavar="SECONDS",
            help="Keep running, sweeping every SECONDS (default: sweep once and exit).",
        )

    def handle(self, *args, every: int = 0, **options) -> None:
        while True:
            report = sweep()
            if report.due or report.digests or options["verbosity"] > 1 or not every:
                self.stdout.write(
                    f"Outbox sweep: {report.due} deliveries due, {report.tasks} tasks enqueued, "
                    f"{report.digests} digests written."
                )
            if not every:
                return
            time.sleep(every)
