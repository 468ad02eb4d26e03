"""Plain factory functions for the accounts tests: keyword defaults, no magic."""

from __future__ import annotations

from allauth.account.models import EmailAddress

from accounts.models import OfficeMembership, Organisation, OrganisationMember, Role, User

PASSWORD = "a-long-demo-password"


def create_user(
    username: str = "dara", *, password: str = PASSWORD, verified: bool = True, **fields
) -> User:
    """Return a user whose email address is recorded with allauth (verified by default)."""
    fields.setdefault("email", f"{username}@example.org")
    user = User.objects.create_user(username, password=password, **fields)
    if user.email:
        EmailAddress.objects.create(user=user, email=user.email, verified=verified, primary=True)
    return user


def create_organisation(owner: User | None = None, **fields) -> Organisation:
    fields.setdefault("name_km", "ហាងកាហ្វេសុខា")
    fields.setdefault("name_en", "Sokha Coffee")
    fields.setdefault("registration_number", "00012345")
    organisation = Organisation.objects.create(**fields)
    if owner is not None:
        add_member(organisation, owner, OrganisationMember.Role.OWNER)
    return organisation


def add_member(organisation: Organisation, user: User, role: str) -> OrganisationMember:
    return OrganisationMember.objects.create(organisation=organisation, user=user, role=role)


def grant(user: User, office, role_code: str, **fields) -> OfficeMembership:
    return OfficeMembership.objects.create(
        user=user, office=office, role=Role.objects.get(code=role_code), **fields
    )
