"""SALA_ENV=production refuses to start with a missing or weak secret key, no hosts, or
text messages that would only go to the log."""

from __future__ import annotations

import base64
import os
import secrets
import subprocess

import pytest

from core.testing.processes import run_project_python


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}}
    for name in ("SECRET_KEY", "SECRET_KEY_FILE", "ALLOWED_HOSTS", "DEBUG", "DATABASE_URL"):
        clean.pop(name, None)
    for name in [name for name in clean if name.startswith("SALA_SMS_")]:
        clean.pop(name)
    # Production refuses to start without a document signing key (documents.checks), with
    # text messages that only go to the log, and without the payment account and Bakong's
    # credentials (payments.checks).
    clean["SALA_DOCUMENT_SIGNING_KEY"] = DOCUMENT_SIGNING_KEY
    clean["SALA_SMS_PROVIDER"] = "http"
    clean["SALA_SMS_HTTP_URL"] = "https://sms-gateway.example.org/send"
    clean.update(PAYMENT_SETTINGS)
    clean.update(env)
    return run_project_python(["manage.py", *args], clean)


STRONG_KEY = secrets.token_urlsafe(64)
PAYMENT_SETTINGS = {
    "SALA_KHQR_ACCOUNT_ID": "fees@nbcq",
    "SALA_BAKONG_TOKEN": secrets.token_urlsafe(24),
    "SALA_BAKONG_EMAIL": "fees@ministry.example.gov.kh",
}
DOCUMENT_SIGNING_KEY = base64.b64encode(secrets.token_bytes(32)).decode()


def test_production_without_a_secret_key_stops_with_a_clear_message():
    result = run_manage("check", SALA_ENV="production", ALLOWED_HOSTS="sala.gov.kh")
    assert result.returncode != 0
    assert "SALA_ENV=production needs SECRET_KEY" in result.stderr


@pytest.mark.parametrize("weak", ["short", "django-insecure-" + "x" * 50, "a" * 60])
def test_production_refuses_a_weak_secret_key(weak):
    result = run_manage(
        "check", SALA_ENV="production", SECRET_KEY=weak, ALLOWED_HOSTS="sala.gov.kh"
    )
    assert result.returncode != 0
    assert "needs SECRET_KEY" in result.stderr


def test_production_without_allowed_hosts_stops_with_a_clear_message():
    result = run_manage("check", SALA_ENV="production", SECRET_KEY=STRONG_KEY)
    assert result.returncode != 0
    assert "SALA_ENV=production needs ALLOWED_HOSTS" in result.stderr


def test_production_refuses_debug():
    result = run_manage(
        "check",
        SALA_ENV="production",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="sala.gov.kh",
        DEBUG="1",
    )
    assert result.returncode != 0
    assert "DEBUG must be off" in result.stderr


def test_production_reads_the_secret_from_a_file(tmp_path):
    key_file = tmp_path / "secret_key"
    key_file.write_text(STRONG_KEY)
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SALA_ENV="production",
        SECRET_KEY_FILE=str(key_file),
        ALLOWED_HOSTS="sala.gov.kh",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_demo_data_cannot_be_loaded_in_production(tmp_path):
    env = {
        "SALA_ENV": "production",
        "SECRET_KEY": STRONG_KEY,
        "ALLOWED_HOSTS": "sala.gov.kh",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "SALA_VAR_DIR": str(tmp_path),
    }
    result = run_manage("load_demo_data", **env)
    assert result.returncode != 0
    # The demo app, which owns the command, is not installed in production at all.
    assert "Unknown command: 'load_demo_data'" in result.stderr
    assert not (tmp_path / "demo-accounts.json").exists()


def test_an_unknown_sala_env_is_refused():
    result = run_manage("check", SALA_ENV="staging")
    assert result.returncode != 0
    assert "SALA_ENV must be one of production, demo, test" in result.stderr


@pytest.mark.parametrize("provider", ["log", "memory"])
def test_production_refuses_text_messages_nobody_receives(provider):
    result = run_manage(
        "check",
        SALA_ENV="production",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="sala.gov.kh",
        SALA_SMS_PROVIDER=provider,
    )
    assert result.returncode != 0
    assert f"cannot send text messages with SALA_SMS_PROVIDER='{provider}'" in result.stderr
    assert "SALA_SMS_LOG_IN_PRODUCTION=true" in result.stderr


def test_production_keeps_the_log_provider_only_when_told(tmp_path):
    result = run_manage(
        "check",
        SALA_ENV="production",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="sala.gov.kh",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        SALA_SMS_PROVIDER="log",
        SALA_SMS_LOG_IN_PRODUCTION="true",
    )
    assert result.returncode == 0, result.stderr
