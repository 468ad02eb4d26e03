"""Open311 API keys: an administrator issues one per application that may send reports;
the key is shown once and only its SHA-256 is kept, so a copy of the database gives none
away. A revoked key sends nothing."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from audit.log import log_action
from reports.models import ApiKey

KEY_PREFIX = "sala311_"


def key_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def do_issue_key(actor, name: str) -> tuple[ApiKey, str]:
    """Make a key for the application; return it and the key itself (show it once)."""
    raw = KEY_PREFIX + secrets.token_urlsafe(24)
    key = ApiKey.objects.create(
        name=name.strip(), prefix=raw[len(KEY_PREFIX) :][:8], key_hash=key_hash(raw),
        created_by=actor,
    )  # fmt: skip
    log_action(actor, "reports.apikey.issued", key, {"name": key.name})
    return key, raw


@transaction.atomic
def do_revoke_key(actor, key: ApiKey) -> None:
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
        log_action(actor, "reports.apikey.revoked", key, {"name": key.name})


def key_for(raw: str) -> ApiKey | None:
    """The live key whose hash this is, or None."""
    if not raw or len(raw) > 200:
        return None
    return ApiKey.objects.filter(key_hash=key_hash(raw), revoked_at=None).first()
