"""Poll the news sources (feeds and mailboxes) whose time has come."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandParser

from aggregation.models import Source
from aggregation.polling import FETCH_THREADS, poll_sources


class Command(BaseCommand):
    help = (
        "Poll every enabled news source whose next poll time has come (or all of them with "
        "--all), fetching feeds in parallel; print each source's outcome with -v2 and a "
        "summary of counts. Run it from cron, or keep it running with --every."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", help="Poll every enabled source now.")
        parser.add_argument(
            "--source", type=int, action="append", default=[], metavar="ID",
            help="Poll only this source (repeatable), whatever its schedule.",
        )  # fmt: skip
        parser.add_argument("--threads", type=int, default=FETCH_THREADS)
        parser.add_argument(
            "--every", type=int, default=0, metavar="SECONDS",
            help="Keep running, polling every SECONDS (default: poll once and exit).",
        )  # fmt: skip

    def handle(self, *args, **options) -> None:
        while True:
            self.poll_once(options)
            if not options["every"]:
                return
            time.sleep(options["every"])

    def poll_once(self, options) -> None:
        if options["source"]:
            sources = Source.objects.filter(pk__in=options["source"])
        elif options["all"]:
            sources = Source.objects.filter(enabled=True)
        else:
            sources = Source.objects.due()
        ordered = list(sources.order_by("pk"))
        total = len(ordered)
        done = 0

        def progress(source: Source, state: str) -> None:
            nonlocal done
            done += 1
            if options["verbosity"] > 1:
                self.stdout.write(f"[{done}/{total}] {source.name_en}: {state}")

        started = time.monotonic()
        cycle = poll_sources(ordered, threads=options["threads"], progress=progress)
        seconds = time.monotonic() - started
        if total or options["verbosity"] > 1:
            counts = cycle.counts
            self.stdout.write(
                f"Polled {cycle.sources} sources in {seconds:.1f} s: {cycle.failed} failed, "
                f"{cycle.not_modified} unchanged; items {counts['new']} new, "
                f"{counts['duplicate']} duplicates, {counts['seen']} already seen; "
                f"mail ignored {counts['ignored']}."
            )
