"""Fixtures and guards for the whole suite.

- No network but loopback: any lookup or connection to another host raises
  InternetBlockedError (core/testing/network.py). Chromium is kept offline by its launch
  flags (core/testing/browser.py).
- Transactional tests on in-memory SQLite are put back from a snapshot of the migrated
  database (core/testing/database.py), not row by row.
- The browser harness (`browser`, `page`, `new_page` fixtures) comes from the
  core.testing.browser plugin; its checks are importable from core.testing.
"""

from __future__ import annotations

import pytest

# Before the import below, so that the harness's own asserts explain themselves.
pytest.register_assert_rewrite("core.testing")

from core.testing.database import restore_from_snapshots  # noqa: E402
from core.testing.network import network_guard  # noqa: E402

pytest_plugins = ["core.testing.browser"]


def pytest_configure(config: pytest.Config) -> None:
    network_guard.install()


def pytest_unconfigure(config: pytest.Config) -> None:
    network_guard.uninstall()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test databases, whose serialized rollback (browser and live-server
    tests) copies an in-memory SQLite database back from a snapshot
    (core/testing/database.py)."""
    with django_db_blocker.unblock():
        restore_from_snapshots()


@pytest.fixture(autouse=True)
def _urgent_alerts_cache_is_warm():
    """Every page reads the urgent announcements from the cache, as a running portal does
    (content/alerts.py), so that a page's query count does not depend on which test ran
    first in the process. Publishing an announcement in a test clears it."""
    from content.alerts import remember_no_alerts

    remember_no_alerts()


@pytest.fixture(autouse=True)
def _force_login_includes_the_second_factor(monkeypatch):
    """`client.force_login(user)` stands for a complete sign-in, the second factor
    included: accounts.middleware ends staff and officer sessions without one. Tests of
    that gate pass `second_factor=False`, or sign in through the forms."""
    import time

    from django.test import Client

    plain_force_login = Client.force_login

    def force_login(self, user, backend=None, *, second_factor=True):
        plain_force_login(self, user, backend)
        if second_factor:
            session = self.session
            # What allauth records when a sign-in passes its second-factor stage.
            session["account_authentication_methods"] = [
                {"method": "password", "at": time.time()},
                {"method": "mfa", "type": "totp", "at": time.time()},
            ]
            session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def new_address():
    """Return a maker of client addresses no other test uses: the per-address rate limits
    count in the shared cache (Redis under xdist), which tests must not clear."""
    import ipaddress
    import secrets

    def make() -> str:
        return str(ipaddress.IPv4Address("10.0.0.0") + secrets.randbelow(2**24))

    return make


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests and every test that runs the live server (pytest-django makes those
    transactional) work in transactions. Each restores the database as the migrations left
    it (serialized rollback), whichever fixtures it asks for: a plain flush would re-create
    content types under new ids for the next test."""
    for item in items:
        if not hasattr(item, "fixturenames"):
            continue
        if item.get_closest_marker("browser") or "live_server" in item.fixturenames:
            if "django_db_serialized_rollback" not in item.fixturenames:
                item.fixturenames.append("django_db_serialized_rollback")
