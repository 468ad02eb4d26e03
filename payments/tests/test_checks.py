"""Production refuses to run taking fees without the account and the Bakong credentials."""

from __future__ import annotations

import pytest

from payments.checks import check_payment_settings


@pytest.fixture
def production(settings):
    settings.SALA_ENV = "production"
    settings.SALA_PAYMENTS_ENABLED = True
    settings.SALA_PAYMENT_PROVIDER = "bakong"
    settings.SALA_KHQR_ACCOUNT_ID = "fees@nbcq"
    settings.SALA_BAKONG_API_URL = "https://api-bakong.nbc.gov.kh"
    settings.SALA_BAKONG_TOKEN = "token"
    settings.SALA_BAKONG_EMAIL = "fees@mef.gov.kh"
    return settings


def ids(settings) -> list[str]:
    return [error.id for error in check_payment_settings()]


def test_a_complete_production_setup_passes(production):
    assert ids(production) == []


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("SALA_KHQR_ACCOUNT_ID", "payments.E001"),
        ("SALA_BAKONG_TOKEN", "payments.E002"),
        ("SALA_BAKONG_EMAIL", "payments.E002"),
        ("SALA_BAKONG_API_URL", "payments.E002"),
    ],
)
def test_production_without_a_payment_setting_fails_the_check(production, name, error):
    setattr(production, name, "")
    assert ids(production) == [error]


def test_without_online_fees_or_outside_production_nothing_is_required(production):
    production.SALA_KHQR_ACCOUNT_ID = production.SALA_BAKONG_TOKEN = ""
    production.SALA_PAYMENTS_ENABLED = False
    assert ids(production) == []
    production.SALA_PAYMENTS_ENABLED, production.SALA_ENV = True, "demo"
    assert ids(production) == []


def test_manage_py_check_on_the_production_settings_names_what_is_missing(tmp_path):
    """The real production settings, in a process of their own: no default account."""
    import os
    import secrets
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {
        key: value for key, value in os.environ.items()
        if not key.startswith(("SALA_", "DJANGO_", "DATABASE_URL"))
    } | {
        "SALA_ENV": "production",
        "DJANGO_SETTINGS_MODULE": "sala.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "sala.gov.kh",
        "SALA_SMS_LOG_IN_PRODUCTION": "true",
        "SALA_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
    }  # fmt: skip
    checked = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=root, env=env, capture_output=True,
        text=True, check=False, timeout=300,
    )  # fmt: skip
    assert checked.returncode != 0
    assert "payments.E001" in checked.stderr and "payments.E002" in checked.stderr
    env |= {"SALA_KHQR_ACCOUNT_ID": "fees@nbcq", "SALA_BAKONG_TOKEN": "t",
            "SALA_BAKONG_EMAIL": "fees@mef.gov.kh"}  # fmt: skip
    checked = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=root, env=env, capture_output=True,
        text=True, check=False, timeout=300,
    )  # fmt: skip
    assert "payments.E" not in checked.stderr
