"""Who may see and change applications and their attachments (django-rules).

An application's `user` is the applicant, its `organisation` the business it was made
for, and its `office` the handling office (`services.routing`). Attachments follow their
application, plus any rule the cases app registers (`services.access`).
"""

from __future__ import annotations

import rules

from accounts.permissions import (
    is_administrator,
    is_member_of_organisation,
    is_owner_of_object,
    office_may,
)
from accounts.roles import READ_CASE, READ_FILES


@rules.predicate
def is_draft(user, application) -> bool:
    return application is not None and application.is_draft


@rules.predicate
def may_view_attachment(user, attachment) -> bool:
    from services.access import registered_viewer_allows

    return registered_viewer_allows(user, attachment)


rules.add_perm(
    "services.view_application",
    is_owner_of_object | is_member_of_organisation | office_may(READ_CASE) | is_administrator,
)
rules.add_perm("services.change_application", is_owner_of_object & is_draft)
rules.add_perm(
    "services.view_attachment",
    is_owner_of_object | office_may(READ_FILES) | may_view_attachment | is_administrator,
)
