"""Who may see and work on cases (django-rules), from the role matrix (accounts/roles.py).

Each permission is one action of the matrix, held in the case's current office
(`case.office`); the national queue (no office) is for administrators. Applicants see
their own case. Workflow transitions name their roles in the workflow itself; the default
workflow takes them from the same matrix (`cases.workflow`).
"""

from __future__ import annotations

import rules
from django.db.models import Q, QuerySet

from accounts import roles
from accounts.permissions import is_administrator, is_owner_of_object, office_may
from geo.jurisdiction import serves_area
from geo.models import Facility

# The permission asked for each action of the matrix that concerns a case (obj: the case).
CASE_PERMISSIONS = {
    roles.READ_CASE: "cases.view_case",
    roles.READ_FILES: "cases.view_case_files",
    roles.HANDLE_CASE: "cases.handle_case",
    roles.WRITE_NOTE: "cases.write_note",
    roles.MESSAGE_APPLICANT: "cases.message_applicant",
    roles.ASSIGN: "cases.assign_case",
    roles.REROUTE: "cases.reroute_case",
    roles.DECIDE: "cases.decide_case",
    roles.REVOKE: "cases.revoke_document",
}

for _action, _permission in CASE_PERMISSIONS.items():
    rules.add_perm(_permission, office_may(_action) | is_administrator)

rules.add_perm("cases.change_case", office_may(roles.HANDLE_CASE) | is_administrator)
rules.add_perm("cases.view_own_case", is_owner_of_object)
# On a geo.Facility: may this person take walk-ins' applications at its counter?
rules.add_perm("cases.take_counter_intake", office_may(roles.COUNTER_INTAKE) | is_administrator)


def reroute_destinations(user, case) -> QuerySet[Facility]:
    """Return the offices `user` may send the case to: an office whose jurisdiction holds
    the case's area (up to the province and the ministries), or any office in the province
    of the case's current office (the applicant gave the wrong place). Administrators may
    send it anywhere; nobody else moves a case of the national queue."""
    offices = Facility.objects.active()
    if user.is_active and user.is_superuser:
        return offices.exclude(pk=case.office_id) if case.office_id else offices
    if case.office_id is None or not user.has_perm("cases.reroute_case", case):
        return offices.none()
    condition = Q(pk__in=[])
    if case.area_id is not None:
        condition |= serves_area(case.area)
    home = case.office.area
    if home is not None:
        condition |= Q(area__path__startswith=f"/{home.lineage_codes[0]}/")
    return offices.filter(condition).exclude(pk=case.office_id)
