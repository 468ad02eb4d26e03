from __future__ import annotations

import pytest

from standins import registries as standin


@pytest.fixture(scope="session")
def registry_servers():
    """The population and business register simulators, real HTTP servers on loopback."""
    population_server, population = standin.start_population()
    business_server, business = standin.start_business()
    yield {"population": (population_server, population), "business": (business_server, business)}
    for state in (population, business):
        state.stopping.set()
    population_server.stop()
    business_server.stop()


@pytest.fixture
def registries(settings, registry_servers):
    """The portal configured for the simulators, as SALA_CAMDX_REGISTRIES would; each test
    starts with the registries answering well and an empty message log."""
    settings.SALA_CAMDX_TIMEOUT = 1.0
    settings.SALA_CAMDX_REGISTRIES = {
        name: {"url": server.url, "service": state.service, "public_key": state.public_key_pem}
        for name, (server, state) in registry_servers.items()
    }
    states = {name: state for name, (_server, state) in registry_servers.items()}
    for state in states.values():
        state.mode, state.delay = "ok", 5.0
        state.log.clear()
    yield states
    for state in states.values():
        state.mode = "ok"
