"""Fixtures for the payments tests: the cases personas, and a service with a fee."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cases.tests.conftest import World, client_ip, english, world  # noqa: F401
from payments.tests.finance_fixtures import books, finance, other_finance  # noqa: F401


@pytest.fixture
def paid_service(world: World):  # noqa: F811
    """The cases world's service, charging 20,000 riel (a certified copy: 30,000)."""
    service = world.service
    service.fee_kind = "computed"
    service.fee_rules = [
        {"khr": 20000},
        {"when": {"field": "kind", "equals": "certified"}, "khr": 10000},
    ]
    service.save()
    return service


@pytest.fixture
def dollar_service(world: World):  # noqa: F811
    from services.tests.factories import create_service

    return create_service(
        "business-licence", fee_kind="fixed", fee_usd=Decimal("12.50"), sla_working_days=5
    )


@pytest.fixture(scope="session")
def bakong_server():
    """The Bakong Open API stand-in with its demo bank, a real HTTP server on loopback."""
    from standins import bakong

    server, state = bakong.start()
    yield server, state
    state.stopping.set()
    server.stop()


@pytest.fixture
def bakong(settings, bakong_server):
    """The portal configured for the stand-in; each test starts with it answering well,
    no transactions, and the portal holding its current token."""
    from django.core.cache import cache

    from payments.providers import TOKEN_CACHE_KEY

    server, state = bakong_server
    state.reset()
    cache.delete(TOKEN_CACHE_KEY)
    settings.SALA_OUTBOUND_ALLOW_LOOPBACK = True
    settings.SALA_PAYMENT_PROVIDER = "bakong"
    settings.SALA_BAKONG_API_URL = server.url
    settings.SALA_BAKONG_TOKEN = state.token
    settings.SALA_BAKONG_EMAIL = state.email
    settings.SALA_BAKONG_TIMEOUT = 1
    settings.SALA_DEMO_PHONES = {"bank": server.url + "/pay/"}
    return state
