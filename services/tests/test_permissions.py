"""Who may see and change an application and open its files: every persona, every kind,
for a draft (no office has it) and once submitted (the office stored at submission)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from accounts.models import OrganisationMember
from accounts.tests.factories import add_member, create_organisation, create_user, grant
from audit.models import AuditEntry
from geo.tests.factories import create_facility, create_tree
from services.models import Application
from services.tests.factories import create_application
from services.tests.helpers import attach_photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    tree = create_tree()
    office = create_facility(tree.commune, "commune-hall")
    other_office = create_facility(tree.other_commune, "commune-hall")
    applicant = create_user("applicant")
    organisation = create_organisation(owner=applicant)
    application = create_application(applicant, area=tree.village, organisation=organisation)
    attachment = application.attachments.get(public_id=attach_photo(application))
    people = {
        "anonymous": AnonymousUser(),
        "applicant": applicant,
        "other_citizen": create_user("other"),
        "representative": create_user("representative"),
        "clerk": create_user("clerk"),
        "approver": create_user("approver"),
        "head": create_user("head"),
        "other_office_clerk": create_user("faraway"),
        "administrator": create_user("root", is_superuser=True, is_staff=True),
    }
    add_member(organisation, people["representative"], OrganisationMember.Role.REPRESENTATIVE)
    grant(people["clerk"], office, "clerk")
    grant(people["approver"], office, "approver")
    grant(people["head"], office, "head-of-office")
    grant(people["other_office_clerk"], other_office, "clerk")
    people["office"], people["other_office"] = office, other_office
    return people, application, attachment


def submitted_to(application: Application, office) -> None:
    """What submitting stores (the office routing gave), without the rest of submitting."""
    Application.objects.filter(pk=application.pk).update(state="submitted", office=office)
    application.refresh_from_db()


OFFICERS = {"clerk", "approver", "head"}
VIEW_DRAFT = {"applicant", "representative", "administrator"}
VIEW_APPLICATION = VIEW_DRAFT | OFFICERS
CHANGE_APPLICATION = {"applicant", "administrator"}
VIEW_DRAFT_ATTACHMENT = {"applicant", "administrator"}
VIEW_ATTACHMENT = VIEW_DRAFT_ATTACHMENT | OFFICERS


@pytest.mark.parametrize(
    "persona",
    ["anonymous", "applicant", "other_citizen", "representative", "clerk", "approver", "head",
     "other_office_clerk", "administrator"],
)  # fmt: skip
def test_every_persona_against_every_permission(world, persona):
    people, application, attachment = world
    user = people[persona]
    # A draft: no office has it yet, not even the one routing would give.
    assert user.has_perm("services.view_application", application) == (persona in VIEW_DRAFT)
    assert user.has_perm("services.change_application", application) == (
        persona in CHANGE_APPLICATION
    )
    assert user.has_perm("services.view_attachment", attachment) == (
        persona in VIEW_DRAFT_ATTACHMENT
    )
    submitted_to(application, people["office"])
    attachment.refresh_from_db()
    assert user.has_perm("services.view_application", application) == (persona in VIEW_APPLICATION)
    assert user.has_perm("services.view_attachment", attachment) == (persona in VIEW_ATTACHMENT)


def test_a_submitted_application_cannot_be_changed_by_its_applicant(world):
    people, application, _attachment = world
    application.state = "submitted"
    assert not people["applicant"].has_perm("services.change_application", application)


def test_only_the_applicant_and_the_handling_office_download_a_file(world, client):
    people, application, attachment = world
    submitted_to(application, people["office"])
    url = reverse("services:attachment", args=[attachment.public_id])
    for persona, expected in [
        ("applicant", 200), ("clerk", 200), ("other_citizen", 404),
        ("other_office_clerk", 404), ("representative", 404),
    ]:  # fmt: skip
        client.force_login(people[persona])
        response = client.get(url)
        assert response.status_code == expected, persona
        if expected == 200:
            assert response["Content-Disposition"].startswith("attachment")
            assert "private" in response["Cache-Control"]
            assert "no-store" in response["Cache-Control"]
            assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    client.logout()
    assert client.get(url).status_code == 302  # to sign in


def test_an_officer_opening_a_file_is_in_the_audit_log(world, client):
    people, application, attachment = world
    submitted_to(application, people["office"])
    client.force_login(people["applicant"])
    client.get(reverse("services:attachment", args=[attachment.public_id]))
    client.force_login(people["clerk"])
    client.get(reverse("services:attachment", args=[attachment.public_id]))
    [entry] = AuditEntry.objects.filter(action="services.attachment.viewed")
    assert (entry.actor, entry.object_id, entry.allowed) == (
        people["clerk"],
        str(attachment.pk),
        True,
    )
    assert (entry.office_id, entry.person) == (people["office"].pk, people["applicant"])


def test_rights_on_the_files_move_with_the_office_and_leave_the_old_one(world):
    people, application, attachment = world
    submitted_to(application, people["office"])
    faraway, clerk = people["other_office_clerk"], people["clerk"]
    assert clerk.has_perm("services.view_attachment", attachment)
    assert not faraway.has_perm("services.view_attachment", attachment)
    submitted_to(application, people["other_office"])  # the case was rerouted
    attachment.refresh_from_db()
    assert faraway.has_perm("services.view_attachment", attachment)
    assert not clerk.has_perm("services.view_attachment", attachment)
