"""Import a CSV or XLSX file of market prices, with progress and a summary of counts.

    manage.py import_market_prices prices.csv [--user USERNAME]

Columns: date, market, commodity, price_type, unit, currency, price, source (markets and
commodities by their codes; price_type, unit and currency default to the commodity's).
Each refused row is printed with its line and reason; the good rows are imported.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from markets.importing import do_import_prices
from markets.parsing import UnreadableFile, read_rows


class Command(BaseCommand):
    help = "Import market prices from a CSV or XLSX file."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--user", default="", help="the username the import is recorded for")

    def handle(self, *args, path, user, **options):
        actor = None
        if user:
            actor = get_user_model().objects.filter(username=user).first()
            if actor is None:
                raise CommandError(f"No user {user!r}.")
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No file {path!r}.")

        def progress(read: int, imported: int) -> None:
            self.stdout.write(f"  {read:,} rows read, {imported:,} imported")

        with file.open("rb") as stream:
            try:
                result = do_import_prices(
                    actor, read_rows(stream, file.name), file.name, progress=progress
                )
            except UnreadableFile as error:
                raise CommandError(f"Cannot read {path}: {error}") from error
        for refused in result.errors:
            self.stdout.write(f"  line {refused.line}: {refused.reason_en} / {refused.reason_km}")
        self.stdout.write(
            f"{result.rows:,} rows read: {result.imported:,} imported, {result.refused:,} refused."
        )
