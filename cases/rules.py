"""Who may see and work on cases (django-rules).

Officers see and work on the cases of the offices they belong to (any role; each
transition then names the roles allowed to take it, `cases.workflow`). The national queue
(no office) is for administrators. Applicants see their own case.
"""

from __future__ import annotations

import rules

from accounts.permissions import has_office_role, is_administrator, is_owner_of_object

rules.add_perm("cases.view_case", has_office_role() | is_administrator)
rules.add_perm("cases.change_case", has_office_role() | is_administrator)
rules.add_perm("cases.view_own_case", is_owner_of_object)
rules.add_perm("cases.take_counter_intake", has_office_role() | is_administrator)
