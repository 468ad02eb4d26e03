"""Load the demo data (idempotent; the demo app is not installed in production)."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from demo.loading import STEPS


class Command(BaseCommand):
    help = "Load demo accounts and content. Running it again changes nothing."

    def handle(self, *args, **options) -> None:
        for step in STEPS:
            try:
                line = step.load()
            except ImproperlyConfigured as exc:
                raise CommandError(str(exc)) from exc
            self.stdout.write(line)
