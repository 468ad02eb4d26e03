"""Who may do what with issued documents (django-rules; predicates from accounts).

The PDF goes to its holder (the person, or a member of the holder's organisation) and to
the officers of the office handling it now (`documents.handling`: for a case, the case's
current office; else the issuing office). Revoking is for that office's approvers and
head; the cases workflow asks these before calling documents.issuing. Anyone may verify.
"""

from __future__ import annotations

import rules

from accounts.permissions import (
    has_office_role,
    is_administrator,
    is_member_of_organisation,
    is_officer_of_office,
    is_owner_of_object,
)
from documents.handling import handling_office


@rules.predicate
def is_officer_of_handling_office(user, document) -> bool:
    office = handling_office(document)
    return office is not None and is_officer_of_office(user, office)


is_decider_in_office = has_office_role("approver", "head-of-office")


@rules.predicate
def is_decider_of_handling_office(user, document) -> bool:
    office = handling_office(document)
    return office is not None and is_decider_in_office(user, office)


# On an IssuedDocument: obj.user is the holder, obj.organisation the holder's organisation.
rules.add_perm(
    "documents.download_issueddocument",
    is_owner_of_object
    | is_member_of_organisation
    | is_officer_of_handling_office
    | is_administrator,
)
rules.add_perm("documents.revoke_issueddocument", is_decider_of_handling_office | is_administrator)
# On a geo.Facility: may this person issue documents in the office's name?
rules.add_perm("documents.issue_document", is_decider_in_office)
