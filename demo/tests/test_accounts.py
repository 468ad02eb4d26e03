from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from demo.accounts import DEMO_ACCOUNTS


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


@pytest.mark.django_db
def test_loading_twice_creates_the_accounts_once_with_the_printed_password(var_dir, capsys):
    call_command("load_demo_data")
    call_command("load_demo_data")
    out = capsys.readouterr().out
    assert f"{len(DEMO_ACCOUNTS)} created, 0 already there" in out
    assert f"0 created, {len(DEMO_ACCOUNTS)} already there" in out

    passwords = json.loads((var_dir / "demo-accounts.json").read_text())
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password(passwords["admin"])

    call_command("demo_accounts", url="http://127.0.0.1:9000")
    printed = capsys.readouterr().out
    assert "http://127.0.0.1:9000/km/" in printed
    assert passwords["admin"] in printed


@pytest.mark.django_db
def test_the_password_file_is_private(var_dir):
    call_command("load_demo_data")
    assert (var_dir / "demo-accounts.json").stat().st_mode & 0o077 == 0


@pytest.mark.django_db
def test_the_demo_citizen_has_a_profile_and_lives_in_daun_penh(var_dir):
    from geo.tests.factories import create_area

    phnom_penh = create_area("12", "Phnom Penh", "ភ្នំពេញ")
    daun_penh = create_area("1202", "Doun Penh", "ដូនពេញ", phnom_penh)
    call_command("load_demo_data")
    citizen = get_user_model().objects.get(username="citizen")
    assert not citizen.is_staff
    assert citizen.name_km == "សុខ ដារា"
    assert citizen.name_latin == "SOK DARA"
    assert citizen.home_area == daun_penh
    passwords = json.loads((var_dir / "demo-accounts.json").read_text())
    assert citizen.check_password(passwords["citizen"])


@pytest.mark.django_db
def test_every_demo_account_can_sign_in_with_its_verified_email(var_dir, client):
    call_command("load_demo_data")
    call_command("load_demo_data")
    passwords = json.loads((var_dir / "demo-accounts.json").read_text())
    for account in DEMO_ACCOUNTS:
        user = get_user_model().objects.get(username=account.username)
        address = user.emailaddress_set.get()
        assert (address.email, address.verified, address.primary) == (account.email, True, True)
    response = client.post(
        "/en/account/sign-in/",
        {"login": "citizen@demo.sala.localhost", "password": passwords["citizen"]},
    )
    assert response["Location"] == "/en/account/"


@pytest.mark.django_db
def test_the_demo_citizen_has_no_home_area_without_the_gazetteer(var_dir):
    call_command("load_demo_data")
    assert get_user_model().objects.get(username="citizen").home_area is None
