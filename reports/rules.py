"""Who may do what with citizen reports (django-rules).

Everyone reads a report's public part. The officers of the report's office who may handle
a case there (the role matrix's "handle a case") change its status; those who may read a
case there also see who sent it and the photos. The reporter sees their own.
"""

from __future__ import annotations

import rules

from accounts.permissions import is_owner_of_object, office_may
from accounts.roles import HANDLE_CASE, READ_CASE

may_read_private = office_may(READ_CASE)
rules.add_perm("reports.view_reporter", may_read_private)
rules.add_perm("reports.change_status", office_may(HANDLE_CASE))
rules.add_perm("reports.view_own_report", is_owner_of_object)
