"""Who may see and change applications and their attachments (django-rules).

An application's `user` is the applicant, its `organisation` the business it was made
for, and its `office` the handling office: stored when it is submitted and changed only
by rerouting its case, so officers' rights follow the case. Officers have none on a draft
(it has no office yet). Attachments follow their application.
"""

from __future__ import annotations

import rules

from accounts.permissions import (
    has_office_role,
    is_administrator,
    is_member_of_organisation,
    is_owner_of_object,
)


@rules.predicate
def is_draft(user, application) -> bool:
    return application is not None and application.is_draft


@rules.predicate
def is_submitted(user, obj) -> bool:
    """The application (or the attachment's application) has been submitted."""
    return obj is not None and obj.is_submitted


# Officers of the office now handling a submitted application (its case's office).
is_officer_of_handling_office = is_submitted & has_office_role()

rules.add_perm(
    "services.view_application",
    is_owner_of_object
    | is_member_of_organisation
    | is_officer_of_handling_office
    | is_administrator,
)
rules.add_perm("services.change_application", is_owner_of_object & is_draft)
rules.add_perm(
    "services.view_attachment",
    is_owner_of_object | is_officer_of_handling_office | is_administrator,
)
