"""A worker killed with SIGKILL in the middle of a batch: the next worker finishes the
batch, and every message arrives exactly once.

Real processes: `manage.py run_worker` (django-tasks' database backend) sends through a
real SMTP server in this test process. The server holds the worker's 10th message at
RCPT, the test kills the worker there, then a sweep and a second worker take over.
On SQLite the test's in-memory database is copied to a file the workers can open (VACUUM
INTO); on PostgreSQL they use the test database itself.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from django.db import connection

from notifications.api import notify_subscribers
from notifications.models import Delivery
from notifications.tests.factories import create_person, follow

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = 25
KILLED_AT = 10


def worker_database(tmp_path: Path) -> tuple[str, Callable[[str, tuple], list]]:
    """Return the DATABASE_URL for the workers and a function to query that database."""
    if connection.vendor == "sqlite":
        path = tmp_path / "workers.sqlite3"
        connection.cursor().execute("VACUUM INTO %s", [str(path)])

        def query(sql: str, params: tuple = ()) -> list:
            with sqlite3.connect(path) as db:
                return db.execute(sql.replace("%s", "?"), params).fetchall()

        return f"sqlite:///{path}", query
    settings = connection.settings_dict

    def query(sql: str, params: tuple = ()) -> list:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall() if cursor.description else []

    host = f"{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}"
    url = f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}@{host}/{settings['NAME']}"
    return url, query


def manage(env: dict, *args: str, **options) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        **options,
    )


def finish(process: subprocess.Popen, timeout: int = 120) -> None:
    _out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, err.decode()[-2000:]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_next_worker_finishes_the_batch_of_a_killed_one(smtp_server, settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for number in range(PEOPLE):
        follow(create_person(f"person{number:02}"), "area:12", email="immediate")
    # An event the workers know: they do not import the tests' own events.
    notify_subscribers(
        "area:12",
        "notifications.broadcast",
        {"title": "Market day", "body": "Tomorrow.", "area": "Phnom Penh"},
    )
    assert Delivery.objects.filter(channel="email", status="pending").count() == PEOPLE

    url, query = worker_database(tmp_path)
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "REDIS_URL")},
        "SALA_ENV": "demo",
        "SALA_VAR_DIR": str(tmp_path),
        "DATABASE_URL": url,
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_server.port}",
        "TASKS_BACKEND": "database",
        "LOG_LEVEL": "ERROR",
    }
    worker_args = ("run_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2")
    smtp_server.recorder.hold_at_rcpt = KILLED_AT

    first = manage(env, *worker_args)
    try:
        if not smtp_server.recorder.holding.wait(120):
            first.kill()
            pytest.fail(f"The worker never reached message 10: {first.communicate()[1].decode()}")
        first.send_signal(signal.SIGKILL)
        first.wait(30)
    finally:
        smtp_server.recorder.release.set()
        if first.poll() is None:
            first.kill()
    assert len(smtp_server.messages) == KILLED_AT - 1
    statuses = dict(query("SELECT status, COUNT(*) FROM notifications_delivery GROUP BY status"))
    # The batch was claimed as a whole: the dead worker still holds the rest of it.
    assert statuses == {"sent": KILLED_AT - 1, "sending": PEOPLE - KILLED_AT + 1}

    # Five minutes later the dead worker's claim has run out (moved instead of waited for).
    query(
        "UPDATE notifications_delivery SET claimed_until = next_attempt_at WHERE status = %s",
        ("sending",),
    )
    finish(manage(env, "sweep_outbox"))
    finish(manage(env, *worker_args, "--batch"))

    recipients = smtp_server.recorder.recipients()
    assert len(recipients) == PEOPLE
    assert sorted(recipients) == [f"person{n:02}@example.org" for n in range(PEOPLE)]
    assert query("SELECT status, COUNT(*) FROM notifications_delivery GROUP BY status") == [
        ("sent", PEOPLE)
    ]
