"""`manage.py run_worker` as operators run it: a separate process with its own heartbeat."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def heartbeats(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT worker_id, pid FROM core_workerheartbeat").fetchall()


def test_a_running_worker_reports_its_heartbeat_and_removes_it_on_stop(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        "SALA_ENV": "demo",
        "SALA_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'worker.sqlite3'}",
        "SALA_WORKER_HEARTBEAT_SECONDS": "1",
    }
    db = tmp_path / "worker.sqlite3"
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "core", "-v0"], cwd=ROOT, env=env, check=True
    )
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "django_tasks_database", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--no-reload", "--worker-id", "w-test-1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while not heartbeats(db):
            assert worker.poll() is None, "the worker exited early"
            assert time.monotonic() < deadline, "no heartbeat within 30 s"
            time.sleep(0.2)
        assert heartbeats(db) == [("w-test-1", worker.pid)]
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=30)
    assert heartbeats(db) == []
