"""Generate made-up weekly market prices (demo data, marked as such on every page).

    manage.py generate_market_prices [--weeks 104] [--markets 60] [--commodities N] [--seed 22]

Uses the first MARKETS market facilities (by code) and the first N commodities of the
catalogue (all by default), and imports the series as a price file would be, so the
latest and weekly prices are refreshed too. Prices already recorded are skipped, so a
second run adds nothing. Refused in production.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from markets.demo import generate_demo_prices


class Command(BaseCommand):
    help = "Generate demo weekly market prices (seeded, labelled as demo data)."

    def add_arguments(self, parser):
        parser.add_argument("--weeks", type=int, default=104)
        parser.add_argument("--markets", type=int, default=60)
        parser.add_argument("--commodities", type=int, default=None)
        parser.add_argument("--seed", type=int, default=22)

    def handle(self, *args, weeks, markets, commodities, seed, **options):
        def progress(read: int, imported: int) -> None:
            self.stdout.write(f"  {read:,} rows generated, {imported:,} imported")

        result = generate_demo_prices(
            weeks=weeks, markets=markets, commodities=commodities, seed=seed, progress=progress
        )
        self.stdout.write(
            f"Demo market prices: {result.rows:,} rows, {result.imported:,} imported, "
            f"{result.refused:,} refused (already there)."
        )
