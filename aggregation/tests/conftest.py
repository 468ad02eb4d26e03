from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from aggregation.tests.dovecot import Dovecot, dovecot_available
from aggregation.tests.servers import FeedServer
from notifications.tests.servers import free_port


@pytest.fixture
def feed_server():
    server = FeedServer().start()
    yield server
    server.stop()


@pytest.fixture
def dovecot():
    reason = dovecot_available()
    if reason:
        pytest.skip(reason)
    # Not under pytest's tmp_path: its parents are private to us, and dovecot's own users
    # must reach the mail folders.
    directory = Path(tempfile.mkdtemp(prefix="sala-dovecot-"))
    server = Dovecot(directory, free_port()).start()
    yield server
    server.stop()
    shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
def ministry_site():
    """The stand-in ministry website (standins.ministry_site) on loopback."""
    from standins import ministry_site as site

    server, state = site.start()
    server.state = state
    yield server
    server.stop()
