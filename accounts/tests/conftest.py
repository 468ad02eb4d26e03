from __future__ import annotations

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth counts attempts in the cache; every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def oidc_provider():
    """A real OpenID Connect provider in its own process on loopback (standins.camdigikey)."""
    from standins.camdigikey.control import start_provider

    provider = start_provider(
        [
            f"http://testserver/{language}/account/oidc/national-id/login/callback/"
            for language in ("km", "en")
        ]
    )
    yield provider
    provider.stop()


@pytest.fixture
def national_id(settings, oidc_provider):
    """The portal configured for the test provider, as SALA_OIDC_* would configure it."""
    from sala.settings.base import national_id_providers
    from standins.camdigikey.control import CLIENT_ID, CLIENT_SECRET

    settings.SOCIALACCOUNT_PROVIDERS = national_id_providers(
        oidc_provider.issuer, CLIENT_ID, CLIENT_SECRET, "CamDigiKey"
    )
    oidc_provider.name_issuer("")
    oidc_provider.name_nonce("")
    yield oidc_provider
    oidc_provider.name_issuer("")
    oidc_provider.name_nonce("")
