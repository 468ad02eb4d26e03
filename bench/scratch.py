"""A throwaway demo database for a benchmark, so that var/ is never touched."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager


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
