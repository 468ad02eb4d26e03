from __future__ import annotations

import re

import pytest

from accounts.models import User
from accounts.tests.factories import create_user

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://testserver(/\S+)")
NEW_PASSWORD = "a-new-long-password-for-tests"


def link_in(message) -> str:
    return LINK.search(message.body).group(1)


def sign_up(client, email="sreypov@example.org", language="en"):
    return client.post(
        f"/{language}/account/signup/",
        {"email": email, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )


def test_sign_up_then_verify_the_email_then_sign_in(client, mailoutbox):
    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == "/en/account/confirm-email/"
    user = User.objects.get(email="sreypov@example.org")
    assert user.username  # made from the address: nobody has to choose one
    assert user.preferred_language == "en"
    assert "_auth_user_id" not in client.session

    assert len(mailoutbox) == 1
    confirm_url = link_in(mailoutbox[0])
    assert confirm_url.startswith("/en/account/confirm-email/")
    assert client.get(confirm_url).status_code == 200
    client.post(confirm_url)
    assert user.emailaddress_set.get().verified

    response = client.post(
        "/en/account/sign-in/",
        {"login": "sreypov@example.org", "password": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/account/"


def test_signing_up_in_khmer_prefers_khmer(client):
    sign_up(client, language="km")
    assert User.objects.get().preferred_language == "km"


def test_bad_sign_up_input_is_explained_and_the_email_kept(client):
    response = client.post(
        "/en/account/signup/",
        {"email": "kanha@example.org", "password1": "short", "password2": "different"},
    )
    assert response.status_code == 200
    assert 'class="error-summary"' in response.text
    assert "<title>Error:" in response.text
    assert 'value="kanha@example.org"' in response.text
    assert not User.objects.exists()


def test_an_address_already_in_use_gets_no_second_account(client, mailoutbox):
    create_user("dara", email="dara@example.org")
    sign_up(client, email="dara@example.org")
    assert User.objects.filter(email__iexact="dara@example.org").count() == 1


def test_a_forgotten_password_is_reset_through_a_mailed_link(client, mailoutbox):
    user = create_user("dara")
    response = client.post("/en/account/password/reset/", {"email": "dara@example.org"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    reset_url = link_in(mailoutbox[0])
    form_url = client.get(reset_url)["Location"]  # allauth hides the key from the page URL
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_a_reset_for_an_unknown_address_reveals_nothing(client, mailoutbox):
    response = client.post("/en/account/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/en/account/password/reset/done/"
