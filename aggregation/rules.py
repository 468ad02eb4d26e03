"""Who may approve and publish announcements that came by mail: administrators, and the
editors of an office of the item's institution."""

from __future__ import annotations

import rules

from accounts.models import Role
from accounts.officers import offices_of
from accounts.permissions import is_administrator


@rules.predicate
def is_editor_of_institution(user, item) -> bool:
    if item is None or not user.is_authenticated or item.institution_id is None:
        return False
    return offices_of(user, [Role.EDITOR]).filter(institution_id=item.institution_id).exists()


rules.add_perm("aggregation.publish_item", is_administrator | is_editor_of_institution)
