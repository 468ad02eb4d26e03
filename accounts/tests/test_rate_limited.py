"""allauth's limits that raise answer with the portal's 429 page, not a server error."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.tests.factories import PASSWORD, create_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def django_app_client():
    return Client()


@pytest.mark.parametrize(
    ("language", "heading"), [("en", "Too many attempts"), ("km", "ព្យាយាមច្រើនដងពេក")]
)
def test_signing_in_twice_within_30_seconds_gets_the_429_page(
    client, django_app_client, language, heading
):
    """The second sign-in (here from a second browser) asks for a second SMS code for the
    same number, and allauth sends one per 30 seconds."""
    create_user("dara", email="", mobile="+85512345678", mobile_verified=False)
    address = f"/{language}/account/sign-in/"
    first = client.post(address, {"login": "012 345 678", "password": PASSWORD})
    assert first.status_code == 302
    second = django_app_client.post(address, {"login": "012 345 678", "password": PASSWORD})
    assert second.status_code == 429
    assert second["Retry-After"] == "60"
    assert heading in second.text
    assert "Too many attempts" in second.text  # the other language below
    assert "ព្យាយាមច្រើនដងពេក" in second.text
