"""Download my data, ask for closure, and nobody else's data on any of these pages."""

from __future__ import annotations

import json

import pytest

from accounts.profiles import register_export_section
from accounts.tests.factories import create_user
from geo.tests.factories import create_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def dara():
    tree = create_tree()
    return create_user(
        "dara",
        name_km="ហេង ដារា",
        name_latin="HENG DARA",
        national_id="012345678",
        mobile="+85512345678",
        home_area=tree.village,
    )


@pytest.fixture
def outsider():
    return create_user("charlie", name_km="ចាន់ សុភា")


def test_the_download_is_a_json_attachment_of_everything_we_hold(client, dara):
    client.force_login(dara)
    response = client.get("/km/account/profile/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="sala-personal-data-')
    data = json.loads(response.content)
    assert data["format"] == "sala-personal-data/1"
    assert data["account"]["username"] == "dara"
    assert data["account"]["email"] == "dara@example.org"
    assert data["profile"]["name_km"] == "ហេង ដារា"
    assert data["profile"]["national_id"] == "012345678"
    assert data["profile"]["mobile"] == "+85512345678"
    assert data["profile"]["home_area"]["code"] == "17100101"
    assert "ហេង ដារា".encode() in response.content  # readable, not \u escapes
    assert dara.password.encode() not in response.content


def test_other_apps_can_add_what_they_hold(client, dara, monkeypatch):
    from accounts import profiles

    monkeypatch.setattr(profiles, "_export_sections", dict(profiles._export_sections))
    register_export_section("applications", lambda user: [{"reference": f"A-{user.pk}"}])
    client.force_login(dara)
    data = json.loads(client.get("/en/account/profile/download/").content)
    assert data["applications"] == [{"reference": f"A-{dara.pk}"}]


@pytest.mark.parametrize(
    "url", ["/en/account/profile/", "/en/account/profile/change/", "/en/account/profile/download/"]
)
def test_another_citizen_never_sees_someone_elses_data(client, dara, outsider, url):
    client.force_login(outsider)
    response = client.get(url)
    assert response.status_code == 200
    for secret in ("ហេង ដារា", "HENG DARA", "012345678", "85512345678", "dara@example.org"):
        assert secret.encode() not in response.content
    assert "ចាន់ សុភា".encode() in response.content


def test_the_closure_page_says_an_administrator_closes_accounts(client, dara):
    client.force_login(dara)
    response = client.get("/en/account/profile/close/")
    assert response.status_code == 200
    assert "An administrator closes accounts" in response.text
    dara.refresh_from_db()
    assert dara.closure_requested_at is None


def test_asking_to_close_records_the_time_once(client, dara):
    client.force_login(dara)
    response = client.post("/en/account/profile/close/", follow=True)
    assert "We have received your request to close your account." in response.text
    assert "You asked to close your account on" in response.text
    dara.refresh_from_db()
    first = dara.closure_requested_at
    assert first is not None
    client.post("/en/account/profile/close/")
    dara.refresh_from_db()
    assert dara.closure_requested_at == first
    assert dara.is_active  # closing is an administrator's step


def test_asking_to_close_needs_the_csrf_token(dara):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(dara)
    assert client.post("/en/account/profile/close/").status_code == 403
    dara.refresh_from_db()
    assert dara.closure_requested_at is None
