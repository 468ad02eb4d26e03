"""Officers: people with a role in one or more offices (geo.Facility).

Other apps ask here which offices a person works for; `accounts.permissions` has the
predicates for rules. Memberships are granted by an administrator (Django admin) or by
the office's head (the "Officers of your office" page), and ended, never deleted.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import OfficeMembership, Role, User
from audit.log import log_action
from geo.models import Facility

logger = logging.getLogger(__name__)


def active_memberships(user: User, roles: Iterable[str] | None = None) -> QuerySet:
    if not user.is_authenticated:
        return OfficeMembership.objects.none()
    memberships = OfficeMembership.objects.active().filter(user=user)
    if roles is not None:
        memberships = memberships.filter(role__code__in=list(roles))
    return memberships


def offices_of(user: User, roles: Iterable[str] | None = None) -> QuerySet[Facility]:
    """Return the offices where the user has an active membership (with one of `roles`)."""
    return Facility.objects.filter(
        pk__in=active_memberships(user, roles).values("office_id")
    ).order_by("name_en")


def is_officer(user: User) -> bool:
    return active_memberships(user).exists()


def has_office_role(user: User, office: Facility, roles: Iterable[str] | None = None) -> bool:
    return active_memberships(user, roles).filter(office=office).exists()


def may_manage_officers(user: User, office: Facility) -> bool:
    """Administrators manage every office's officers; a head of office their own."""
    return user.is_superuser or has_office_role(user, office, [Role.HEAD_OF_OFFICE])


def access_managed_office_by_code(user: User, code: str) -> Facility:
    """Return the office whose officers the user may manage, or raise PermissionDenied."""
    office = get_object_or_404(Facility, code=code)
    if not user.has_perm("accounts.manage_officers", office):
        raise PermissionDenied
    return office


def access_office_membership_by_id(user: User, membership_id: int) -> OfficeMembership:
    membership = get_object_or_404(
        OfficeMembership.objects.select_related("office", "role", "user"), pk=membership_id
    )
    if not user.has_perm("accounts.view_officemembership", membership):
        raise PermissionDenied
    return membership


@transaction.atomic
def check_grant_office_role(
    granted_by: User, user: User, office: Facility, role: Role
) -> OfficeMembership:
    """Give `user` the role in the office; raise ValidationError if they already have it."""
    if not may_manage_officers(granted_by, office):
        raise PermissionDenied
    if active_memberships(user, [role.code]).filter(office=office).exists():
        raise ValidationError(_("This person already has this role in this office."))
    membership = OfficeMembership.objects.create(
        user=user, office=office, role=role, granted_by=granted_by
    )
    log_action(
        granted_by,
        "accounts.role.granted",
        membership,
        {"role": role.code, "office": office.code},
        office=office,
        person=user,
    )
    logger.info(
        "office role granted",
        extra={
            "user_id": user.pk,
            "office": office.code,
            "role": role.code,
            "granted_by": granted_by.pk,
        },
    )
    return membership


@transaction.atomic
def do_end_office_membership(ended_by: User, membership: OfficeMembership) -> bool:
    """End the membership now; return False if it had already ended."""
    if not may_manage_officers(ended_by, membership.office):
        raise PermissionDenied
    if membership.ended_at is not None:
        return False
    membership.ended_at, membership.ended_by = timezone.now(), ended_by
    membership.save(update_fields=["ended_at", "ended_by"])
    log_action(
        ended_by,
        "accounts.role.ended",
        membership,
        {"role": membership.role.code, "office": membership.office.code},
        office=membership.office,
        person=membership.user,
    )
    logger.info(
        "office role ended",
        extra={"membership_id": membership.pk, "ended_by": ended_by.pk},
    )
    return True
