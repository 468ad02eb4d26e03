"""Production refuses to start without a document signing key, or with a broken one."""

from __future__ import annotations

import secrets

import pytest

from core.tests.test_production_settings import run_manage

STRONG_KEY = secrets.token_urlsafe(64)


@pytest.mark.parametrize(
    ("key", "message"),
    [("", "SALA_DOCUMENT_SIGNING_KEY is not set"), ("not-a-key", "not an Ed25519 private key")],
)
def test_production_check_fails_without_a_usable_signing_key(key, message):
    result = run_manage(
        "check",
        SALA_ENV="production",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="sala.gov.kh",
        SALA_DOCUMENT_SIGNING_KEY=key,
    )
    assert result.returncode != 0
    assert message in result.stderr
