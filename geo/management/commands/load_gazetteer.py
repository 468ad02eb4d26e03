"""Load or update Cambodia's administrative areas from the bundled gazetteer."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from geo.gazetteer import LevelCounts, do_load_gazetteer
from geo.models import Area


class Command(BaseCommand):
    help = "Load the provinces, districts, communes and villages. Running it again changes nothing."

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        verbosity = options["verbosity"]

        def progress(level: int, counts: LevelCounts) -> None:
            if verbosity >= 1:
                self.stdout.write(
                    f"{Area.Level(level).name.lower()}: {counts.created} created, "
                    f"{counts.updated} updated, {counts.unchanged} unchanged"
                    + (f", {counts.skipped} skipped" if counts.skipped else "")
                )

        report = do_load_gazetteer(progress)
        retired = sum(c.retired for c in report.levels.values())
        if retired:
            self.stdout.write(f"{retired} areas no longer listed, kept as not current.")
        if report.skipped_codes and verbosity >= 2:
            self.stdout.write("Skipped codes (duplicate, malformed or without a parent):")
            self.stdout.write(", ".join(sorted(set(report.skipped_codes))))
        total = sum(c.total for c in report.levels.values())
        self.stdout.write(
            self.style.SUCCESS(f"Gazetteer: {total} areas in {time.monotonic() - started:.1f} s.")
        )
