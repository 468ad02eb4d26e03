"""Citizen reports at scale: SALA_BENCH_REPORTS (default 20,000) reports over the communes
of a province, then the two reads that grow with them: the likely duplicates shown before
sending (`reports.reporting.likely_duplicates`, same category, same commune or within
300 m, last 30 days) and Open311's `GET /open311/v2/requests.json` (the 200 most recent of
the last 90 days, through the whole middleware). Server time (ms) and queries of each, on
the demo settings in a temporary directory; `SALA_BENCH_REPEAT` (default 100) rounds.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable

from bench.scratch import scratch_demo_database

COMMUNES = 50


def run(progress: Callable[[str], None] = print) -> dict[str, list[float] | int]:
    with scratch_demo_database(progress):
        return measure(progress)


def make_reports(count: int, progress: Callable[[str], None]):
    from django.utils import timezone

    from geo.tests.factories import create_area, create_facility
    from reports.models import Category, Report

    province = create_area("99", "Bench", "សាកល្បង")
    district = create_area("9901", "Bench district", "ស្រុកសាកល្បង", province)
    communes = [
        create_area(f"9901{n:02d}", f"Bench {n}", f"ឃុំសាកល្បង {n}", district)
        for n in range(1, COMMUNES + 1)
    ]
    halls = {c.pk: create_facility(c, "commune-hall") for c in communes}
    categories = list(Category.objects.all())
    rng = random.Random(23)  # noqa: S311 - the same bench data every run, not a secret
    now = timezone.now()
    progress(f"creating {count:,} reports in {COMMUNES} communes")
    rows = []
    for number in range(count):
        commune = communes[number % COMMUNES]
        rows.append(
            Report(
                reference=f"B{number:07d}",
                category=categories[number % len(categories)],
                area=commune,
                office=halls[commune.pk],
                latitude=round(11.5 + rng.random() * 0.2, 6),
                longitude=round(104.8 + rng.random() * 0.2, 6),
                description="Bench report",
                created_at=now - rng.random() * (now - now.replace(year=now.year - 1)),
            )
        )
    Report.objects.bulk_create(rows, batch_size=2000)
    return communes[0], categories[0]


def measure(progress: Callable[[str], None]) -> dict[str, list[float] | int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from geo.nearest import Point
    from reports.reporting import likely_duplicates

    count = int(os.environ.get("SALA_BENCH_REPORTS", "20000"))
    repeat = int(os.environ.get("SALA_BENCH_REPEAT", "100"))
    commune, category = make_reports(count, progress)
    point = Point(11.6, 104.9)
    results: dict[str, list[float] | int] = {"reports": count}

    progress(f"likely duplicates: {repeat} rounds")
    timings, queries = [], []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            found = likely_duplicates(category, commune, point)
            timings.append((time.perf_counter() - started) * 1000)
        queries.append(len(captured))
    assert found, "the bench data should give duplicates"
    results["duplicates ms"], results["duplicates queries"] = timings, queries

    progress(f"GET /open311/v2/requests.json: {repeat} rounds")
    client = Client(HTTP_HOST="localhost")
    timings, queries = [], []
    for round_number in range(repeat):
        address = f"10.0.{round_number % 250}.1"  # under the per-address read limit
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get("/open311/v2/requests.json", REMOTE_ADDR=address)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.content[:200]
        queries.append(len(captured))
    results["open311 list ms"], results["open311 list queries"] = timings, queries
    return results
