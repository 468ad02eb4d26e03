"""What `load_demo_data` does, run twice, once for this module's tests (a run loads the
whole demo and takes half a minute on a loaded machine): the accounts and their password
file, and the lines it prints. Each test runs in a savepoint of the loading transaction,
which is rolled back after the last one. Tests that need something in the database before
the demo loads (a gazetteer area) load it themselves."""

from __future__ import annotations

import json
from contextlib import redirect_stdout
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from demo.accounts import DEMO_ACCOUNTS

pytestmark = [pytest.mark.timeout(900), pytest.mark.django_db]


@dataclass
class Loaded:
    var_dir: Path
    first: str  # what the first run printed
    second: str


@pytest.fixture(scope="module")
def loaded_twice(django_db_setup, django_db_blocker, tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("var")
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        override_settings(VAR_DIR=var_dir),
    ):
        printed = []
        for _run in range(2):
            with redirect_stdout(StringIO()) as out:
                call_command("load_demo_data")
            printed.append(out.getvalue())
        yield Loaded(var_dir, *printed)
        transaction.set_rollback(True)


def test_loading_twice_creates_the_accounts_once_with_the_printed_password(
    loaded_twice, settings, capsys
):
    settings.VAR_DIR = loaded_twice.var_dir
    assert f"{len(DEMO_ACCOUNTS)} created, 0 already there" in loaded_twice.first
    assert f"0 created, {len(DEMO_ACCOUNTS)} already there" in loaded_twice.second

    passwords = json.loads((loaded_twice.var_dir / "demo-accounts.json").read_text())
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password(passwords["admin"])

    call_command("demo_accounts", url="http://127.0.0.1:9000")
    printed = capsys.readouterr().out
    assert "http://127.0.0.1:9000/km/" in printed
    assert passwords["admin"] in printed


def test_the_password_file_is_private(loaded_twice):
    assert (loaded_twice.var_dir / "demo-accounts.json").stat().st_mode & 0o077 == 0


def test_every_demo_account_can_sign_in_with_its_verified_email(loaded_twice, client):
    passwords = json.loads((loaded_twice.var_dir / "demo-accounts.json").read_text())
    for account in DEMO_ACCOUNTS:
        user = get_user_model().objects.get(username=account.username)
        address = user.emailaddress_set.get()
        assert (address.email, address.verified, address.primary) == (account.email, True, True)
    response = client.post(
        "/en/account/sign-in/",
        {"login": "citizen@demo.sala.localhost", "password": passwords["citizen"]},
    )
    assert response["Location"] == "/en/account/"


def test_the_demo_citizen_has_no_home_area_without_the_gazetteer(loaded_twice):
    assert get_user_model().objects.get(username="citizen").home_area is None


def test_the_command_prints_one_line_about_pages(loaded_twice):
    assert "Demo pages: 0 created," in loaded_twice.second
    assert "already there." in loaded_twice.second


def test_load_demo_data_reports_the_notifications(loaded_twice):
    assert "Demo notifications:" in loaded_twice.first
