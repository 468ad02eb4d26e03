"""Demo data: accounts with generated passwords, kept in var/ so every run prints the same.

Loading is idempotent (a second run changes nothing) and refused in production.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction


@dataclass(frozen=True)
class DemoAccount:
    username: str
    email: str
    role: str
    is_staff: bool = False
    is_superuser: bool = False


DEMO_ACCOUNTS = (
    DemoAccount(
        username="admin",
        email="admin@demo.sala.localhost",
        role="Administrator: back office (/cms/, /django-admin/) and the design page",
        is_staff=True,
        is_superuser=True,
    ),
)


def credentials_file():
    return settings.VAR_DIR / "demo-accounts.json"


def demo_passwords() -> dict[str, str]:
    """Return the demo passwords, generating any that do not exist yet."""
    path = credentials_file()
    passwords = json.loads(path.read_text()) if path.exists() else {}
    missing = [a.username for a in DEMO_ACCOUNTS if a.username not in passwords]
    if missing:
        for username in missing:
            passwords[username] = f"demo-{secrets.token_urlsafe(9)}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(passwords, indent=2))
        path.chmod(0o600)
    return passwords


@transaction.atomic
def load_demo_accounts() -> tuple[int, int]:
    """Create the demo accounts that do not exist; return (created, already there)."""
    if not settings.SALA_DEMO_DATA_ALLOWED:
        raise ImproperlyConfigured("Demo data cannot be loaded when SALA_ENV=production.")
    user_model = get_user_model()
    passwords = demo_passwords()
    created = existing = 0
    for account in DEMO_ACCOUNTS:
        user, was_created = user_model.objects.get_or_create(
            username=account.username,
            defaults={
                "email": account.email,
                "is_staff": account.is_staff,
                "is_superuser": account.is_superuser,
            },
        )
        if was_created:
            user.set_password(passwords[account.username])
            user.save(update_fields=["password"])
            created += 1
        else:
            existing += 1
    return created, existing
