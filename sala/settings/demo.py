"""The demo: runs on a bare machine with no variable set (SQLite, local files, file mail).

The secret key is generated once into var/ so that sessions survive restarts.
"""

from __future__ import annotations

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, SECRET_KEY, VAR_DIR

# The demo data and its commands (load_demo_data, demo_accounts); never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
# The demo serves its news feeds itself and runs its stand-ins on 127.0.0.1.
SALA_OUTBOUND_ALLOW_LOOPBACK = True

if not SECRET_KEY:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    secret_file = VAR_DIR / "demo-secret-key"
    if not secret_file.exists():
        secret_file.write_text(get_random_secret_key())
    SECRET_KEY = secret_file.read_text().strip()
