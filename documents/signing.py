"""Ed25519 signatures over a document's canonical content, with key ids for rotation.

The signing key comes from SALA_DOCUMENT_SIGNING_KEY (a PEM private key or the base64 of
the 32-byte raw key; SALA_DOCUMENT_SIGNING_KEY_FILE names a file holding either). Without
one, the demo and the tests generate a key once into var/document-signing-key.pem;
production refuses to start (documents.checks). Keys that signed earlier documents stay
trusted for verification when their public keys are listed in
SALA_DOCUMENT_RETIRED_PUBLIC_KEYS (base64 raw public keys, comma-separated). A key's id is
derived from its public key, so it never has to be configured and cannot disagree.

Only keys from the settings are trusted: a key written into the database by someone who
can change the database would let them forge documents.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from dataclasses import dataclass
from functools import cache
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver

ALGORITHM = "Ed25519"
GENERATED_KEY_FILE = "document-signing-key.pem"


def canonical_json(content: dict[str, Any]) -> str:
    """Return the one text a content dict is signed as: sorted keys, no spaces, UTF-8."""
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def raw_public_key(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id_of(public_key: Ed25519PublicKey) -> str:
    """Return the key's id: the first 16 hex digits of the SHA-256 of its raw public key."""
    return hashlib.sha256(raw_public_key(public_key)).hexdigest()[:16]


@dataclass(frozen=True)
class SigningKey:
    private_key: Ed25519PrivateKey

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.private_key.public_key()

    @property
    def key_id(self) -> str:
        return key_id_of(self.public_key)


def parse_private_key(text: str) -> Ed25519PrivateKey:
    """Return the Ed25519 key in `text` (PEM, or base64 of the 32 raw bytes)."""
    text = text.strip()
    try:
        if text.startswith("-----BEGIN"):
            key = serialization.load_pem_private_key(text.encode(), password=None)
        else:
            key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(text, validate=True))
    except (ValueError, TypeError, binascii.Error) as exc:
        raise ImproperlyConfigured(
            f"SALA_DOCUMENT_SIGNING_KEY is not an Ed25519 private key: {exc}"
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured("SALA_DOCUMENT_SIGNING_KEY must be an Ed25519 key.")
    return key


def parse_public_key(text: str) -> Ed25519PublicKey:
    try:
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(text.strip(), validate=True))
    except (ValueError, binascii.Error) as exc:
        raise ImproperlyConfigured(
            f"SALA_DOCUMENT_RETIRED_PUBLIC_KEYS holds something that is not an Ed25519 "
            f"public key in base64 ({text[:12]}…): {exc}"
        ) from None


def private_key_pem(key: Ed25519PrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def public_key_base64(public_key: Ed25519PublicKey) -> str:
    return base64.b64encode(raw_public_key(public_key)).decode()


@cache
def signing_key() -> SigningKey:
    """Return the key new documents are signed with."""
    configured = settings.SALA_DOCUMENT_SIGNING_KEY
    if configured:
        return SigningKey(parse_private_key(configured))
    if settings.SALA_ENV == "production":
        raise ImproperlyConfigured("Set SALA_DOCUMENT_SIGNING_KEY to sign issued documents.")
    return SigningKey(_generated_key())


def _generated_key() -> Ed25519PrivateKey:
    """Return the demo's and tests' key, generated once into var/ (never committed)."""
    path = settings.VAR_DIR / GENERATED_KEY_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}")
        partial.touch(mode=0o600)
        partial.write_text(private_key_pem(Ed25519PrivateKey.generate()))
        try:
            os.link(partial, path)  # never replaces a key another process made first
        except FileExistsError:
            pass
        finally:
            partial.unlink()
    return parse_private_key(path.read_text())


@cache
def trusted_public_keys() -> dict[str, Ed25519PublicKey]:
    """Return every public key a document may verify against, by key id."""
    keys = [signing_key().public_key]
    keys += [parse_public_key(text) for text in settings.SALA_DOCUMENT_RETIRED_PUBLIC_KEYS]
    return {key_id_of(key): key for key in keys}


@receiver(setting_changed)
def _forget_keys(*, setting: str, **kwargs: Any) -> None:
    if setting.startswith("SALA_DOCUMENT_"):
        signing_key.cache_clear()
        trusted_public_keys.cache_clear()


def sign(content: str) -> tuple[str, str]:
    """Return (signature in base64, key id) for the canonical content."""
    key = signing_key()
    signature = key.private_key.sign(content.encode())
    return base64.b64encode(signature).decode(), key.key_id


def signature_is_valid(content: str, signature: str, key_id: str) -> bool:
    """Whether `signature` over `content` checks against the trusted key `key_id`."""
    public_key = trusted_public_keys().get(key_id)
    if public_key is None:
        return False
    try:
        public_key.verify(base64.b64decode(signature, validate=True), content.encode())
    except (InvalidSignature, ValueError, binascii.Error):
        return False
    return True
