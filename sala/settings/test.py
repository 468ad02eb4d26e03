"""The test suite: fast, repeatable, and no network beyond loopback."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from .base import *  # noqa: F403
from .base import CACHES, INSTALLED_APPS, REDIS_URL, STORAGES

INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # the demo data is tested too

SECRET_KEY = "test-only-secret-key-not-for-any-real-deployment-0123456789"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
SALA_SMS_PROVIDER = "memory"
SALA_PAGE_CACHE_SECONDS = 0  # tests that want the page cache turn it on
SALA_OUTBOUND_ALLOW_LOOPBACK = True  # the stand-in servers of the tests run on 127.0.0.1
# The stand-in ministry site answers at once, but a busy CI machine may not: the test of a
# slow page sets its own 1 second.
SALA_CRAWL_TIMEOUT_SECONDS = 10
SALA_CRAWL_BACKOFF_SECONDS = 0
# The browser tests' live server shares one in-memory SQLite database between its threads,
# where two writers at once fail ("database table is locked") instead of waiting; the
# sessions' last-seen time written on every request was the most frequent second writer.
USERSESSIONS_TRACK_ACTIVITY = False

if REDIS_URL and os.environ.get("PYTEST_XDIST_WORKER"):
    # The xdist workers share REDIS_URL and tests clear the cache (a Redis FLUSHDB), so each
    # worker takes its own database: REDIS_URL's number minus the worker's (gw1 of db 15 uses
    # 14). tools/test_postgres.sh flushes them all.
    _worker = int(os.environ["PYTEST_XDIST_WORKER"].removeprefix("gw"))
    _redis = urlsplit(REDIS_URL)
    _database = (int(_redis.path.lstrip("/") or 0) - _worker) % 16
    CACHES = {
        "default": {**CACHES["default"], "LOCATION": _redis._replace(path=f"/{_database}").geturl()}
    }
