"""Write one month's health counts per facility as DHIS2 dataValueSets JSON."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from health.dhis2 import MEASURES, Month, data_value_set, monthly_counts


class Command(BaseCommand):
    help = (
        "Export the monthly counts per health facility (questions, bookings, attendances, "
        "no-shows) as DHIS2 dataValueSets JSON; no personal data."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--month", help="YYYY-MM (default: last month)")
        parser.add_argument("--output", help="a file to write (default: standard output)")

    def handle(self, *args, **options) -> None:
        try:
            month = Month.parse(options["month"]) if options["month"] else Month.previous()
        except ValueError as error:
            raise CommandError(f"--month must be YYYY-MM, e.g. 2026-11, not {error}") from None
        counts = monthly_counts(
            month, progress=lambda measure: self.stderr.write(f"Counting {measure} in {month}…")
        )
        document = json.dumps(data_value_set(month, counts), indent=2)
        if options["output"]:
            Path(options["output"]).write_text(document + "\n", encoding="utf-8")
        else:
            self.stdout.write(document)
        values = len(counts) * len(MEASURES)
        self.stderr.write(
            self.style.SUCCESS(
                f"DHIS2 export for {month}: {len(counts)} facilities, {values} data values"
                + (f", written to {options['output']}." if options["output"] else ".")
            )
        )
