"""Issue 15, item 4: access to an application, its files and its documents follows the
case's current office, and exists only once the application is submitted.

Each role of the first office (clerk, approver, head) is refused each object (the
application, an attachment, the issued document) once the case is rerouted away; the
same roles of the office it went to get each object; and the office routing names for a
draft has nothing of the draft. Every one of these failed before the office was stored at
submission and changed only by rerouting.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.tests.factories import create_user, grant
from audit.models import AuditEntry
from cases.actions import do_reroute_case
from cases.issuing import issued_document
from cases.models import Case
from cases.tests.factories import submit
from cases.workflow import do_transition
from services.models import Application
from services.tests.factories import create_application
from services.tests.helpers import attach_photo

pytestmark = pytest.mark.django_db

ROLES = {"clerk": "clerk", "approver": "approver", "head": "head-of-office"}
OBJECTS = ["application", "attachment", "document"]


@pytest.fixture
def officers(world):
    """The same three roles in the first office (the hall) and in the other hall."""
    first = {"clerk": world.clerk, "approver": world.approver, "head": world.head}
    second = {}
    for name, code in ROLES.items():
        second[name] = create_user(f"second-{name}")
        grant(second[name], world.other_hall, code)
    return first, second


@pytest.fixture
def rerouted(world):
    """A case with its document issued by the hall, then sent to the other hall."""
    case = submit(world.citizen, world.service, area=world.tree.village)
    do_transition(case, "start_review", actor=world.clerk)
    do_transition(case, "approve", actor=world.approver)
    do_transition(case, "issue_document", actor=world.approver)
    case = Case.objects.get(pk=case.pk)
    do_reroute_case(case, world.other_hall, by=world.head, reason="Lives in Sala Kamraeuk")
    return Case.objects.get(pk=case.pk)


def url_of(case: Case, what: str) -> str:
    application = case.application
    if what == "application":
        return reverse("services:submitted", args=[application.public_id])
    if what == "attachment":
        return reverse("services:attachment", args=[application.attachments.get().public_id])
    return f"/en/issued-documents/{issued_document(case).code}/pdf/"


REFUSED = {"application": 404, "attachment": 404, "document": 403}


# One rerouted case per role, its three objects asked for in subtests (building the case
# and issuing its document is most of the time these tests take).
@pytest.mark.parametrize("role", list(ROLES))
def test_after_a_reroute_the_first_office_is_refused(client, officers, rerouted, role, subtests):
    client.force_login(officers[0][role])
    for what in OBJECTS:
        with subtests.test(what=what):
            assert client.get(url_of(rerouted, what)).status_code == REFUSED[what]


@pytest.mark.parametrize("role", list(ROLES))
def test_after_a_reroute_the_new_office_has_it(client, officers, rerouted, role, subtests):
    client.force_login(officers[1][role])
    for what in OBJECTS:
        with subtests.test(what=what):
            assert client.get(url_of(rerouted, what)).status_code == 200


@pytest.mark.parametrize("what", ["application", "attachment"])
@pytest.mark.parametrize("role", list(ROLES))
def test_the_routed_office_has_nothing_of_a_draft(client, world, role, what):
    draft = create_application(world.citizen, world.service, area=world.tree.village)
    attachment = draft.attachments.get(public_id=attach_photo(draft))
    url = (
        reverse("services:submitted", args=[draft.public_id])
        if what == "application"
        else reverse("services:attachment", args=[attachment.public_id])
    )
    officer = {"clerk": world.clerk, "approver": world.approver, "head": world.head}[role]
    client.force_login(officer)
    assert client.get(url).status_code == 404
    client.force_login(world.citizen)  # while the applicant has their own draft
    assert client.get(url).status_code in {"application": {302}, "attachment": {200}}[what]


def test_the_office_is_stored_at_submission_and_moves_only_with_the_case(world):
    case = submit(world.citizen, world.service, area=world.tree.village)
    application = Application.objects.get(pk=case.application_id)
    assert application.office == case.office == world.hall
    # What the applicant's area says later does not move it: routing is not asked again.
    Application.objects.filter(pk=application.pk).update(area=world.tree.other_commune)
    assert Application.objects.get(pk=application.pk).office == world.hall
    do_reroute_case(case, world.other_hall, by=world.clerk, reason="Moved")
    assert Application.objects.get(pk=application.pk).office == world.other_hall
    assert Case.objects.get(pk=case.pk).office == world.other_hall


def test_a_refused_download_by_the_first_office_leaves_the_audit_as_it_was(
    client, officers, rerouted
):
    url = url_of(rerouted, "attachment")
    client.force_login(officers[1]["clerk"])
    assert client.get(url).status_code == 200
    entry = AuditEntry.objects.get(action="services.attachment.viewed")
    assert (entry.actor, entry.office_id, entry.person) == (
        officers[1]["clerk"],
        rerouted.office_id,
        rerouted.applicant,
    )
    client.force_login(officers[0]["clerk"])
    assert client.get(url).status_code == 404
    assert AuditEntry.objects.filter(action="services.attachment.viewed").count() == 1
