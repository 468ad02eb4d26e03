"""Which institutions a person edits or approves news and pages for: those of the offices
where they hold an editor's or approver's role (accounts). Read by the page models
(content.models) and the editorial set-up (content.editorial)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from accounts.models import Role
from accounts.officers import offices_of
from accounts.roles import EDIT_CONTENT, roles_for

if TYPE_CHECKING:
    from accounts.models import User

EDITOR_ROLES = roles_for(EDIT_CONTENT)  # the role matrix (accounts/roles.py)
APPROVER_ROLES = (Role.APPROVER, Role.HEAD_OF_OFFICE)


def _institutions(user: User, roles: tuple[str, ...]) -> set[int]:
    cache_name = f"_content_institutions_{'_'.join(roles)}"
    if not hasattr(user, cache_name):
        ids = (
            offices_of(user, roles)
            .exclude(institution=None)
            .values_list("institution_id", flat=True)
        )
        setattr(user, cache_name, set(ids))
    return getattr(user, cache_name)


def editable_institutions(user: User) -> set[int]:
    return _institutions(user, EDITOR_ROLES)


def approvable_institutions(user: User) -> set[int]:
    return _institutions(user, APPROVER_ROLES)
