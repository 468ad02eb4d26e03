"""Remind clinicians of health questions waiting past their due time (run it hourly)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from health.questions import send_overdue_reminders


class Command(BaseCommand):
    help = "Notify the clinicians of each health question waiting past its due time (once)."

    def handle(self, *args, **options) -> None:
        count = send_overdue_reminders()
        self.stdout.write(f"Overdue health questions: clinicians reminded of {count}.")
