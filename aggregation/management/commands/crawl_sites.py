"""Crawl the website sources now, page by page, with progress and a summary."""

from __future__ import annotations

import time
from collections import Counter

from django.core.management.base import BaseCommand, CommandParser

from aggregation.errors import PollError
from aggregation.models import Source
from aggregation.polling import crawl_site_safely

SUMMARY = (
    "fetched", "new", "changed", "unchanged", "not_modified", "removed", "errors",
    "new_legacy", "trap", "refused_by_robots", "too_large", "redirected_off_site",
)  # fmt: skip


class Command(BaseCommand):
    help = (
        "Crawl every enabled website source now (or those given with --source): robots.txt "
        "honoured, one request at a time. Prints every 50th page (every page with -v2) and "
        "a summary of counts per site and in all."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--source", type=int, action="append", default=[], metavar="ID",
            help="Crawl only this source (repeatable).",
        )  # fmt: skip

    def handle(self, *args, **options) -> None:
        sources = Source.objects.filter(kind=Source.Kind.SITE)
        if options["source"]:
            sources = sources.filter(pk__in=options["source"])
        else:
            sources = sources.filter(enabled=True)
        total: Counter[str] = Counter()
        started = time.monotonic()
        failed = 0
        for source in sources.order_by("pk"):
            outcome = self.crawl(source, options["verbosity"])
            if isinstance(outcome, PollError):
                failed += 1
                self.stdout.write(f"{source.name_en}: failed: {outcome.en}")
                continue
            total.update(outcome.counts)
            self.stdout.write(f"{source.name_en}: {self.summary(outcome.counts)}")
        seconds = time.monotonic() - started
        pages = total["fetched"]
        self.stdout.write(
            f"Crawled {pages} pages in {seconds:.1f} s ({pages / max(seconds, 0.001):.1f} a "
            f"second), {failed} sites failed: {self.summary(total)}."
        )

    def crawl(self, source: Source, verbosity: int):
        done = 0

        def progress(url: str, outcome: str) -> None:
            nonlocal done
            done += 1
            if verbosity > 1 or (verbosity > 0 and done % 50 == 0):
                self.stdout.write(f"  [{source.name_en} {done}] {url}: {outcome}")

        return crawl_site_safely(source, progress)

    @staticmethod
    def summary(counts: Counter) -> str:
        return ", ".join(f"{name.replace('_', ' ')} {counts[name]}" for name in SUMMARY)
