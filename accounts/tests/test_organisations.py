"""Organisations: adding one, inviting members by email or phone, accepting, acting for it."""

from __future__ import annotations

import re

import pytest

from accounts.acting import SESSION_KEY
from accounts.models import Invitation, Organisation, OrganisationMember
from accounts.tests.factories import add_member, create_organisation, create_user
from notifications import sms

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^/\s]+(/\S+)")


@pytest.fixture
def owner():
    return create_user("sokha", name_latin="CHAN SOKHA")


@pytest.fixture
def organisation(owner):
    return create_organisation(owner)


def test_a_citizen_adds_an_organisation_and_becomes_its_owner(client, owner):
    client.force_login(owner)
    response = client.post(
        "/en/account/organisations/",
        {"name_km": "ហាងកាហ្វេសុខា", "name_en": "Sokha Coffee", "registration_number": "0001 2345"},
    )
    organisation = Organisation.objects.get()
    assert response["Location"] == f"/en/account/organisations/{organisation.pk}/"
    assert organisation.registration_number == "00012345"
    assert organisation.memberships.get().role == OrganisationMember.Role.OWNER


def test_a_bad_registration_number_is_explained_and_the_names_kept(client, owner):
    client.force_login(owner)
    response = client.post(
        "/en/account/organisations/",
        {"name_km": "ហាង", "name_en": "Shop", "registration_number": "12-AB"},
    )
    assert response.status_code == 200
    assert "certificate of incorporation" in response.text
    assert 'value="Shop"' in response.text and 'value="12-AB"' in response.text
    assert not Organisation.objects.exists()


def test_a_registered_number_cannot_be_added_twice(client, organisation):
    client.force_login(create_user("dara"))
    response = client.post(
        "/en/account/organisations/",
        {"name_km": "ហាង", "name_en": "Shop", "registration_number": "00012345"},
    )
    assert "Ask its owner to invite you" in response.text


def invite(client, organisation, address, role="representative"):
    return client.post(
        f"/en/account/organisations/{organisation.pk}/", {"address": address, "role": role}
    )


def test_an_invitation_by_email_is_accepted_by_its_holder(
    client, owner, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, organisation, "Dara@Example.org")
    assert response.status_code == 302
    assert mailoutbox[-1].to == ["dara@example.org"]
    link = LINK.search(mailoutbox[-1].body).group(1)
    assert link.startswith("/en/account/invitations/")

    dara = create_user("dara")
    client.force_login(dara)
    assert "Accept the invitation" in client.get(link).text
    response = client.post(link)
    assert response["Location"] == f"/en/account/organisations/{organisation.pk}/"
    member = organisation.memberships.get(user=dara)
    assert member.role == OrganisationMember.Role.REPRESENTATIVE
    assert not Invitation.objects.get().is_open
    assert client.post(link).status_code == 200  # used: nothing happens twice
    assert organisation.memberships.count() == 2


def test_an_invitation_by_phone_goes_by_sms_and_needs_the_verified_number(
    client, owner, organisation, django_capture_on_commit_callbacks
):
    sms.outbox.clear()
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, organisation, "012 345 678", role="owner")
    assert sms.outbox[-1].to == "+85512345678"
    link = LINK.search(sms.outbox[-1].text).group(1)

    unverified = create_user("dara", mobile="+85512345678", mobile_verified=False)
    client.force_login(unverified)
    assert "sent to another email address or mobile number" in client.get(link).text
    client.post(link)
    assert not organisation.memberships.filter(user=unverified).exists()

    unverified.mobile_verified = True
    unverified.save()
    client.post(link)
    assert organisation.memberships.get(user=unverified).role == OrganisationMember.Role.OWNER


def test_someone_else_with_the_link_cannot_accept(client, owner, organisation):
    client.force_login(owner)
    invite(client, organisation, "dara@example.org")
    link = f"/en/account/invitations/{Invitation.objects.get().token}/"
    client.force_login(create_user("charlie"))
    client.post(link)
    assert organisation.memberships.count() == 1


def test_inviting_a_member_or_an_open_invitation_again_is_explained(client, owner, organisation):
    client.force_login(owner)
    assert "already a member" in invite(client, organisation, "sokha@example.org").text
    invite(client, organisation, "dara@example.org")
    assert "already been invited" in invite(client, organisation, "dara@example.org").text
    assert "Enter a Cambodian mobile number" in invite(client, organisation, "023 123 456").text


def test_a_representative_cannot_invite(client, organisation):
    dara = create_user("dara")
    add_member(organisation, dara, OrganisationMember.Role.REPRESENTATIVE)
    client.force_login(dara)
    assert "Invite someone" not in client.get(f"/en/account/organisations/{organisation.pk}/").text
    assert invite(client, organisation, "bopha@example.org").status_code == 403
    assert not Invitation.objects.exists()


def test_the_last_owner_cannot_be_removed(client, owner, organisation):
    client.force_login(owner)
    member = organisation.memberships.get()
    response = client.post(
        f"/en/account/organisations/{organisation.pk}/members/{member.pk}/remove/", follow=True
    )
    assert "at least one owner" in response.text
    assert organisation.memberships.count() == 1


def test_acting_for_an_organisation_shows_in_the_header_and_ends_with_membership(
    client, owner, organisation
):
    dara = create_user("dara")
    member = add_member(organisation, dara, OrganisationMember.Role.REPRESENTATIVE)
    client.force_login(dara)
    response = client.post(
        "/en/account/acting-for/", {"organisation": organisation.pk, "next": "/en/"}
    )
    assert response["Location"] == "/en/"
    assert client.session[SESSION_KEY] == organisation.pk
    assert "Acting for Sokha Coffee" in client.get("/en/account/profile/").text

    member.delete()
    assert "Acting for" not in client.get("/en/account/profile/").text
    assert SESSION_KEY not in client.session


def test_nobody_acts_for_an_organisation_they_are_not_in(client, organisation):
    client.force_login(create_user("charlie"))
    response = client.post("/en/account/acting-for/", {"organisation": organisation.pk})
    assert response.status_code == 404
    assert SESSION_KEY not in client.session


def test_acting_for_oneself_again(client, owner, organisation):
    client.force_login(owner)
    client.post("/en/account/acting-for/", {"organisation": organisation.pk})
    client.post("/en/account/acting-for/", {"next": "https://evil.example/"})
    assert SESSION_KEY not in client.session
