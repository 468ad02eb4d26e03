"""Who may do what with issued documents (django-rules; predicates from accounts).

The PDF goes to its holder (the person, or a member of the holder's organisation) and to
the officers of the issuing office whose role reads files; issuing is for the roles that
decide, revoking for those that revoke (the role matrix, accounts/roles.py). The cases
workflow asks these before calling documents.issuing. Anyone may verify.
"""

from __future__ import annotations

import rules

from accounts.permissions import (
    is_administrator,
    is_member_of_organisation,
    is_owner_of_object,
    office_may,
)
from accounts.roles import DECIDE, READ_FILES, REVOKE

# On an IssuedDocument: obj.user is the holder, obj.organisation the holder's organisation,
# obj.office the issuing office.
rules.add_perm(
    "documents.download_issueddocument",
    is_owner_of_object | is_member_of_organisation | office_may(READ_FILES) | is_administrator,
)
rules.add_perm(
    "documents.revoke_issueddocument",
    office_may(REVOKE) | is_administrator,
)
# On a geo.Facility: may this person issue documents in the office's name?
rules.add_perm("documents.issue_document", office_may(DECIDE))
