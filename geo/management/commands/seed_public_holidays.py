"""Add Cambodia's public holidays for a range of years (from the `holidays` package)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from geo.holidays import seed_public_holidays
from geo.models import PublicHoliday


class Command(BaseCommand):
    help = (
        "Add the public holidays of FIRST to LAST (years). A year that already has holidays "
        "is left as the administrators made it; running it again changes nothing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("first", type=int)
        parser.add_argument("last", type=int, nargs="?")

    def handle(self, *args, **options) -> None:
        first, last = options["first"], options["last"] or options["first"]
        if not 1993 <= first <= last <= 2100:
            raise CommandError("Give years from 1993 to 2100, the first not after the last.")
        with transaction.atomic():
            report = seed_public_holidays(PublicHoliday, first, last)
        self.stdout.write(self.style.SUCCESS(report.summary()))
