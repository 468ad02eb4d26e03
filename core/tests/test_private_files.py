"""The SQLite database is readable by the portal's user only (issue 15, low)."""

from __future__ import annotations

import os
import sqlite3
import stat
from types import SimpleNamespace

from django.db.backends.sqlite3.base import DatabaseWrapper

from core.files import private_sqlite_files


def test_a_new_connection_narrows_the_database_files_to_the_owner(tmp_path):
    database = tmp_path / "sala.sqlite3"
    sqlite3.connect(database).close()
    database.chmod(0o644)
    connection = SimpleNamespace(vendor="sqlite", settings_dict={"NAME": str(database)})
    private_sqlite_files(sender=None, connection=connection)
    assert stat.S_IMODE(os.stat(database).st_mode) == 0o600


def test_django_connecting_to_a_database_file_narrows_it(tmp_path, django_db_blocker):
    database = tmp_path / "sala.sqlite3"
    sqlite3.connect(database).close()
    database.chmod(0o644)
    wrapper = DatabaseWrapper(
        {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(database),
            "OPTIONS": {},
            "TIME_ZONE": None,
            "CONN_MAX_AGE": 0,
            "CONN_HEALTH_CHECKS": False,
            "AUTOCOMMIT": True,
            "ATOMIC_REQUESTS": False,
        },
        alias="private-files-test",
    )
    with django_db_blocker.unblock():
        wrapper.connect()
        wrapper.close()
    assert stat.S_IMODE(os.stat(database).st_mode) == 0o600
