"""Demo officers, their office roles and second factor, and a demo business.

The officer accounts themselves (with generated passwords) are in demo.accounts.DEMO_ACCOUNTS,
so that `make demo` prints them. Officers and staff must sign in with a second factor, so
the demo gives each of them TOTP with one shared secret, DEMO_TOTP_SECRET, printed with
the accounts: add it to an authenticator app (or compute codes with `oathtool --totp -b`).
Demo only: a published secret protects nothing, and production refuses demo data.
"""

from __future__ import annotations

from dataclasses import dataclass

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from accounts.models import OfficeMembership, Organisation, OrganisationMember, Role, User
from geo.models import Facility

DEMO_TOTP_SECRET = "SALADEMOTOTPSECRETONLYFORDEMO234"  # noqa: S105 - demo only, printed

# username -> (office code, role code): offices of the demo data in Khan Daun Penh.
DEMO_OFFICE_ROLES = {
    "clerk": ("commune-hall-120201", Role.CLERK),
    "chief": ("commune-hall-120201", Role.HEAD_OF_OFFICE),
    "approver": ("district-office-1202", Role.APPROVER),
    "head": ("district-office-1202", Role.HEAD_OF_OFFICE),
    "editor": ("ministry-mptc", Role.EDITOR),
    # Health (the role of the ministry comes from health's own data migration).
    "nurse": ("health-centre-120201", Role.CLINICIAN),
    "midwife": ("health-centre-171001", Role.CLINICIAN),
    "moh": ("ministry-moh", "health-ministry"),
    "reader": ("commune-hall-120201", Role.READER),
    "counter": ("commune-hall-120201", Role.COUNTER),
    "finance": ("commune-hall-120201", Role.FINANCE_OFFICER),
    # Markets (the provincial role comes from markets' own data migration).
    "prices": ("phsar-thmei", Role.MARKET_OFFICER),
    "prices-review": ("maff-department-12", "provincial-market-officer"),
}


@dataclass
class DemoAccountCounts:
    roles: int = 0
    second_factors: int = 0
    organisations: int = 0


@transaction.atomic
def load_demo_officers() -> DemoAccountCounts:
    """Grant the demo officers their roles, set up their TOTP, add the citizen's business.

    Idempotent; offices missing (gazetteer not loaded) are skipped.
    """
    if not settings.SALA_DEMO_DATA_ALLOWED:
        raise ImproperlyConfigured("Demo data cannot be loaded when SALA_ENV=production.")
    counts = DemoAccountCounts()
    users = {user.username: user for user in User.objects.filter(username__in=_demo_usernames())}
    for username, (office_code, role_code) in DEMO_OFFICE_ROLES.items():
        user, office = users.get(username), Facility.objects.filter(code=office_code).first()
        if user is None or office is None:
            continue
        _membership, created = OfficeMembership.objects.get_or_create(
            user=user,
            office=office,
            role=Role.objects.get(code=role_code),
            ended_at=None,
        )
        counts.roles += created
    for user in users.values():
        if (user.is_staff or username_has_role(user)) and not Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists():
            TOTP.activate(user, DEMO_TOTP_SECRET)
            RecoveryCodes.activate(user)
            counts.second_factors += 1
    citizen = users.get("citizen")
    if citizen is not None and not Organisation.objects.filter(registration_number="00012345"):
        organisation = Organisation.objects.create(
            name_km="ហាងកាហ្វេសុខដារា",
            name_en="Sok Dara Coffee",
            registration_number="00012345",
            created_by=citizen,
        )
        OrganisationMember.objects.create(
            organisation=organisation, user=citizen, role=OrganisationMember.Role.OWNER
        )
        counts.organisations += 1
    return counts


def username_has_role(user: User) -> bool:
    return user.username in DEMO_OFFICE_ROLES


def _demo_usernames() -> list[str]:
    from demo.accounts import DEMO_ACCOUNTS

    return [account.username for account in DEMO_ACCOUNTS]
