"""An officer's session ends 12 hours after signing in, or after 30 idle minutes; a
citizen's lasts its two weeks. Both sign in through the forms, the officer with TOTP."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from freezegun import freeze_time

from accounts.tests.factories import PASSWORD, create_user
from accounts.tests.test_mfa import AUTHENTICATE, activate_totp
from accounts.tests.totp import totp_code

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)
MY_ACCOUNT = "/en/account/"


def sign_in(client: Client, login: str) -> None:
    client.post("/en/account/sign-in/", {"login": login, "password": PASSWORD})


@pytest.fixture
def officer_client():
    """An officer (staff) with TOTP set up, signed in afresh at START."""
    create_user("sophea", is_staff=True)
    client = Client()
    with freeze_time(START - datetime.timedelta(hours=1)):
        sign_in(client, "sophea")
        secret = activate_totp(client)
        client.post("/en/account/sign-out/")
    with freeze_time(START):
        sign_in(client, "sophea")
        assert client.post(AUTHENTICATE, {"code": totp_code(secret)}).status_code == 302
        assert client.get(MY_ACCOUNT).status_code == 200
    return client


def is_signed_in(client: Client) -> bool:
    return client.get(MY_ACCOUNT).status_code == 200


def test_an_officer_working_all_day_is_asked_to_sign_in_again_after_12_hours(officer_client):
    for minutes in range(20, 12 * 60, 20):  # a request every twenty minutes
        with freeze_time(START + datetime.timedelta(minutes=minutes)):
            assert is_signed_in(officer_client), minutes
    with freeze_time(START + datetime.timedelta(hours=12, minutes=1)):
        response = officer_client.get(MY_ACCOUNT)
    assert response.status_code == 302
    assert response["Location"] == "/en/account/sign-in/?next=%2Fen%2Faccount%2F"
    page = officer_client.get(response["Location"]).text
    assert "officer sessions end after a while. Please sign in again." in page


def test_an_officer_away_for_31_minutes_is_signed_out(officer_client):
    with freeze_time(START + datetime.timedelta(minutes=29)):
        assert is_signed_in(officer_client)
    with freeze_time(START + datetime.timedelta(minutes=29 + 31)):
        assert not is_signed_in(officer_client)


def test_a_citizen_stays_signed_in_for_days(settings):
    create_user("dara")
    client = Client()
    with freeze_time(START):
        sign_in(client, "dara")
        assert is_signed_in(client)
    with freeze_time(START + datetime.timedelta(days=13)):
        assert is_signed_in(client)  # 13 idle days, far past an officer's limits


def test_the_limits_are_settings(officer_client, settings):
    settings.SALA_OFFICER_SESSION_IDLE_MINUTES = 90
    with freeze_time(START + datetime.timedelta(minutes=60)):
        assert is_signed_in(officer_client)
