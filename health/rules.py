"""Who may do what in health (django-rules).

Danger-sign tables are published by officers with the health-ministry role (in any
office: the ministry's) and administrators.
"""

from __future__ import annotations

import rules

from accounts.models import Role
from accounts.officers import active_memberships
from accounts.permissions import has_office_role, is_administrator, is_owner_of_object

HEALTH_MINISTRY = "health-ministry"


@rules.predicate
def is_health_ministry_officer(user) -> bool:
    return active_memberships(user, [HEALTH_MINISTRY]).exists()


may_edit_danger_signs = is_health_ministry_officer | is_administrator
rules.add_perm("health.publish_dangersigntable", may_edit_danger_signs)
# Monthly counts per facility for DHIS2 (no personal data).
rules.add_perm("health.export_dhis2", may_edit_danger_signs)
# The Django admin, where drafts are edited (health/admin.py keeps published ones read-only).
rules.add_perm("health", may_edit_danger_signs)
for _permission in (
    "view_dangersigntable",
    "change_dangersigntable",
    "view_dangersign",
    "add_dangersign",
    "change_dangersign",
    "delete_dangersign",
):
    rules.add_perm(f"health.{_permission}", may_edit_danger_signs)

# Health questions: the person who asked (and a carer they name), and the clinicians of
# the question's health centre. No one else, administrators included: it is health data.
is_clinician_of_office = has_office_role(Role.CLINICIAN)
rules.add_perm("health.view_question", is_clinician_of_office)
rules.add_perm("health.answer_question", is_clinician_of_office)


@rules.predicate
def is_carer_of_question(user, question) -> bool:
    """The person who asked named this user as their carer."""
    return user.is_authenticated and question.carer_id is not None and question.carer_id == user.pk


rules.add_perm("health.view_own_question", is_owner_of_object | is_carer_of_question)
rules.add_perm("health.follow_up_question", is_owner_of_object | is_carer_of_question)
rules.add_perm("health.rate_question", is_owner_of_object)
rules.add_perm("health.name_carer", is_owner_of_object)
