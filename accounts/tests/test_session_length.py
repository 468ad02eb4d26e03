"""An officer's session ends 12 hours after signing in, or after 30 idle minutes; a
citizen's lasts its two weeks. Both sign in through the forms, the officer with TOTP."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time

from accounts.tests.factories import PASSWORD, create_user, grant
from accounts.tests.test_mfa import ACTIVATE, AUTHENTICATE, activate_totp
from accounts.tests.totp import totp_code
from geo.tests.factories import create_facility, create_tree

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


@pytest.fixture
def office():
    return create_facility(create_tree().commune)


def test_a_citizen_given_an_office_role_while_signed_in_gets_an_officers_limits(office):
    """Asked for a second factor at their next request, then signed out when idle, without
    signing in again in between."""
    dara = create_user("dara")
    client = Client()
    with freeze_time(START):
        sign_in(client, "dara")
        assert is_signed_in(client)
    with freeze_time(START + datetime.timedelta(minutes=5)):
        grant(dara, office, "head-of-office")
        assert client.get(MY_ACCOUNT)["Location"] == ACTIVATE
        activate_totp(client)
        assert is_signed_in(client)
    with freeze_time(START + datetime.timedelta(minutes=5 + 31)):
        assert not is_signed_in(client)


def test_the_12_hours_count_from_the_sign_in_not_from_the_new_role(office):
    dara = create_user("dara")
    client = Client()
    with freeze_time(START):
        sign_in(client, "dara")
    with freeze_time(START + datetime.timedelta(hours=13)):
        assert is_signed_in(client)  # a citizen still
        grant(dara, office, "head-of-office")
        response = client.get(MY_ACCOUNT)
    assert response["Location"] == "/en/account/sign-in/?next=%2Fen%2Faccount%2F"
    assert "officer sessions end after a while" in client.get(response["Location"]).text


def test_an_officer_whose_last_role_ended_keeps_a_citizens_session(office):
    sophea = create_user("sophea")
    membership = grant(sophea, office, "head-of-office")
    client = Client()
    with freeze_time(START):
        client.force_login(sophea)  # with the second factor
        assert is_signed_in(client)
        membership.ended_at = timezone.now()
        membership.save(update_fields=["ended_at"])
        assert is_signed_in(client)
    with freeze_time(START + datetime.timedelta(days=3)):
        assert is_signed_in(client)  # far past an officer's limits
