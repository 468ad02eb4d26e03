"""One-time codes and keys never reach the log (issue 15, item 7)."""

from __future__ import annotations

import re

import pytest

from accounts.tests.factories import create_user

pytestmark = pytest.mark.django_db


def test_a_sign_in_code_sent_by_sms_is_not_logged(client, settings, caplog):
    settings.SALA_SMS_PROVIDER = "log"
    create_user("dara", email="", mobile="+85512345678", mobile_verified=True)
    with caplog.at_level("DEBUG"):
        response = client.post("/en/account/login/code/", {"phone": "012 345 678"})
    assert response.status_code == 302
    logged = [record.getMessage() for record in caplog.records if record.name == "sala.sms"]
    assert len(logged) == 1
    assert "####" in logged[0]
    assert not re.search(r"[0-9]{6}", caplog.text.replace("85512345678", ""))


def test_the_key_of_an_email_confirmation_link_is_not_logged(client, caplog):
    with caplog.at_level("INFO", logger="sala.request"):
        client.get("/en/account/confirm-email/MQ:1vS3cr3tK3y:abcdef/")
    assert "/en/account/confirm-email/…/" in caplog.text
    assert "1vS3cr3tK3y" not in caplog.text


def test_the_key_of_a_password_reset_link_is_not_logged(client, caplog):
    with caplog.at_level("INFO", logger="sala.request"):
        client.get("/en/account/password/reset/key/1-set-password/")
    assert "/password/reset/key/…/" in caplog.text
    assert "set-password" not in caplog.text
