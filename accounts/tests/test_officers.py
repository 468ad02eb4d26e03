"""Officers: which offices a person works for, the head of office's page, MFA required."""

from __future__ import annotations

import pytest
from django.utils import timezone

from accounts.models import OfficeMembership, Role
from accounts.officers import offices_of
from accounts.tests.factories import PASSWORD, create_user, grant
from geo.tests.factories import create_facility, create_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def offices():
    tree = create_tree()
    return create_facility(tree.commune), create_facility(tree.other_commune)


def test_the_roles_are_data_loaded_by_the_migration():
    assert set(Role.objects.values_list("code", flat=True)) >= {
        "clerk",
        "approver",
        "head-of-office",
        "editor",
        "market-officer",
        "clinician",
    }
    assert Role.objects.get(code="clerk").name_km == "មន្ត្រីទទួលពាក្យ"


def test_offices_of_lists_the_active_memberships_optionally_by_role(offices):
    hall, other = offices
    sophea = create_user("sophea")
    grant(sophea, hall, "clerk")
    grant(sophea, other, "approver")
    grant(sophea, other, "clerk", ended_at=timezone.now())
    assert set(offices_of(sophea)) == {hall, other}
    assert list(offices_of(sophea, roles=["clerk"])) == [hall]
    assert list(offices_of(sophea, roles=["approver", "head-of-office"])) == [other]
    assert list(offices_of(create_user("dara"))) == []


def test_an_officer_must_set_up_two_step_verification(client, offices):
    sophea = create_user("sophea")
    grant(sophea, offices[0], "clerk")
    client.post("/en/account/sign-in/", {"login": "sophea", "password": PASSWORD})
    response = client.get("/en/account/")
    assert response["Location"] == "/en/account/2fa/totp/activate/"


def test_a_head_of_office_grants_and_ends_roles_in_their_office(client, offices):
    hall, _other = offices
    head = create_user("head")
    grant(head, hall, "head-of-office")
    create_user("sophea", mobile="+85512345678")
    client.force_login(head)
    page = client.get(f"/en/account/offices/{hall.code}/")
    assert page.status_code == 200
    approver = Role.objects.get(code="approver")
    response = client.post(
        f"/en/account/offices/{hall.code}/", {"person": "012 345 678", "role": approver.pk}
    )
    assert response.status_code == 302
    membership = OfficeMembership.objects.get(user__username="sophea")
    assert (membership.office, membership.role, membership.granted_by) == (hall, approver, head)

    again = client.post(
        f"/en/account/offices/{hall.code}/", {"person": "sophea", "role": approver.pk}
    )
    assert "already has this role" in again.text

    assert list(offices_of(membership.user)) == [hall]
    client.post(f"/en/account/offices/{hall.code}/roles/{membership.pk}/end/")
    membership.refresh_from_db()
    assert membership.ended_at is not None and membership.ended_by == head
    assert list(offices_of(membership.user)) == []


def test_an_unknown_person_is_explained_and_the_entry_kept(client, offices):
    hall, _other = offices
    head = create_user("head")
    grant(head, hall, "head-of-office")
    client.force_login(head)
    response = client.post(
        f"/en/account/offices/{hall.code}/",
        {"person": "nobody@example.org", "role": Role.objects.get(code="clerk").pk},
    )
    assert "Ask them to create an account first" in response.text
    assert 'value="nobody@example.org"' in response.text


def test_a_head_of_office_cannot_manage_another_office(client, offices):
    hall, other = offices
    head = create_user("head")
    grant(head, hall, "head-of-office")
    client.force_login(head)
    assert client.get(f"/en/account/offices/{other.code}/").status_code == 403
    response = client.post(
        f"/en/account/offices/{other.code}/",
        {"person": "head", "role": Role.objects.get(code="head-of-office").pk},
    )
    assert response.status_code == 403
    assert not OfficeMembership.objects.filter(office=other).exists()


def test_an_administrator_grants_roles_in_the_django_admin(client, offices):
    admin = create_user("admin", is_staff=True, is_superuser=True)
    sophea = create_user("sophea")
    client.force_login(admin)
    response = client.post(
        "/django-admin/accounts/officemembership/add/",
        {
            "user": sophea.pk,
            "office": offices[0].pk,
            "role": Role.objects.get(code="clerk").pk,
            "granted_at_0": "2026-01-05",
            "granted_at_1": "08:00:00",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert OfficeMembership.objects.get().granted_by == admin
