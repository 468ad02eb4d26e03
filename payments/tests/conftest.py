"""Fixtures for the payments tests: the cases personas, and a service with a fee."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cases.tests.conftest import World, client_ip, english, world  # noqa: F401


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
