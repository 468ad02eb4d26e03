from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_a_citizen_finds_my_applications_from_my_account_and_the_old_drafts_page_leads_there(
    client, world
):
    client.force_login(world.citizen)
    account = client.get("/en/account/").text
    assert account.count('href="/en/cases/"') == 1  # one "My applications", not two
    assert 'href="/en/services/applications/"' not in account
    assert 'href="/en/office/"' not in account
    assert client.get("/en/services/applications/")["Location"] == "/en/cases/"


def test_an_officer_finds_the_back_office_from_my_account(client, world):
    client.force_login(world.clerk)
    assert 'href="/en/office/"' in client.get("/en/account/").text
