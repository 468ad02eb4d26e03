"""Remind everyone booked at a health centre for tomorrow (run it daily)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from health.booking import send_reminders


class Command(BaseCommand):
    help = "Notify the people with a health-centre appointment tomorrow (once each)."

    def handle(self, *args, **options) -> None:
        count = send_reminders()
        self.stdout.write(f"Health appointment reminders: {count} people notified.")
