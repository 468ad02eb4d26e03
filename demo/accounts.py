"""Demo data: accounts with generated passwords, kept in var/ so every run prints the same.

Loading is idempotent (a second run changes nothing) and refused in production.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
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
    profile: dict[str, Any] = field(default_factory=dict)
    # A gazetteer code; left empty when the gazetteer is not loaded.
    home_area_code: str = ""


DEMO_ACCOUNTS = (
    DemoAccount(
        username="admin",
        email="admin@demo.sala.localhost",
        role="Administrator: back office (/cms/, /django-admin/) and the design page",
        is_staff=True,
        is_superuser=True,
    ),
    DemoAccount(
        username="citizen",
        email="citizen@demo.sala.localhost",
        role="Citizen: verified email, profile in Khmer and Latin letters, lives in Daun Penh",
        profile={
            "name_km": "សុខ ដារា",
            "name_latin": "SOK DARA",
            "first_name": "Dara",
            "last_name": "Sok",
            "preferred_language": "km",
        },
        home_area_code="1202",  # Khan Daun Penh, Phnom Penh
    ),
    # Officers (demo.officers gives them their office roles and the demo TOTP secret).
    DemoAccount(
        username="clerk",
        email="clerk@demo.sala.localhost",
        role="Officer: clerk of Sangkat Phsar Thmei Ti Muoy hall; TOTP secret below",
        profile={"name_km": "ចាន់ សុភា", "name_latin": "CHAN SOPHEA"},
    ),
    DemoAccount(
        username="chief",
        email="chief@demo.sala.localhost",
        role="Officer: chief of Sangkat Phsar Thmei Ti Muoy hall, approves its cases; TOTP below",
        profile={"name_km": "សោម វណ្ណា", "name_latin": "SOM VANNA"},
    ),
    DemoAccount(
        username="approver",
        email="approver@demo.sala.localhost",
        role="Officer: approver at the Khan Daun Penh hall; TOTP secret below",
        profile={"name_km": "កែវ រតនា", "name_latin": "KEO RATANA"},
    ),
    DemoAccount(
        username="head",
        email="head@demo.sala.localhost",
        role="Officer: head of the Khan Daun Penh hall (grants roles); TOTP secret below",
        profile={"name_km": "ហេង សំណាង", "name_latin": "HENG SAMNANG"},
    ),
    DemoAccount(
        username="editor",
        email="editor@demo.sala.localhost",
        role="Officer: editor for the Ministry of Post and Telecommunications; TOTP below",
        profile={"name_km": "លឹម ស្រីពៅ", "name_latin": "LIM SREYPOV"},
    ),
    DemoAccount(
        username="nurse",
        email="nurse@demo.sala.localhost",
        role="Officer: clinician of Phsar Thmei Ti Muoy health centre: questions, desk, timetable",
        profile={"name_km": "ទេព សុភាព", "name_latin": "TEP SOPHEAP"},
    ),
    DemoAccount(
        username="midwife",
        email="midwife@demo.sala.localhost",
        role="Officer: clinician (midwife) of Sla Kram health centre, Siem Reap",
        profile={"name_km": "ឈិន បុប្ផា", "name_latin": "CHHIN BOPHA"},
    ),
    DemoAccount(
        username="moh",
        email="moh@demo.sala.localhost",
        role="Officer: Ministry of Health, publishes the danger-sign tables (Django admin)",
        is_staff=True,
        profile={"name_km": "អ៊ុំ វិចិត្រ", "name_latin": "UM VICHET"},
    ),
    DemoAccount(
        username="reader",
        email="reader@demo.sala.localhost",
        role="Officer: reader at Sangkat Phsar Thmei Ti Muoy hall (reads, changes nothing); TOTP",
        profile={"name_km": "ពេជ្រ ចិន្តា", "name_latin": "PICH CHENDA"},
    ),
    DemoAccount(
        username="counter",
        email="counter@demo.sala.localhost",
        role="Officer: counter of Sangkat Phsar Thmei Ti Muoy hall (walk-ins only); TOTP below",
        profile={"name_km": "ទូច សុខា", "name_latin": "TOUCH SOKHA"},
    ),
    DemoAccount(
        username="finance",
        email="finance@demo.sala.localhost",
        role="Officer: finance officer of the Phsar Thmei Ti Muoy hall, reconciles fees; TOTP",
        profile={"name_km": "ស៊ុន ស្រីមុំ", "name_latin": "SUN SREYMOM"},
    ),
    DemoAccount(
        username="prices",
        email="prices@demo.sala.localhost",
        role="Officer: market officer of the Central Market (Phsar Thmei), enters prices; TOTP",
        profile={"name_km": "កែវ ចាន់ថា", "name_latin": "KEO CHANTHA"},
    ),
    DemoAccount(
        username="prices-review",
        email="prices-review@demo.sala.localhost",
        role="Officer: provincial market officer, Phnom Penh: reviews held prices, imports files",
        profile={"name_km": "ហេង វណ្ណា", "name_latin": "HENG VANNA"},
    ),
)
# Staff and officers sign in with a second factor: in the demo they all share this TOTP
# secret (accounts/demo.py). Demo only.
DEMO_SECOND_FACTOR_NOTE = (
    "Officers and admin: two-step codes from the demo TOTP secret "
    "SALADEMOTOTPSECRETONLYFORDEMO234 (add it to an authenticator app, or run "
    "`oathtool --totp -b SALADEMOTOTPSECRETONLYFORDEMO234`). Demo only."
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
            for name, value in account.profile.items():
                setattr(user, name, value)
            user.home_area = _area(user_model, account.home_area_code)
            user.save(update_fields=["password", "home_area", *account.profile])
            created += 1
        else:
            existing += 1
        _mark_email_verified(user)
    return created, existing


def _area(user_model: Any, code: str) -> Any:
    """Return the gazetteer area with the code, or None (through the user model: core
    does not import geo)."""
    if not code:
        return None
    area_model = user_model._meta.get_field("home_area").related_model
    return area_model.objects.filter(code=code).first()


def _mark_email_verified(user: Any) -> None:
    """Record the demo address as verified and primary, so the account can sign in."""
    if not apps.is_installed("allauth.account"):
        return
    email_address = apps.get_model("account", "EmailAddress")
    email_address.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
