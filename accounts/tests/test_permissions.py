"""Who may do what with each object kind accounts owns: every role against every object.

The expected table is written out in full, so that changing a rule means changing the
table here. Active administrators (superusers) pass every check, as Django grants them
every permission.
"""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from accounts.models import Invitation, OrganisationMember, User
from accounts.tests.factories import add_member, create_organisation, create_user, grant
from geo.tests.factories import create_facility, create_tree

OFFICE_ROLES = ["clerk", "approver", "head-of-office", "editor", "market-officer", "clinician"]
PERSONAS = [
    "anonymous",
    "citizen",
    "other_citizen",
    "organisation_owner",
    "organisation_representative",
    *OFFICE_ROLES,
    "officer_of_another_office",
    "administrator",
]
OFFICERS = set(OFFICE_ROLES)
ORGANISATION = {"organisation_owner", "organisation_representative"}
ADMIN = {"administrator"}

# (permission, object) -> personas allowed; everyone else is refused.
EXPECTED = {
    ("accounts.view_profile", "profile"): {"citizen"} | ADMIN,
    ("accounts.change_profile", "profile"): {"citizen"} | ADMIN,
    ("accounts.view_organisation", "organisation"): ORGANISATION | ADMIN,
    ("accounts.change_organisation", "organisation"): {"organisation_owner"} | ADMIN,
    ("accounts.act_for_organisation", "organisation"): ORGANISATION | ADMIN,
    ("accounts.invite_member", "organisation"): {"organisation_owner"} | ADMIN,
    ("accounts.view_organisationmember", "member"): ORGANISATION | ADMIN,
    ("accounts.delete_organisationmember", "member"): {"organisation_owner"} | ADMIN,
    ("accounts.view_invitation", "invitation"): {"organisation_owner", "citizen"} | ADMIN,
    ("accounts.accept_invitation", "invitation"): {"citizen"} | ADMIN,
    ("accounts.delete_invitation", "invitation"): {"organisation_owner"} | ADMIN,
    ("accounts.view_officers", "office"): OFFICERS | ADMIN,
    ("accounts.manage_officers", "office"): {"head-of-office"} | ADMIN,
    ("accounts.view_officemembership", "office_membership"): OFFICERS | ADMIN,
    ("accounts.end_officemembership", "office_membership"): {"head-of-office"} | ADMIN,
}


@pytest.fixture
def world(db):
    tree = create_tree()
    office = create_facility(tree.commune)
    other_office = create_facility(tree.other_commune)
    people = {
        "anonymous": AnonymousUser(),
        "citizen": create_user("dara", email="dara@example.org"),
        "other_citizen": create_user("charlie"),
        "organisation_owner": create_user("sokha"),
        "organisation_representative": create_user("vanna"),
        "officer_of_another_office": create_user("rotha"),
        "administrator": create_user("admin", is_superuser=True, is_staff=True),
    }
    for code in OFFICE_ROLES:
        people[code] = create_user(code.replace("-", "_"))
        grant(people[code], office, code)
    grant(people["officer_of_another_office"], other_office, "clerk")
    grant(create_user("former"), office, "clerk", ended_at=timezone.now())
    organisation = create_organisation(people["organisation_owner"])
    member = add_member(
        organisation, people["organisation_representative"], OrganisationMember.Role.REPRESENTATIVE
    )
    invitation = Invitation.objects.create(
        organisation=organisation,
        email="dara@example.org",
        role=OrganisationMember.Role.REPRESENTATIVE,
        token="token-for-tests",
        expires_at=timezone.now() + datetime.timedelta(days=1),
    )
    objects = {
        "profile": people["citizen"],
        "organisation": organisation,
        "member": member,
        "invitation": invitation,
        "office": office,
        "office_membership": people["clerk"].office_memberships.get(),
    }
    return people, objects


@pytest.mark.parametrize(("perm", "kind"), list(EXPECTED))
def test_every_role_against_every_object_kind(world, perm, kind):
    people, objects = world
    allowed = {name for name in PERSONAS if people[name].has_perm(perm, objects[kind])}
    assert allowed == EXPECTED[(perm, kind)]


def test_an_ended_membership_gives_no_rights(world):
    _people, objects = world
    former = User.objects.get(username="former")
    assert not former.has_perm("accounts.view_officers", objects["office"])


def test_other_apps_combine_the_predicates(world):
    """What a cases/rules.py would write: the applicant, or an approver of the office."""

    from accounts.permissions import has_office_role, is_owner_of_object

    class Case:
        def __init__(self, user: User, office):
            self.user, self.office = user, office

    people, objects = world
    case = Case(people["citizen"], objects["office"])
    may_view = is_owner_of_object | has_office_role()
    may_approve = has_office_role("approver", "head-of-office")
    assert {n for n in PERSONAS if may_view.test(people[n], case)} == {"citizen"} | OFFICERS
    assert {n for n in PERSONAS if may_approve.test(people[n], case)} == {
        "approver",
        "head-of-office",
    }


# --- The pages: nobody reaches another person's things by changing an id in a URL --------


def url_of(name: str, objects: dict) -> str:
    organisation = objects["organisation"]
    return {
        "organisation": f"/en/account/organisations/{organisation.pk}/",
        "office_officers": f"/en/account/offices/{objects['office'].code}/",
        "invitation": f"/en/account/invitations/{objects['invitation'].token}/",
    }[name]


PAGES = {
    "organisation": {
        200: ORGANISATION | ADMIN,
        404: set(PERSONAS) - ORGANISATION - ADMIN - {"anonymous"},
    },
    "office_officers": {
        200: {"head-of-office"} | ADMIN,
        403: set(PERSONAS) - {"head-of-office", "anonymous"} - ADMIN,
    },
}


@pytest.mark.parametrize("page", list(PAGES))
def test_pages_answer_each_role_as_expected(world, client, page):
    people, objects = world
    url = url_of(page, objects)
    assert client.get(url).status_code == 302  # anonymous: to the sign-in page
    for status, personas in PAGES[page].items():
        for name in personas:
            client.force_login(people[name])
            assert client.get(url).status_code == status, (name, url)


def test_an_invitation_page_shows_nothing_to_act_on_for_others(world, client):
    people, objects = world
    url = url_of("invitation", objects)
    client.force_login(people["other_citizen"])
    response = client.get(url)
    assert "Accept the invitation" not in response.text
    client.post(url)
    assert not objects["organisation"].memberships.filter(user=people["other_citizen"]).exists()


def test_a_head_cannot_end_a_role_in_another_office_through_their_own(world, client):
    people, objects = world
    other = User.objects.get(username="rotha").office_memberships.get()
    client.force_login(people["head-of-office"])
    office = objects["office"].code
    response = client.post(f"/en/account/offices/{office}/roles/{other.pk}/end/")
    assert response.status_code == 403
    other.refresh_from_db()
    assert other.ended_at is None
