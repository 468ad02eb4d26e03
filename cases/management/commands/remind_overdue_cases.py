"""Tell each office's officers how many of its cases are overdue (run it daily)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from cases.reminders import do_remind_overdue


class Command(BaseCommand):
    help = "Notify the officers of offices with overdue cases (once a day per office)."

    def handle(self, *args, **options) -> None:
        offices, people = do_remind_overdue()
        self.stdout.write(f"Overdue reminders: {offices} offices, {people} officers notified.")
