"""Who may see and do what: the predicates every app builds its rules from, the rules for
the objects accounts owns, and the rules on geo's directory that depend on officer roles
(geo sits below accounts and never imports it).

Rules are django-rules predicates (https://github.com/dfunkt/django-rules): each takes
`(user, obj)`, and `user.has_perm("app.action_model", obj)` asks them through
rules' ObjectPermissionBackend. Active administrators (superusers) pass every check
through Django's own backend. Another app adds its rules in `<app>/rules.py` (loaded at
start-up by rules' autodiscovery), combining these predicates:

    import rules
    from accounts.permissions import has_office_role, is_owner_of_object

    rules.add_perm("cases.view_case", is_owner_of_object | has_office_role())
    rules.add_perm("cases.approve_case", has_office_role("approver", "head-of-office"))

Office predicates find the office of `obj` with `office_of`: a geo.Facility is its own
office; any other object gives it as `obj.office` (e.g. a case's handling office).
Organisation predicates find the organisation the same way (`obj.organisation`).
"""

from __future__ import annotations

from typing import Any

import rules

from accounts.models import (
    Invitation,
    OfficeMembership,
    Organisation,
    OrganisationMember,
    Role,
    User,
)
from accounts.officers import active_memberships
from accounts.organisations import holds_address
from accounts.roles import READ_AUDIT, roles_for
from geo.models import Facility


def office_of(obj: Any) -> Facility | None:
    """Return the office an object belongs to (a Facility is its own), or None."""
    if isinstance(obj, Facility):
        return obj
    return getattr(obj, "office", None)


def organisation_of(obj: Any) -> Organisation | None:
    if isinstance(obj, Organisation):
        return obj
    return getattr(obj, "organisation", None)


def owner_of(obj: Any) -> User | None:
    """Return the person an object is about: a user is their own; else `obj.user`."""
    if isinstance(obj, User):
        return obj
    return getattr(obj, "user", None)


@rules.predicate
def is_administrator(user: User) -> bool:
    return user.is_active and user.is_superuser


@rules.predicate
def is_owner_of_object(user: User, obj: Any) -> bool:
    """The object is the user, or is about the user (`obj.user`)."""
    owner = owner_of(obj)
    return user.is_authenticated and owner is not None and owner.pk == user.pk


@rules.predicate
def is_officer(user: User) -> bool:
    return active_memberships(user).exists()


@rules.predicate
def is_officer_of_office(user: User, obj: Any) -> bool:
    """The user has an active role, any role, in the object's office."""
    office = office_of(obj)
    return office is not None and active_memberships(user).filter(office=office).exists()


def has_office_role(*role_codes: str) -> rules.Predicate:
    """Return a predicate: the user has one of these roles (any, if none given) in the
    object's office."""

    def check(user: User, obj: Any) -> bool:
        office = office_of(obj)
        if office is None:
            return False
        return active_memberships(user, role_codes or None).filter(office=office).exists()

    return rules.predicate(check, name=f"has_office_role({', '.join(role_codes)})")


is_head_of_office = has_office_role("head-of-office")


def office_may(action: str) -> rules.Predicate:
    """Return a predicate: the user holds, in the object's office, a role the role matrix
    (`accounts.roles.MATRIX`) allows `action` to."""
    return has_office_role(*roles_for(action))


def _member_role(user: User, obj: Any) -> str | None:
    organisation = organisation_of(obj)
    if organisation is None or not user.is_authenticated:
        return None
    return (
        OrganisationMember.objects.filter(organisation=organisation, user=user)
        .values_list("role", flat=True)
        .first()
    )


@rules.predicate
def is_member_of_organisation(user: User, obj: Any) -> bool:
    """The user is an owner or a representative of the object's organisation."""
    return _member_role(user, obj) is not None


@rules.predicate
def is_owner_of_organisation(user: User, obj: Any) -> bool:
    return _member_role(user, obj) == OrganisationMember.Role.OWNER


@rules.predicate
def is_invitee(user: User, invitation: Invitation) -> bool:
    """The invitation went to an address or number verified on the user's account."""
    return user.is_authenticated and holds_address(user, invitation)


@rules.predicate
def is_directory_officer(user: User) -> bool:
    return active_memberships(user, [Role.DIRECTORY_OFFICER]).exists()


@rules.predicate
def is_own_office_membership(user: User, membership: OfficeMembership) -> bool:
    return membership.user_id == user.pk


# --- The rules for the objects accounts owns -------------------------------------------

# A person's profile (the User): only the person. Officers who handle a person's case see
# what the case shows, through the cases app's rules, not the profile.
rules.add_perm("accounts.view_profile", is_owner_of_object | is_administrator)
rules.add_perm("accounts.change_profile", is_owner_of_object)

rules.add_perm("accounts.view_organisation", is_member_of_organisation | is_administrator)
rules.add_perm("accounts.change_organisation", is_owner_of_organisation | is_administrator)
rules.add_perm("accounts.act_for_organisation", is_member_of_organisation)
rules.add_perm("accounts.invite_member", is_owner_of_organisation | is_administrator)

# OrganisationMember rows (obj.organisation is the organisation).
rules.add_perm("accounts.view_organisationmember", is_member_of_organisation | is_administrator)
rules.add_perm("accounts.delete_organisationmember", is_owner_of_organisation | is_administrator)

rules.add_perm("accounts.view_invitation", is_owner_of_organisation | is_invitee | is_administrator)
rules.add_perm("accounts.accept_invitation", is_invitee)
rules.add_perm("accounts.delete_invitation", is_owner_of_organisation | is_administrator)

# Offices (geo.Facility) and office memberships (obj.office is the office).
rules.add_perm("accounts.view_officers", is_officer_of_office | is_administrator)
rules.add_perm("accounts.manage_officers", is_head_of_office | is_administrator)
rules.add_perm(
    "accounts.view_officemembership",
    is_own_office_membership | is_officer_of_office | is_administrator,
)
rules.add_perm("accounts.end_officemembership", is_head_of_office | is_administrator)
# On a geo.Facility: may this person read the audit entries about the office?
rules.add_perm("accounts.view_office_audit", office_may(READ_AUDIT) | is_administrator)

# The directory (geo): administrators, staff given the Django permission in the admin, and
# officers with the directory-officer role in any office may import facilities.
rules.add_perm("geo.import_facilities", is_administrator | is_directory_officer)
