from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_a_citizen_finds_my_applications_from_my_account_and_from_the_drafts_page(client, world):
    client.force_login(world.citizen)
    account = client.get("/en/account/").text
    assert 'href="/en/cases/"' in account
    assert 'href="/en/office/"' not in account
    assert 'href="/en/cases/"' in client.get("/en/services/applications/").text


def test_an_officer_finds_the_back_office_from_my_account(client, world):
    client.force_login(world.clerk)
    assert 'href="/en/office/"' in client.get("/en/account/").text
