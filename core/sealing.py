"""Secrets the portal keeps in its database to use later (a mailbox's password), encrypted
at rest with Fernet (AES-128-CBC and HMAC-SHA256, from `cryptography`).

The keys are SALA_STORED_SECRET_KEYS (or its _FILE): Fernet keys, newest first. The
newest encrypts; every one decrypts, so a key is rotated by putting a new one in front,
running `manage.py reseal_secrets`, then dropping the old one. Without the setting one key
is derived from SECRET_KEY (HKDF-SHA256), so the demo and the tests need nothing; an
operator sets the variable so that changing SECRET_KEY does not lose the secrets.

`SealedTextField` is a model field that stores only the token and gives the code the
plain text.
"""

from __future__ import annotations

import base64
import logging
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

logger = logging.getLogger(__name__)


def derived_key(secret_key: str) -> bytes:
    """Return a Fernet key derived from Django's SECRET_KEY."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"sala stored secrets")
    return base64.urlsafe_b64encode(hkdf.derive(secret_key.encode()))


def _fernet() -> MultiFernet:
    keys: list[str | bytes] = [*settings.SALA_STORED_SECRET_KEYS] or [
        derived_key(settings.SECRET_KEY)
    ]
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(
            "SALA_STORED_SECRET_KEYS must be Fernet keys (32 url-safe base64-encoded bytes), "
            "e.g. from: python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())'"
        ) from error


def seal(text: str) -> str:
    return _fernet().encrypt(text.encode()).decode()


def unseal(token: str) -> str:
    """Return the plain text; raise InvalidToken if no key opens it."""
    return _fernet().decrypt(token.encode()).decode()


def reseal(token: str) -> str:
    """Return the token encrypted again with the newest key."""
    return _fernet().rotate(token.encode()).decode()


class SealedTextField(models.TextField):
    """Text stored encrypted (a Fernet token); "" stays "". A token no key opens reads as
    "" (and is logged), so that a lost key fails like a wrong password, not a crash."""

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        return seal(value) if value else value

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if not value:
            return value
        try:
            return unseal(value)
        except InvalidToken:
            logger.error("a stored secret could not be decrypted with SALA_STORED_SECRET_KEYS")
            return ""
