"""Benchmarks of the geo app: loading the gazetteer, and the place pages at each level.

Contract of bench/run.py: `run(progress)` returns a dict of named measurements.
Runs on a throwaway demo database (var/ is never touched): the first load is into an empty
database; the place pages are measured with the demo offices and facilities loaded.
"""

from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable

from bench.scratch import scratch_demo_database

ROUNDS = 5


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 1)


def run(progress: Callable[[str], None] = print) -> dict[str, float | int]:
    with scratch_demo_database(progress):
        return measure(progress)


def measure(progress: Callable[[str], None]) -> dict[str, float | int]:
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from geo.gazetteer import do_load_gazetteer
    from geo.models import Area

    results: dict[str, float | int] = {}
    progress("gazetteer: load (or update)")
    started = time.perf_counter()
    report = do_load_gazetteer()
    results["gazetteer_load_ms"] = round((time.perf_counter() - started) * 1000, 1)
    results["gazetteer_areas"] = sum(c.total for c in report.levels.values())
    samples = []
    for _round in range(ROUNDS):
        started = time.perf_counter()
        do_load_gazetteer()
        samples.append(time.perf_counter() - started)
    results["gazetteer_reload_unchanged_median_ms"] = _median_ms(samples)
    progress("loading the demo offices and facilities")
    call_command("load_demo_data", verbosity=0, stdout=io.StringIO())

    client = Client(HTTP_HOST="127.0.0.1")
    for level in Area.Level:
        area = Area.objects.filter(level=level, facilities__isnull=False).first()
        area = area or Area.objects.filter(level=level).first()
        url = f"/en/place/{area.code}/"
        client.get(url)  # warm up templates and caches
        samples = []
        for _round in range(ROUNDS):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                samples.append(time.perf_counter() - started)
            assert response.status_code == 200, url
        name = Area.Level(level).name.lower()
        results[f"place_page_{name}_median_ms"] = _median_ms(samples)
        results[f"place_page_{name}_queries"] = len(queries)
        progress(f"place page of a {name} ({area.code}): {len(queries)} queries")
    results.update(measure_suggest(progress))
    return results


# What people type into "choose your area": English as spelt or run together, Khmer,
# and codes; each is measured through the endpoint, the full gazetteer loaded.
SUGGEST_QUERIES = ("siem", "Siem Reap", "siemreap", "kampong cham", "ba", "សៀម", "ភ្នំ", "1710")


def measure_suggest(progress: Callable[[str], None]) -> dict[str, float | int]:
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    samples = []
    for query in SUGGEST_QUERIES:
        client.get("/km/place/suggest/", {"q": query})  # warm up
        for _round in range(ROUNDS):
            started = time.perf_counter()
            response = client.get("/km/place/suggest/", {"q": query})
            samples.append(time.perf_counter() - started)
            assert response.status_code == 200 and response.json()["results"], query
    progress(f"type-ahead: {len(SUGGEST_QUERIES)} queries x {ROUNDS}")
    return {
        "area_suggest_median_ms": _median_ms(samples),
        "area_suggest_max_ms": _median_ms([max(samples)]),
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value}")
