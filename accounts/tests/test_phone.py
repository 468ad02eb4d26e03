"""Sign up and sign in with a Cambodian mobile number, verified by a code sent by SMS."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone
from freezegun import freeze_time

from accounts.models import User
from accounts.tests.factories import PASSWORD, create_user
from notifications import sms

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-new-long-password-for-tests"
VERIFY = "/en/account/phone/verify/"
CODE = re.compile(r"\b(\d{6})\b")


@pytest.fixture(autouse=True)
def _empty_sms_outbox():
    sms.outbox.clear()


def last_code() -> str:
    return CODE.search(sms.outbox[-1].text).group(1)


def sign_up(client, **fields):
    data = {"phone": "", "email": "", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    data.update(fields)
    return client.post("/en/account/signup/", data)


def test_sign_up_with_a_mobile_number_and_the_code_sent_to_it(client):
    response = sign_up(client, phone="012 345 678")
    assert response.status_code == 302
    assert response["Location"] == VERIFY
    user = User.objects.get()
    assert (user.mobile, user.mobile_verified) == ("+85512345678", False)
    assert "_auth_user_id" not in client.session
    assert [message.to for message in sms.outbox] == ["+85512345678"]

    page = client.get(VERIFY)
    assert page.status_code == 200
    assert 'class="site-header' in page.text
    wrong = client.post(VERIFY, {"code": "000000" if last_code() != "000000" else "111111"})
    assert wrong.status_code == 200
    assert "not the one we sent" in wrong.text
    response = client.post(VERIFY, {"code": last_code()})
    assert response.status_code == 302
    assert response["Location"] == "/en/account/"
    user.refresh_from_db()
    assert user.mobile_verified
    assert client.session["_auth_user_id"] == str(user.pk)


def test_the_code_comes_in_the_language_of_the_sign_up(client):
    client.post(
        "/km/account/signup/",
        {"phone": "០១២៣៤៥៦៧៨", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert "លេខកូដ" in sms.outbox[-1].text


def test_a_sign_up_needs_a_number_or_an_address(client):
    response = sign_up(client)
    assert response.status_code == 200
    assert "Give a mobile number or an email address" in response.text
    assert not User.objects.exists()


def test_a_fixed_line_or_foreign_number_is_refused_and_kept(client):
    response = sign_up(client, phone="023 123 456")
    assert "Enter a Cambodian mobile number" in response.text
    assert 'value="023 123 456"' in response.text
    assert sms.outbox == []


def test_an_expired_code_is_refused_with_a_clear_message(client):
    sign_up(client, phone="012 345 678")
    code = last_code()
    with freeze_time(timezone.now() + datetime.timedelta(minutes=16)):
        response = client.post(VERIFY, {"code": code}, follow=True)
    assert "This code has expired" in response.text
    assert "_auth_user_id" not in client.session
    assert not User.objects.get().mobile_verified


def test_sign_in_with_the_number_as_people_write_it(client):
    create_user("dara", email="", mobile="+85512345678", mobile_verified=True)
    for login in ("012 345 678", "+855 12 345 678", "០១២ ៣៤៥ ៦៧៨"):
        response = client.post("/en/account/sign-in/", {"login": login, "password": PASSWORD})
        assert response.status_code == 302, login
        assert response["Location"] == "/en/account/"
        client.post("/en/account/sign-out/")


def test_an_unverified_number_is_verified_at_sign_in(client):
    create_user("dara", email="", mobile="+85512345678", mobile_verified=False)
    response = client.post("/en/account/sign-in/", {"login": "012345678", "password": PASSWORD})
    assert response["Location"] == VERIFY
    assert "_auth_user_id" not in client.session
    client.post(VERIFY, {"code": last_code()})
    assert User.objects.get().mobile_verified


def request_code(client, phone="012 345 678"):
    return client.post("/en/account/login/code/", {"phone": phone})


def test_sign_in_with_a_code_sent_by_sms(client):
    user = create_user("dara", email="", mobile="+85512345678", mobile_verified=True)
    response = request_code(client)
    assert response["Location"] == "/en/account/login/code/confirm/"
    response = client.post("/en/account/login/code/confirm/", {"code": last_code()})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_used_sign_in_code_is_refused_the_next_time(client):
    create_user("dara", email="", mobile="+85512345678", mobile_verified=True)
    request_code(client)
    used = last_code()
    client.post("/en/account/login/code/confirm/", {"code": used})
    client.post("/en/account/sign-out/")
    request_code(client)
    if last_code() == used:  # one chance in a million: ask again
        request_code(client)
    response = client.post("/en/account/login/code/confirm/", {"code": used})
    assert response.status_code == 200
    assert "already been used" in response.text
    assert "_auth_user_id" not in client.session


def test_an_expired_sign_in_code_is_refused_with_a_clear_message(client):
    create_user("dara", email="", mobile="+85512345678", mobile_verified=True)
    request_code(client)
    code = last_code()
    with freeze_time(timezone.now() + datetime.timedelta(minutes=4)):
        response = client.post("/en/account/login/code/confirm/", {"code": code}, follow=True)
    assert "This code has expired" in response.text
    assert "_auth_user_id" not in client.session
