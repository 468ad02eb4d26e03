"""A faster serialized rollback for the in-memory SQLite test database.

Browser tests and other live-server tests are transactional: after each, the database is
emptied and, before the next, put back to what the migrations left (roles, facility types,
Wagtail's root page, content types...). Django does that by saving every serialized row
again, one query at a time (1.4 s a test here). On an in-memory SQLite
database the same state is copied back whole from a snapshot taken right after the
migrations, through SQLite's backup API, in milliseconds. Other databases (PostgreSQL)
keep Django's way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from django.db import connections


def restore_from_snapshots() -> None:
    """Snapshot every in-memory SQLite test database as the migrations left it, and make
    its serialized rollback copy the snapshot back instead of re-saving every row."""
    for connection in connections.all():
        # Typed loosely: the SQLite wrapper's is_in_memory_db, and a method replaced on
        # this one creation object.
        database: Any = connection
        if database.vendor != "sqlite" or not database.is_in_memory_db():
            continue
        if not hasattr(database, "_test_serialized_contents"):
            continue
        database.ensure_connection()
        snapshot = sqlite3.connect(":memory:", check_same_thread=False)
        database.connection.backup(snapshot)
        database.creation.deserialize_db_from_string = _restorer(database, snapshot)


def _restorer(connection: Any, snapshot: sqlite3.Connection) -> Callable[[str], None]:
    def restore(data: str) -> None:
        """Copy the snapshot back (`data`, the serialized rows, is not needed)."""
        connection.ensure_connection()
        snapshot.backup(connection.connection)

    return restore
