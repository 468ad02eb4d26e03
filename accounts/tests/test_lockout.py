"""Twenty wrong passwords lock the way in they came by (the account from that address)
for a while, not the person; the owner is told."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from freezegun import freeze_time

from accounts.tests.factories import PASSWORD, create_user
from notifications import sms

pytestmark = pytest.mark.django_db

SIGN_IN = "/en/account/sign-in/"


@pytest.fixture(autouse=True)
def _many_sign_ins_a_minute(settings):
    """allauth's per-address limit on sign-in requests (30 a minute) is not what these
    tests are about; the counts of wrong passwords stay in the cache between batches."""
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login": "1000/m/ip",
        "login_failed": "1000/m/ip",
    }


@pytest.fixture
def wrong_passwords(client, django_capture_on_commit_callbacks):
    """Return a function typing wrong passwords; the owner is told once the lock is
    committed, so those callbacks run too."""

    def type_wrong(login: str, times: int, address: str = "127.0.0.1") -> None:
        with django_capture_on_commit_callbacks(execute=True):
            for _ in range(times):
                response = client.post(
                    SIGN_IN, {"login": login, "password": "wrong"}, REMOTE_ADDR=address
                )
                assert response.status_code == 200

    return type_wrong


def sign_in(client, login: str):
    return client.post(SIGN_IN, {"login": login, "password": PASSWORD})


def test_nineteen_wrong_passwords_do_not_lock(client, mailoutbox, wrong_passwords):
    create_user("dara")
    wrong_passwords("dara", 19)
    assert sign_in(client, "dara").status_code == 302
    assert mailoutbox == []


def test_twenty_wrong_passwords_lock_even_the_right_one_and_email_the_owner(
    client, mailoutbox, wrong_passwords
):
    user = create_user("dara", preferred_language="km")
    wrong_passwords("dara", 20)
    response = sign_in(client, "dara")
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.text
    assert "_auth_user_id" not in client.session

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["dara@example.org"]
    assert "គណនី" in message.subject  # the owner prefers Khmer
    assert "២០" in message.body or "20" in message.body
    assert "/km/account/password/reset/" in message.body
    user.refresh_from_db()
    assert user.sign_in_locked_until is None  # the way in is locked, not the account


def test_the_owner_still_signs_in_from_another_address(client, mailoutbox, wrong_passwords):
    """Twenty wrong passwords from outside do not keep an officer out (issue 15, low)."""
    create_user("sophea")
    wrong_passwords("sophea", 20, address="203.0.113.9")
    refused = client.post(
        SIGN_IN, {"login": "sophea", "password": PASSWORD}, REMOTE_ADDR="203.0.113.9"
    )
    assert refused.status_code == 200
    assert "_auth_user_id" not in client.session
    response = client.post(
        SIGN_IN, {"login": "sophea", "password": PASSWORD}, REMOTE_ADDR="198.51.100.7"
    )
    assert response.status_code == 302
    assert len(mailoutbox) == 1


def test_guessing_from_many_addresses_locks_the_account_at_the_ceiling(
    client, settings, mailoutbox, wrong_passwords
):
    settings.SALA_SIGN_IN_ACCOUNT_CEILING = 30
    user = create_user("sophea")
    for number in range(3):
        wrong_passwords("sophea", 10, address=f"203.0.113.{number}")
    response = client.post(
        SIGN_IN, {"login": "sophea", "password": PASSWORD}, REMOTE_ADDR="198.51.100.7"
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.sign_in_locked_until > timezone.now() + datetime.timedelta(minutes=29)


def test_the_attempts_count_whatever_way_the_account_is_named(client, mailoutbox, wrong_passwords):
    create_user("dara", mobile="+85512345678", mobile_verified=True)
    wrong_passwords("dara", 7)
    wrong_passwords("dara@example.org", 7)
    wrong_passwords("012 345 678", 6)
    assert sign_in(client, "+85512345678").status_code == 200
    assert len(mailoutbox) == 1


def test_the_lock_ends_after_the_period(client, wrong_passwords):
    create_user("dara")
    wrong_passwords("dara", 20)
    with freeze_time(timezone.now() + datetime.timedelta(minutes=31)):
        assert sign_in(client, "dara").status_code == 302


def test_the_lock_is_per_account(client, wrong_passwords):
    create_user("dara")
    create_user("bopha")
    wrong_passwords("dara", 20)
    assert sign_in(client, "bopha").status_code == 302


def test_a_right_password_starts_the_count_again(client, mailoutbox, wrong_passwords):
    create_user("dara")
    wrong_passwords("dara", 15)
    assert sign_in(client, "dara").status_code == 302
    client.post("/en/account/sign-out/")
    wrong_passwords("dara", 15)
    assert sign_in(client, "dara").status_code == 302
    assert mailoutbox == []


def test_an_owner_without_an_email_address_is_told_by_sms(client, wrong_passwords):
    sms.outbox.clear()
    create_user("dara", email="", mobile="+85512345678", mobile_verified=True)
    wrong_passwords("012345678", 20)
    assert [m.to for m in sms.outbox] == ["+85512345678"]
    assert "/account/password/reset/" in sms.outbox[0].text


def test_a_password_reset_unlocks_the_account(client, mailoutbox, wrong_passwords):
    import re

    user = create_user("dara")
    wrong_passwords("dara", 20)
    client.post("/en/account/password/reset/", {"email": "dara@example.org"})
    link = re.search(r"https?://testserver(/\S+)", mailoutbox[-1].body).group(1)
    form_url = client.get(link)["Location"]
    new_password = "another-long-password-42"
    client.post(form_url, {"password1": new_password, "password2": new_password})
    user.refresh_from_db()
    assert user.sign_in_locked_until is None
    response = client.post(SIGN_IN, {"login": "dara", "password": new_password})
    assert response.status_code == 302
