"""Fixtures the demo's tests borrow from the apps whose data they load."""

from __future__ import annotations

from aggregation.tests.conftest import feed_server  # noqa: F401 - a loopback feed server
