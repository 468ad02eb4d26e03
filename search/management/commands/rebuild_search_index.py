from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from search.indexing import do_rebuild


class Command(BaseCommand):
    help = "Index every public object again (all kinds, or those named), showing progress."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "only", nargs="*", help="kinds or model labels to rebuild (default: everything)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        last = {"at": 0.0}

        def progress(kind: str, done: int, total: int) -> None:
            now = time.monotonic()
            if done == total or now - last["at"] > 1:
                last["at"] = now
                self.stdout.write(f"  {kind}: {done}/{total}")

        report = do_rebuild(progress, only=options["only"])
        for label, objects in report.objects.items():
            self.stdout.write(f"{label}: {objects} objects, {report.documents[label]} documents")
        total = sum(report.documents.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {total} documents of {sum(report.objects.values())} objects "
                f"in {time.monotonic() - started:.1f} s."
            )
        )
