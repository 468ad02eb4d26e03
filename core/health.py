"""Readiness checks: the database answers, the cache round-trips, a worker is alive."""

from __future__ import annotations

import datetime
import os
import socket
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from core.models import WorkerHeartbeat


def check_database() -> str | None:
    """Return None if the database answers, else what went wrong."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure means "not ready"
        return f"database: {type(exc).__name__}"
    return None


def check_cache() -> str | None:
    key = f"sala:readyz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", 10)
        value = cache.get(key)
        cache.delete(key)
    except Exception as exc:  # noqa: BLE001
        return f"cache: {type(exc).__name__}"
    return None if value == "ok" else "cache: value not read back"


def check_worker() -> str | None:
    max_age = datetime.timedelta(seconds=settings.SALA_WORKER_HEARTBEAT_SECONDS * 4)
    try:
        alive = WorkerHeartbeat.objects.filter(last_seen_at__gte=timezone.now() - max_age).exists()
    except Exception as exc:  # noqa: BLE001
        return f"worker: {type(exc).__name__}"
    return None if alive else f"worker: no heartbeat in the last {max_age.seconds} s"


def readiness_problems() -> list[str]:
    checks = (check_database, check_cache, check_worker)
    return [problem for check in checks if (problem := check()) is not None]


def beat(worker_id: str, started_at: datetime.datetime) -> None:
    """Record that this worker process is alive."""
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": started_at,
            "last_seen_at": timezone.now(),
        },
    )
