"""Who may do what with issued documents (django-rules; predicates from accounts).

The PDF goes to its holder (the person, or a member of the holder's organisation) and to
the officers of the office handling it now (`documents.handling`: for a case, the case's
current office; else the issuing office) whose role reads files; issuing is for the roles
that decide, revoking for those that revoke (the role matrix, accounts/roles.py). The
cases workflow asks these before calling documents.issuing. Anyone may verify.
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
from documents.handling import handling_office

may_read_files_in_office = office_may(READ_FILES)
may_revoke_in_office = office_may(REVOKE)
is_decider_in_office = office_may(DECIDE)


@rules.predicate
def is_reader_of_handling_office(user, document) -> bool:
    office = handling_office(document)
    return office is not None and may_read_files_in_office(user, office)


@rules.predicate
def is_revoker_of_handling_office(user, document) -> bool:
    office = handling_office(document)
    return office is not None and may_revoke_in_office(user, office)


# On an IssuedDocument: obj.user is the holder, obj.organisation the holder's organisation.
rules.add_perm(
    "documents.download_issueddocument",
    is_owner_of_object
    | is_member_of_organisation
    | is_reader_of_handling_office
    | is_administrator,
)
rules.add_perm("documents.revoke_issueddocument", is_revoker_of_handling_office | is_administrator)
# On a geo.Facility: may this person issue documents in the office's name?
rules.add_perm("documents.issue_document", is_decider_in_office)
