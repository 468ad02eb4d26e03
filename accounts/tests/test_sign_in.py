from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def citizen():
    return get_user_model().objects.create_user("dara", password="a-long-demo-password")


def test_signing_in_leads_to_my_account(client, citizen):
    response = client.post(
        "/en/account/sign-in/",
        {"username": "dara", "password": "a-long-demo-password"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/en/account/"
    assert "dara" in response.text


def test_a_wrong_password_keeps_the_username_and_explains(client, citizen):
    response = client.post("/km/account/sign-in/", {"username": "dara", "password": "wrong"})
    assert response.status_code == 200
    assert 'value="dara"' in response.text
    assert response.context["form"].errors


def test_my_account_asks_visitors_to_sign_in_in_their_language(client):
    response = client.get("/km/account/")
    assert response.status_code == 302
    assert response["Location"].startswith("/km/account/sign-in/?next=/km/account/")


def test_signing_out_needs_a_post(client, citizen):
    client.force_login(citizen)
    assert client.get("/en/account/sign-out/").status_code == 405
    response = client.post("/en/account/sign-out/")
    assert response.status_code == 302
    assert client.get("/en/account/").status_code == 302
