"""Files the portal writes are readable by its own user only.

Applicants' attachments and issued documents are written 0600 in 0700 folders (their
storages' PRIVATE_FILE_PERMISSIONS in sala/settings/base.py); public media stays
readable by nginx, which serves /media/. The SQLite
database (demo, small installations) is created by SQLite with the process's umask, so
each new connection narrows its files to the owner (`private_sqlite_files`).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

OWNER_ONLY = stat.S_IRUSR | stat.S_IWUSR


def private_sqlite_files(sender: Any, connection: Any, **kwargs: Any) -> None:
    """On a new SQLite connection, make the database file and its WAL files 0600."""
    if connection.vendor != "sqlite":
        return
    name = str(connection.settings_dict.get("NAME") or "")
    if not name or name == ":memory:" or name.startswith("file:"):
        return
    for path in (Path(name), Path(f"{name}-wal"), Path(f"{name}-shm")):
        if path.exists() and stat.S_IMODE(path.stat().st_mode) & ~OWNER_ONLY:
            os.chmod(path, OWNER_ONLY)
