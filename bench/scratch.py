"""A throwaway demo database for a benchmark, so that var/ is never touched."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent


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


def admin_sql(statement: str) -> None:
    """Run a statement on PostgreSQL's admin connection (SALA_BENCH_ADMIN_URL)."""
    import psycopg

    with psycopg.connect(os.environ["SALA_BENCH_ADMIN_URL"], autocommit=True) as conn:
        conn.execute(statement)


def measure_in_child(script: str, setup: str, *options: str) -> dict:
    """Run `script [options] setup OUT` in a child process (Django is set up once per
    process), which calls `run_child`, and return what it wrote to OUT."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        child = subprocess.run(  # noqa: S603 - our own interpreter and script
            [sys.executable, script, *options, setup, out.name],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            check=False,
        )
        if child.returncode != 0:
            raise RuntimeError(f"the {setup} setup failed")
        return json.loads(Path(out.name).read_text())


def configure_scratch(setup: str, tmp: str, name: str, tasks: str) -> None:
    """Point the demo settings at a scratch database: for "postgres" one of its own on
    DATABASE_URL's server (else 127.0.0.1), otherwise SQLite in `tmp`; tasks run on the
    `tasks` backend, the cache in process."""
    env = {
        "SALA_ENV": "demo",
        "DJANGO_SETTINGS_MODULE": "sala.settings.demo",
        "SALA_VAR_DIR": tmp,
        "LOG_LEVEL": "WARNING",
        "TASKS_BACKEND": tasks,
    }
    if setup == "postgres":
        base = os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/postgres"
        database = f"sala_bench_{name}_{os.getpid()}"
        env |= {
            "DATABASE_URL": urlunsplit(urlsplit(base)._replace(path=f"/{database}")),
            "SALA_BENCH_ADMIN_URL": base,
            "SALA_BENCH_DATABASE": database,
        }
    else:
        env["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.pop("REDIS_URL", None)
    os.environ.update(env)


def run_child(
    name: str,
    setup: str,
    out: str,
    tasks: str,
    measure: Callable[[str, Callable[[str], None]], dict],
) -> None:
    """In a benchmark's child process: a scratch database for `setup` (`configure_scratch`;
    PostgreSQL's is created here and dropped afterwards), then `measure(tmp, progress)`
    written to `out` as JSON."""
    started = time.monotonic()

    def progress(message: str) -> None:
        print(f"  [{name} {time.monotonic() - started:7.1f}s] {setup}: {message}", flush=True)

    with tempfile.TemporaryDirectory(prefix="sala-bench-") as tmp:
        configure_scratch(setup, tmp, name, tasks)
        database = os.environ.get("SALA_BENCH_DATABASE", "")
        if setup == "postgres":
            admin_sql(f'CREATE DATABASE "{database}"')
        try:
            Path(out).write_text(json.dumps(measure(tmp, progress)))
        finally:
            if setup == "postgres":
                from django.db import connections

                connections.close_all()
                admin_sql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
