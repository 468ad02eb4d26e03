from __future__ import annotations

import pytest

from aggregation.tests.servers import FeedServer


@pytest.fixture
def feed_server():
    server = FeedServer().start()
    yield server
    server.stop()
