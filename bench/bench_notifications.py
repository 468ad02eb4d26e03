"""Benchmark of the notifications outbox: 10,000 notifications fanned out to the followers
of an area, then delivered by email to a real SMTP server (aiosmtpd, in this process).

Two setups, each in a throwaway database:
- demo: SQLite (WAL) + django-tasks' database backend, two `run_worker --batch` processes;
- postgres: PostgreSQL + Redis (RQ backend), two `rqworker --burst` processes; run when
  DATABASE_URL / REDIS_URL are given or PostgreSQL and Redis answer on 127.0.0.1 (a fresh
  database is created and dropped; Redis database SALA_BENCH_REDIS_DB, default 3).

Measured per round (SALA_BENCH_ROUNDS, default 3) and reported as medians: the time to
write and enqueue the fan-out (one transaction: inbox entries, delivery rows, tasks on
commit) and the time until every email was accepted by the SMTP server. Also the latency
of a single notify() call (written and enqueued).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PEOPLE = int(os.environ.get("SALA_BENCH_NOTIFICATIONS", "10000"))
ROUNDS = int(os.environ.get("SALA_BENCH_ROUNDS", "3"))
WORKERS = 2
SINGLE_CALLS = 200

RATIOS = {
    "postgres vs demo, deliver": ("postgres deliver s", "demo deliver s"),
    "postgres vs demo, enqueue": ("postgres enqueue s", "demo enqueue s"),
}


def reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def run(progress: Callable[[str], None] = print) -> dict:
    results = run_setup("demo", progress)
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url.startswith("postgres") or reachable("127.0.0.1", 5432):
        if os.environ.get("REDIS_URL") or reachable("127.0.0.1", 6379):
            results.update(run_setup("postgres", progress))
        else:
            progress("postgres: skipped, no Redis")
    else:
        progress("postgres: skipped, no PostgreSQL")
    return results


def run_setup(setup: str, progress: Callable[[str], None]) -> dict:
    """Run one setup in a child process (Django is configured once per process)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        child = subprocess.run(  # noqa: S603
            [sys.executable, __file__, setup, out.name],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=sys.stdout,
            check=False,
        )
        if child.returncode != 0:
            raise RuntimeError(f"the {setup} setup failed")
        return json.loads(Path(out.name).read_text())


# --- In the child process ----------------------------------------------------------------


def configure(setup: str, tmp: str) -> dict[str, str]:
    """Set the environment for this process and its workers; return the workers' env."""
    env = {
        "SALA_ENV": "demo",
        "DJANGO_SETTINGS_MODULE": "sala.settings.demo",
        "SALA_VAR_DIR": tmp,
        "LOG_LEVEL": "WARNING",
        "SALA_SMS_PROVIDER": "log",
    }
    if setup == "demo":
        env |= {"DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3", "TASKS_BACKEND": "database"}
        os.environ.pop("REDIS_URL", None)
    else:
        base = os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/postgres"
        name = f"sala_bench_{os.getpid()}"
        parts = urlsplit(base)
        env |= {
            "DATABASE_URL": urlunsplit(parts._replace(path=f"/{name}")),
            "SALA_BENCH_ADMIN_URL": base,
            "SALA_BENCH_DATABASE": name,
            "TASKS_BACKEND": "rq",
            "REDIS_URL": os.environ.get("REDIS_URL")
            or f"redis://127.0.0.1:6379/{os.environ.get('SALA_BENCH_REDIS_DB', '3')}",
        }
    os.environ.update(env)
    return {**os.environ, **env}


def create_database() -> None:
    import psycopg

    admin = os.environ["SALA_BENCH_ADMIN_URL"]
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{os.environ["SALA_BENCH_DATABASE"]}"')


def drop_database() -> None:
    import psycopg

    admin = os.environ["SALA_BENCH_ADMIN_URL"]
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{os.environ["SALA_BENCH_DATABASE"]}" WITH (FORCE)')


def child(setup: str, out: str) -> None:
    started = time.monotonic()

    def progress(message: str) -> None:
        print(
            f"  [notifications {time.monotonic() - started:6.1f}s] {setup}: {message}", flush=True
        )

    with tempfile.TemporaryDirectory(prefix="sala-bench-") as tmp:
        worker_env = configure(setup, tmp)
        if setup == "postgres":
            create_database()
        try:
            Path(out).write_text(json.dumps(measure(setup, worker_env, progress)))
        finally:
            if setup == "postgres":
                from django.db import connections

                connections.close_all()
                drop_database()


