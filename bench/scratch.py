"""A throwaway demo database for a benchmark, so that var/ is never touched."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def scratch_demo_database(progress: Callable[[str], None]) -> Iterator[str]:
    """Set up Django on the demo settings: a migrated SQLite database and static files in a
    temporary directory."""
    with tempfile.TemporaryDirectory(prefix="sala-bench-") as tmp:
        os.environ.update(
            SALA_ENV="demo",
            DJANGO_SETTINGS_MODULE="sala.settings.demo",
            SALA_VAR_DIR=tmp,
            DATABASE_URL=f"sqlite:///{tmp}/bench.sqlite3",
            LOG_LEVEL="WARNING",
        )
        os.environ.pop("REDIS_URL", None)  # the in-process cache, as in the demo

        import django
        from django.core.management import call_command

        django.setup()
        progress("migrating a temporary database")
        call_command("migrate", verbosity=0, interactive=False)
        progress("collecting static files (the demo serves them through a manifest)")
        call_command("collectstatic", verbosity=0, interactive=False)
        yield tmp


def time_requests(
    client: Any, path: str, repeat: int, warm_up: int, progress: Callable[[str], None]
) -> tuple[list[float], list[int]]:
    """Return the milliseconds and the number of queries of `repeat` GETs of `path` (after
    `warm_up` unmeasured ones), each answered 200."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warm_up):
        assert client.get(path).status_code == 200
    timings: list[float] = []
    queries: list[int] = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, f"{path} answered {response.status_code}"
        queries.append(len(captured))
    progress(f"{path}: {repeat} requests")
    return timings, queries
