"""The role matrix (accounts/roles.py), cell by cell: for every office role and every
action, the answer a person with that role in the case's office gets over HTTP.

`PINNED` is the matrix written out again: changing accounts/roles.py without changing it
(and docs/security.md, docs/operations.md) fails `test_the_matrix_is_the_one_pinned_here`.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts import roles
from accounts.models import OfficeMembership
from accounts.tests.factories import create_user, grant
from cases.confirming import CONFIRMED
from cases.issuing import issued_document
from cases.models import Case, CaseEvent, CaseMessage
from cases.tests.factories import submit
from cases.workflow import default_workflow, do_transition
from content.editorial import do_set_up_editorial, sync_editorial_groups
from content.models import InstitutionPage
from content.tests.factories import create_homes, create_page
from geo.models import Institution
from geo.tests.factories import create_area, create_facility

pytestmark = pytest.mark.django_db

R, C, A, H, E, K = "reader", "clerk", "approver", "head-of-office", "editor", "counter"
PINNED = {
    "read_case": {R, C, A, H},
    "read_files": {R, C, A, H},
    "handle_case": {C, A, H},
    "write_note": {C, A, H},
    "message_applicant": {C, A, H},
    "assign": {C, A, H},
    "reroute": {C, A, H},
    "decide": {A, H},
    "revoke": {H},
    "counter_intake": {K, C},
    "edit_content": {E, A, H},
    "read_audit": {R, C, A, H},
}
CELLS = [(role, action) for action in PINNED for role in roles.ROLES]


def test_the_matrix_is_the_one_pinned_here():
    assert {action: set(allowed) for action, allowed in roles.MATRIX.items()} == PINNED
    assert roles.ROLES == (R, C, A, H, E, K)
    assert set(roles.ACTION_LABELS) == set(PINNED)


def test_the_default_workflow_takes_its_roles_from_the_matrix():
    transitions = default_workflow().transitions
    expected = {
        "start_review": "handle_case",
        "request_information": "handle_case",
        "close": "handle_case",
        "approve": "decide",
        "reject": "decide",
        "issue_document": "decide",
        "revoke_document": "revoke",
    }
    assert {key: set(transitions[key].roles) for key in expected} == {
        key: PINNED[action] for key, action in expected.items()
    }


@pytest.fixture
def office_people(world):
    """One officer per role of the matrix, all in the commune hall that has the case."""
    people = {}
    for role in roles.ROLES:
        people[role] = create_user(f"m-{role}")
        grant(people[role], world.hall, role)
    return people


@pytest.fixture
def case(world):
    return submit(world.citizen, world.service, area=world.tree.village)


def _in_state(world, case: Case, state: str) -> Case:
    steps = {
        "in_review": [("start_review", world.clerk)],
        "document_issued": [
            ("start_review", world.clerk),
            ("approve", world.approver),
            ("issue_document", world.approver),
        ],
    }[state]
    for key, actor in steps:
        do_transition(case, key, actor=actor)
    return Case.objects.get(pk=case.pk)


def _act(client, case: Case, key: str):
    return client.post(
        reverse("cases:act", args=[case.public_id]),
        {
            "transition": key,
            "version": case.version,
            "reason": "Checked at the office",
            CONFIRMED: "yes",
        },
    )


def _refused_or(expected: bool, allowed_status: int = 302, refused_status: int = 403) -> int:
    return allowed_status if expected else refused_status


def check_read_case(client, world, case, expected):
    response = client.get(reverse("cases:office_case", args=[case.public_id]))
    assert response.status_code == _refused_or(expected, 200)
    assert (case.reference in response.text) == expected
    assert client.get(reverse("cases:queue")).status_code == _refused_or(expected, 200)


def check_read_files(client, world, case, expected):
    attachment = case.application.attachments.get()
    inline = client.get(reverse("cases:inline_attachment", args=[attachment.public_id]))
    assert inline.status_code == _refused_or(expected, 200, 404)
    case = _in_state(world, case, "document_issued")
    pdf = client.get(f"/en/issued-documents/{issued_document(case).code}/pdf/")
    assert pdf.status_code == _refused_or(expected, 200)


def check_handle_case(client, world, case, expected):
    response = _act(client, case, "start_review")
    assert response.status_code == _refused_or(expected)
    assert (Case.objects.get(pk=case.pk).state == "in_review") == expected


def check_write_note(client, world, case, expected):
    response = client.post(reverse("cases:note", args=[case.public_id]), {"text": "Called"})
    assert response.status_code == _refused_or(expected)
    assert CaseEvent.objects.filter(case=case, kind="note").exists() == expected


def check_message_applicant(client, world, case, expected):
    response = client.post(
        reverse("cases:office_message", args=[case.public_id]), {"body": "Bring the original"}
    )
    assert response.status_code == _refused_or(expected)
    assert CaseMessage.objects.filter(case=case, from_office=True).exists() == expected


def check_assign(client, world, case, expected):
    response = client.post(
        reverse("cases:assign", args=[case.public_id]),
        {"assignee": world.clerk.pk, "version": case.version},
    )
    assert response.status_code == _refused_or(expected)
    assert (Case.objects.get(pk=case.pk).assigned_to_id == world.clerk.pk) == expected


def check_reroute(client, world, case, expected):
    response = client.post(
        reverse("cases:reroute", args=[case.public_id]),
        {"office": world.other_hall.code, "reason": "Lives in the next commune",
         "version": case.version},
    )  # fmt: skip
    assert response.status_code == _refused_or(expected)
    assert (Case.objects.get(pk=case.pk).office_id == world.other_hall.pk) == expected


def check_decide(client, world, case, expected):
    case = _in_state(world, case, "in_review")
    response = _act(client, case, "approve")
    assert response.status_code == _refused_or(expected)
    assert (Case.objects.get(pk=case.pk).state == "approved") == expected


def check_revoke(client, world, case, expected):
    case = _in_state(world, case, "document_issued")
    response = _act(client, case, "revoke_document")
    assert response.status_code == _refused_or(expected)
    assert (Case.objects.get(pk=case.pk).state == "document_revoked") == expected


def check_counter_intake(client, world, case, expected):
    response = client.get(reverse("cases:counter_start"))
    assert response.status_code == _refused_or(expected, 200)


def check_edit_content(client, world, case, expected):
    """Wagtail answers a refusal with a redirect to its dashboard."""
    homes = create_homes()
    do_set_up_editorial(list(homes.values()))
    institution = Institution.objects.create(code="matrix", name_km="ក្រសួងគំរូ", name_en="Model")
    world.hall.institution = institution
    world.hall.save(update_fields=["institution"])
    for membership in OfficeMembership.objects.filter(office=world.hall):
        sync_editorial_groups(membership.user)
    page = create_page(
        homes["km"], InstitutionPage, title="ក្រសួងគំរូ", slug="matrix", institution=institution
    )
    response = client.get(f"/cms/pages/{page.pk}/edit/")
    assert response.status_code == _refused_or(expected, 200, 302)


def check_read_audit(client, world, case, expected):
    response = client.get(reverse("accounts:office_audit", args=[world.hall.code]))
    assert response.status_code == _refused_or(expected, 200)
    assert ("Audit log of" in response.text) == expected


CHECKS = {
    "read_case": check_read_case,
    "read_files": check_read_files,
    "handle_case": check_handle_case,
    "write_note": check_write_note,
    "message_applicant": check_message_applicant,
    "assign": check_assign,
    "reroute": check_reroute,
    "decide": check_decide,
    "revoke": check_revoke,
    "counter_intake": check_counter_intake,
    "edit_content": check_edit_content,
    "read_audit": check_read_audit,
}


@pytest.mark.parametrize(("role", "action"), CELLS, ids=[f"{r}-{a}" for r, a in CELLS])
def test_each_cell_of_the_matrix_is_what_the_officer_gets(
    client, world, office_people, case, role, action
):
    client.force_login(office_people[role])
    CHECKS[action](client, world, case, role in PINNED[action])


def test_a_case_is_not_rerouted_to_an_office_it_may_not_go_to(client, world, case):
    far = create_facility(create_area("12", "Phnom Penh", "ភ្នំពេញ"), "commune-hall", code="far")
    client.force_login(world.clerk)
    response = client.post(
        reverse("cases:reroute", args=[case.public_id]),
        {"office": far.code, "reason": "Wrong office", "version": case.version},
        follow=True,
    )
    assert "You cannot send the case to this office" in response.text
    assert Case.objects.get(pk=case.pk).office == world.hall
    client.force_login(world.admin)
    client.post(
        reverse("cases:reroute", args=[case.public_id]),
        {"office": far.code, "reason": "Wrong office", "version": case.version},
    )
    assert Case.objects.get(pk=case.pk).office == far
