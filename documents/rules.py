"""Who may do what with issued documents (django-rules; predicates from accounts).

The PDF goes to its holder (the person, or a member of the holder's organisation) and to
the officers of the issuing office. Issuing and revoking are for the office's approvers and
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

# On an IssuedDocument: obj.user is the holder, obj.organisation the holder's organisation,
# obj.office the issuing office.
rules.add_perm(
    "documents.download_issueddocument",
    is_owner_of_object | is_member_of_organisation | is_officer_of_office | is_administrator,
)
rules.add_perm(
    "documents.revoke_issueddocument",
    has_office_role("approver", "head-of-office") | is_administrator,
)
# On a geo.Facility: may this person issue documents in the office's name?
rules.add_perm("documents.issue_document", has_office_role("approver", "head-of-office"))
