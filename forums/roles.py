"""Who may do what in the forums: moderators (the officer role `moderator` in a board's
or consultation's office), officers answering for their office, editors and heads of
office publishing consultations and their responses, commune halls opening a board."""

from __future__ import annotations

from django.db.models import QuerySet

from accounts.models import Role
from accounts.officers import has_office_role, is_officer, offices_of
from geo.models import Facility

COMMUNE_HALL = "commune-hall"
PUBLISHING_ROLES = (Role.EDITOR, Role.HEAD_OF_OFFICE)


def moderates(user, office: Facility | None) -> bool:
    """Moderators of the office keep its boards and consultations; administrators keep
    every one, and alone those without an office."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return office is not None and has_office_role(user, office, [Role.MODERATOR])


def moderated_offices(user) -> QuerySet[Facility]:
    if user.is_authenticated and user.is_superuser:
        return Facility.objects.filter(forum_boards__isnull=False).distinct().order_by("name_en")
    return offices_of(user, [Role.MODERATOR])


def answering_offices(user) -> QuerySet[Facility]:
    """The offices an officer may answer for, with the verified badge naming it."""
    return offices_of(user)


def is_trusted(user) -> bool:
    """Officers' posts are never held: they write under their office's name."""
    return is_officer(user)


def may_publish_for(user, office: Facility) -> bool:
    return has_office_role(user, office, PUBLISHING_ROLES)


def publishing_offices(user) -> QuerySet[Facility]:
    return offices_of(user, PUBLISHING_ROLES)


def commune_halls_to_open(user) -> QuerySet[Facility]:
    """The commune halls whose head or editor the user is, without a board yet."""
    return publishing_offices(user).filter(
        type__code=COMMUNE_HALL, area__level=3, area__forum_boards__isnull=True
    )
