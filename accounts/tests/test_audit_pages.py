"""The audit log as people read it: an office's entries for its officers (the roles the
role matrix lets read them), and "Who used my data" for the person concerned. Each sees
only the entries about their office or about themselves."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import reverse as django_reverse

from accounts import officers
from accounts.models import Role
from accounts.tests.factories import create_user, grant
from audit.log import log_access
from audit.models import AuditEntry
from geo.tests.factories import create_facility, create_tree


def reverse(name: str, args=None) -> str:
    """The English page (the texts below are English)."""
    return django_reverse(name, args=args).replace("/km/", "/en/", 1)


pytestmark = pytest.mark.django_db


@pytest.fixture
def offices():
    tree = create_tree()
    return create_facility(tree.commune), create_facility(tree.other_commune)


@pytest.fixture
def people(offices):
    hall, other_hall = offices
    head, other_head = create_user("head"), create_user("other-head")
    grant(head, hall, "head-of-office")
    grant(other_head, other_hall, "head-of-office")
    return {
        "head": head,
        "other_head": other_head,
        "citizen": create_user("dara"),
        "other_citizen": create_user("sokha"),
    }


def test_granting_and_ending_a_role_are_in_the_office_log_and_the_persons(client, offices, people):
    hall, _ = offices
    citizen = people["citizen"]
    membership = officers.check_grant_office_role(
        people["head"], citizen, hall, Role.objects.get(code="reader")
    )
    officers.do_end_office_membership(people["head"], membership)
    entries = AuditEntry.objects.for_object(membership)
    assert [(e.action, e.actor, e.person, e.office_id) for e in entries] == [
        ("accounts.role.ended", people["head"], citizen, hall.pk),
        ("accounts.role.granted", people["head"], citizen, hall.pk),
    ]

    client.force_login(people["head"])
    page = client.get(reverse("accounts:office_audit", args=[hall.code]))
    assert page.status_code == 200
    assert page.text.count("An office role was granted") == 1
    assert page.text.count("An office role was ended") == 1

    client.force_login(citizen)
    mine = client.get(reverse("accounts:data_use"))
    assert mine.status_code == 200
    assert "An office role was granted" in mine.text
    assert "head" in mine.text


def test_an_office_sees_only_its_own_entries(client, offices, people):
    hall, other_hall = offices
    reader = Role.objects.get(code="reader")
    officers.check_grant_office_role(people["head"], people["citizen"], hall, reader)
    officers.check_grant_office_role(
        people["other_head"], people["other_citizen"], other_hall, reader
    )
    client.force_login(people["other_head"])
    page = client.get(reverse("accounts:office_audit", args=[other_hall.code]))
    assert "sokha" in page.text
    assert "dara" not in page.text
    refused = client.get(reverse("accounts:office_audit", args=[hall.code]))
    assert refused.status_code == 403


def test_a_person_sees_only_what_concerns_them(client, offices, people):
    hall, _ = offices
    with transaction.atomic():
        log_access(people["head"], "cases.case.viewed", people["citizen"], office=hall,
                   person=people["citizen"])  # fmt: skip
        log_access(people["head"], "cases.case.viewed", people["other_citizen"], office=hall,
                   person=people["other_citizen"])  # fmt: skip
    client.force_login(people["citizen"])
    page = client.get(reverse("accounts:data_use"))
    assert page.text.count("An officer opened the application") == 1
    assert "sokha" not in page.text
    assert hall.name_en in page.text
    client.force_login(people["other_citizen"])
    other = client.get(reverse("accounts:data_use"))
    assert other.text.count("An officer opened the application") == 1
    assert "dara" not in other.text


def test_who_used_my_data_in_khmer_with_khmer_digits(client, offices, people):
    hall, _ = offices
    log_access(people["head"], "cases.case.viewed", people["citizen"], office=hall,
               person=people["citizen"])  # fmt: skip
    client.force_login(people["citizen"])
    page = client.get("/km/account/profile/data-use/")
    assert page.status_code == 200
    assert "មន្ត្រីបានបើកមើលពាក្យស្នើសុំ" in page.text
    year = AuditEntry.objects.get().created_at.year
    assert str(year) not in page.text.split("<main", 1)[1]
    assert "២០" in page.text


def test_nobody_signed_out_reads_an_audit_page(client, offices):
    hall, _ = offices
    for url in (
        reverse("accounts:data_use"),
        reverse("accounts:office_audit", args=[hall.code]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert "/sign-in/" in response["Location"]


def test_a_citizen_is_refused_an_office_audit_page(client, offices, people):
    hall, _ = offices
    client.force_login(people["citizen"])
    assert client.get(reverse("accounts:office_audit", args=[hall.code])).status_code == 403


def test_the_page_says_what_the_officer_opened(client, offices, people):
    hall, _ = offices
    citizen = people["citizen"]
    for what in ("view", "attachment", "document"):
        log_access(people["head"], "cases.case.viewed", citizen, office=hall, person=citizen,
                   data={"what": what})  # fmt: skip
    client.force_login(citizen)
    page = client.get(reverse("accounts:data_use")).text
    assert page.count("An officer opened the application") == 1
    assert page.count("An officer opened a file of the application") == 1
    assert page.count("An officer downloaded the issued document") == 1
