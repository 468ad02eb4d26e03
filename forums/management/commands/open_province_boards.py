"""Give every current province its forum board (idempotent): run once after the
gazetteer is loaded, and again after it changes."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from forums.posting import open_province_boards


class Command(BaseCommand):
    help = "Open a forum board for every current province that has none."

    def handle(self, *args, **options) -> None:
        added = open_province_boards()
        self.stdout.write(f"Province boards: {added} opened.")
