"""Who may change the directory: administrators, staff given the Django permission in the
admin, and officers with the directory-officer role in any office."""

from __future__ import annotations

import rules

from accounts.models import Role, User
from accounts.officers import active_memberships
from accounts.permissions import is_administrator


@rules.predicate
def is_directory_officer(user: User) -> bool:
    return active_memberships(user, [Role.DIRECTORY_OFFICER]).exists()


rules.add_perm("geo.import_facilities", is_administrator | is_directory_officer)
