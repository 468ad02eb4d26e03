"""Refuse to run production without a document signing key that parses."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured


@register()
def check_signing_key(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    from documents.signing import signing_key, trusted_public_keys

    if settings.SALA_ENV == "production" and not settings.SALA_DOCUMENT_SIGNING_KEY:
        return [
            Error(
                "SALA_DOCUMENT_SIGNING_KEY is not set: issued documents cannot be signed.",
                hint="Generate one with `manage.py document_signing_key --generate`.",
                id="documents.E001",
            )
        ]
    try:
        signing_key()
        trusted_public_keys()
    except ImproperlyConfigured as exc:
        return [Error(str(exc), id="documents.E002")]
    return []
