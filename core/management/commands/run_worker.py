"""Run a task worker that also reports a heartbeat for /readyz.

With the database backend this is django-tasks-db's `db_worker`; with TASKS_BACKEND=rq it
runs django-rq's `rqworker`. Either way a thread touches a WorkerHeartbeat row every
SALA_WORKER_HEARTBEAT_SECONDS.
"""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections, connection
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from core.health import beat
from core.models import WorkerHeartbeat

logger = logging.getLogger("sala.worker")


class Heartbeat(threading.Thread):
    def __init__(self, worker_id: str) -> None:
        super().__init__(name="sala-heartbeat", daemon=True)
        self.worker_id = worker_id
        self.started_at = timezone.now()
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            close_old_connections()
            self.beat_once()
            connection.close()
            self.stopped.wait(settings.SALA_WORKER_HEARTBEAT_SECONDS)

    def beat_once(self) -> None:
        """Record one heartbeat; a failure is logged, never fatal to the worker."""
        try:
            beat(self.worker_id, self.started_at)
        except Exception:
            logger.exception("Could not record the worker heartbeat")

    def stop(self) -> None:
        self.stopped.set()
        WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()


class Command(DBWorkerCommand):
    help = "Run a background task worker (with a heartbeat for /readyz)."

    def configure_logging(self, verbosity: int) -> None:
        """Keep the levels of settings.LOGGING unless asked for more (-v 2): db_worker
        would log every task run at INFO, drowning the demo's output."""
        if verbosity > 1:
            super().configure_logging(verbosity)

    def handle(self, *args, **options) -> None:
        heartbeat = Heartbeat(options.get("worker_id") or get_random_string(32))
        heartbeat.start()
        try:
            if settings.TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend":
                call_command(
                    "rqworker", "default", with_scheduler=True, job_class="django_tasks_rq.Job"
                )
            else:
                super().handle(*args, **options)
        finally:
            heartbeat.stop()
