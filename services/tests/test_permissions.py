"""Who may see and change an application and open its files: every persona, every kind."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from accounts.models import OrganisationMember
from accounts.tests.factories import add_member, create_organisation, create_user, grant
from geo.tests.factories import create_facility, create_tree
from services.access import register_attachment_viewer
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
    return people, application, attachment


VIEW_APPLICATION = {"applicant", "representative", "clerk", "approver", "head", "administrator"}
CHANGE_APPLICATION = {"applicant", "administrator"}
VIEW_ATTACHMENT = {"applicant", "clerk", "approver", "head", "administrator"}


@pytest.mark.parametrize(
    "persona",
    ["anonymous", "applicant", "other_citizen", "representative", "clerk", "approver", "head",
     "other_office_clerk", "administrator"],
)  # fmt: skip
def test_every_persona_against_every_permission(world, persona):
    people, application, attachment = world
    user = people[persona]
    assert user.has_perm("services.view_application", application) == (persona in VIEW_APPLICATION)
    assert user.has_perm("services.change_application", application) == (
        persona in CHANGE_APPLICATION
    )
    assert user.has_perm("services.view_attachment", attachment) == (persona in VIEW_ATTACHMENT)


def test_a_submitted_application_cannot_be_changed_by_its_applicant(world):
    people, application, _attachment = world
    application.state = "submitted"
    assert not people["applicant"].has_perm("services.change_application", application)


def test_only_the_applicant_and_the_handling_office_download_a_file(world, client):
    people, _application, attachment = world
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


def test_an_officer_opening_a_file_is_recorded(world, client):
    from services.access import attachment_viewed

    people, _application, attachment = world
    seen = []

    def record(sender, attachment, user, **kwargs):
        seen.append((attachment.pk, user.username))

    attachment_viewed.connect(record)
    try:
        client.force_login(people["applicant"])
        client.get(reverse("services:attachment", args=[attachment.public_id]))
        client.force_login(people["clerk"])
        client.get(reverse("services:attachment", args=[attachment.public_id]))
    finally:
        attachment_viewed.disconnect(record)
    assert seen == [(attachment.pk, "clerk")]


def test_another_app_can_let_its_officers_see_files(world):
    from services import access

    people, _application, attachment = world
    faraway = people["other_office_clerk"]
    assert not faraway.has_perm("services.view_attachment", attachment)

    def case_office_rule(user, item):
        return user.username == "faraway"  # e.g. the case was transferred to their office

    register_attachment_viewer(case_office_rule)
    try:
        assert faraway.has_perm("services.view_attachment", attachment)
    finally:
        access._viewer_rules.remove(case_office_rule)
