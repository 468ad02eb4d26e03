"""The page listing where the person is signed in, and signing out everywhere else."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.tests.factories import PASSWORD, create_user

pytestmark = pytest.mark.django_db


def signed_in_client(user_agent: str) -> Client:
    client = Client(HTTP_USER_AGENT=user_agent)
    client.post("/en/account/sign-in/", {"login": "dara", "password": PASSWORD})
    return client


def test_the_page_lists_each_browser_and_signs_out_the_others():
    create_user("dara")
    phone = signed_in_client("Mozilla/5.0 (Linux; Android 14) Phone")
    laptop = signed_in_client("Mozilla/5.0 (X11; Linux x86_64) Laptop")
    page = laptop.get("/en/account/sessions/")
    assert page.status_code == 200
    assert "Android 14" in page.text and "X11" in page.text
    assert page.text.count("This browser") == 1

    laptop.post("/en/account/sessions/")
    assert laptop.get("/en/account/").status_code == 200
    assert phone.get("/en/account/").status_code == 302  # signed out
    assert "Android 14" not in laptop.get("/en/account/sessions/").text


def test_nobody_sees_another_persons_sessions():
    create_user("dara")
    create_user("bopha")
    signed_in_client("Dara's phone")
    other = Client(HTTP_USER_AGENT="Bopha's laptop")
    other.post("/en/account/sign-in/", {"login": "bopha", "password": PASSWORD})
    page = other.get("/en/account/sessions/").text
    assert "Dara's phone" not in page and "Bopha&#x27;s laptop" in page


def test_visitors_are_asked_to_sign_in(client):
    assert client.get("/en/account/sessions/")["Location"].startswith("/en/account/sign-in/")