def measure(setup: str, worker_env: dict[str, str], progress: Callable[[str], None]) -> dict:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from notifications.tests.servers import SmtpServer

    progress("migrating a temporary database")
    call_command("migrate", verbosity=0, interactive=False)
    if setup == "postgres":
        import django_rq

        django_rq.get_queue("default").connection.flushdb()  # only our own Redis database
    smtp = SmtpServer()
    smtp.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp.port
    worker_env["EMAIL_URL"] = f"smtp://127.0.0.1:{smtp.port}"
    try:
        progress(f"creating {PEOPLE:,} people following area:12")
        create_followers(PEOPLE)
        results: dict = {}
        for name, values in rounds(setup, worker_env, smtp, progress).items():
            results[f"{setup} {name}"] = values
        results[f"{setup} notify() ms"] = single_calls(setup, worker_env)
        return results
    finally:
        smtp.stop()


def create_followers(count: int) -> None:
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    from notifications.models import Subscription

    user_model = get_user_model()
    users = user_model.objects.bulk_create(
        (
            user_model(username=f"bench{n:05}", email=f"bench{n:05}@example.org", password="!")  # noqa: S106
            for n in range(count)
        ),
        batch_size=1000,
    )
    EmailAddress.objects.bulk_create(
        (EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users),
        batch_size=1000,
    )
    Subscription.objects.bulk_create(
        (Subscription(user=u, topic="area:12", email="immediate", telegram="off") for u in users),
        batch_size=1000,
    )


def start_workers(setup: str, env: dict[str, str]) -> list[subprocess.Popen]:
    if setup == "demo":
        command = ["run_worker", "--no-reload", "--batch", "--no-startup-delay", "--interval", "0"]
    else:
        # django-tasks-rq needs its own job class in the worker.
        command = ["rqworker", "default", "--burst", "--job-class", "django_tasks_rq.Job"]
    return [
        subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for _number in range(WORKERS)
    ]


def rounds(setup: str, env: dict[str, str], smtp, progress: Callable[[str], None]) -> dict:
    from django.db import transaction

    from notifications.api import notify_subscribers
    from notifications.models import Delivery

    enqueue, deliver = [], []
    for number in range(ROUNDS):
        before = len(smtp.messages)
        started = time.perf_counter()
        with transaction.atomic():
            reached = notify_subscribers(
                "area:12",
                "notifications.broadcast",
                {
                    "title": {"km": "ប្រកាសអាសន្នទឹកជំនន់", "en": "Flood warning"},
                    "body": {"km": "សូមប្រុងប្រយ័ត្ន។", "en": "Take care."},
                    "area": {"km": "រាជធានីភ្នំពេញ", "en": "Phnom Penh"},
                },
                key=f"bench:{number}",
            )
        enqueue.append(time.perf_counter() - started)
        assert reached == PEOPLE, reached
        started = time.perf_counter()
        for worker in start_workers(setup, env):
            _out, err = worker.communicate(timeout=3600)
            assert worker.returncode == 0, err.decode()[-2000:]
        deliver.append(time.perf_counter() - started)
        sent = Delivery.objects.filter(status="sent", notification__key=f"bench:{number}").count()
        assert sent == PEOPLE and len(smtp.messages) - before == PEOPLE, (sent, len(smtp.messages))
        progress(
            f"round {number + 1}: enqueued in {enqueue[-1]:.1f} s, delivered in {deliver[-1]:.1f} s"
        )
    return {
        "enqueue s": enqueue,
        "deliver s": deliver,
        "enqueue notifications/s": [PEOPLE / s for s in enqueue],
        "deliver emails/s": [PEOPLE / s for s in deliver],
    }


def single_calls(setup: str, env: dict[str, str]) -> list[float]:
    """Return the latency (ms) of notify() for one person, written and enqueued."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from notifications.api import notify

    person = get_user_model().objects.get(username="bench00000")
    samples = []
    for number in range(SINGLE_CALLS):
        started = time.perf_counter()
        with transaction.atomic():
            notify(
                person,
                "notifications.broadcast",
                {"title": "t", "body": "b", "area": "a"},
                key=f"single:{number}",
            )
        samples.append((time.perf_counter() - started) * 1000)
    for worker in start_workers(setup, env):  # leave nothing queued behind
        worker.communicate(timeout=600)
    return samples


if __name__ == "__main__":
    child(sys.argv[1], sys.argv[2])
