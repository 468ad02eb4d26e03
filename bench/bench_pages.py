"""Server time and database queries to render the home page in Khmer and English.

Runs the demo settings (SQLite in WAL mode, manifest static files) on a throwaway database
in a temporary directory, migrated and loaded with the demo data, so var/ is never touched.
Time is measured around Django's test client: the whole request through every middleware,
without a network or a browser. SALA_BENCH_REPEAT sets the repetitions (default 200).
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable

from bench.scratch import scratch_demo_database, time_requests

PATHS = ("/km/", "/en/")
RATIOS = {"/en/ vs /km/ time": ("/en/ ms", "/km/ ms")}
WARM_UP = 5


def run(progress: Callable[[str], None]) -> dict[str, list[float]]:
    repeat = int(os.environ.get("SALA_BENCH_REPEAT", "200"))
    with scratch_demo_database(progress):
        from django.core.management import call_command

        call_command("load_demo_data", verbosity=0, stdout=io.StringIO())
        return measure(progress, repeat)


def measure(progress: Callable[[str], None], repeat: int) -> dict[str, list[float]]:
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    results: dict[str, list[float]] = {}
    for path in PATHS:
        timings, queries = time_requests(client, path, repeat, WARM_UP, progress)
        results[f"{path} ms"] = timings
        results[f"{path} queries"] = queries
    return results
