from __future__ import annotations

import pytest
from django.test import Client

from accounts.tests.factories import PASSWORD, create_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def citizen():
    return create_user("dara")


@pytest.mark.parametrize("login", ["dara", "dara@example.org", "DARA@example.org"])
def test_signing_in_by_username_or_email_leads_to_my_account(client, citizen, login):
    response = client.post(
        "/en/account/sign-in/", {"login": login, "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/en/account/"
    assert "dara" in response.text


def test_the_sign_in_page_is_in_our_layout(client):
    page = client.get("/km/account/sign-in/").text
    assert 'class="site-header' in page
    assert 'action="/km/account/sign-in/"' in page
    assert 'href="/km/account/password/reset/"' in page
    assert 'href="/km/account/signup/' in page


def test_a_wrong_password_keeps_the_login_and_explains(client, citizen):
    response = client.post("/km/account/sign-in/", {"login": "dara", "password": "wrong"})
    assert response.status_code == 200
    assert 'value="dara"' in response.text
    assert 'class="error-summary"' in response.text
    assert response.context["form"].errors


def test_an_unverified_address_cannot_sign_in_and_gets_a_new_link(client, mailoutbox):
    create_user("sokha", verified=False)
    response = client.post(
        "/en/account/sign-in/", {"login": "sokha", "password": PASSWORD}, follow=True
    )
    assert "_auth_user_id" not in client.session
    assert response.redirect_chain[-1][0] == "/en/account/confirm-email/"
    assert len(mailoutbox) == 1


def test_my_account_asks_visitors_to_sign_in_in_their_language(client):
    response = client.get("/km/account/")
    assert response.status_code == 302
    assert response["Location"].startswith("/km/account/sign-in/?next=/km/account/")


def test_signing_out_needs_a_post(citizen):
    client = Client(enforce_csrf_checks=False)
    client.force_login(citizen)
    client.get("/en/account/sign-out/")  # a confirmation page, not a sign-out
    assert client.get("/en/account/").status_code == 200
    response = client.post("/en/account/sign-out/")
    assert response.status_code == 302
    assert client.get("/en/account/").status_code == 302


def test_behind_nginx_each_citizen_has_their_own_sign_in_limit(client, settings):
    """allauth's per-address limits count the client's address, as Sala's own do."""
    settings.SALA_TRUSTED_PROXY_COUNT = 1
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "3/m/ip"}

    def sign_in(forwarded: str) -> int:
        return client.post(
            "/en/account/sign-in/",
            {"login": "nobody", "password": "wrong"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=forwarded,
        ).status_code

    assert [sign_in("203.0.113.7") for _ in range(4)] == [200, 200, 200, 429]
    assert sign_in("203.0.113.8") == 200
    # An address the client sends itself goes in front of the one nginx appends.
    assert sign_in("203.0.113.8, 203.0.113.7") == 429
