"""A walk-in is bound to an account only by a verified mobile number, or by the identity
the officer checked at the counter; the officer is told which, and the audit log records
it (issue 15, item 3)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.tests.factories import create_user
from audit.models import AuditEntry
from services.models import Application

pytestmark = pytest.mark.django_db

NUMBER = "+85512999888"


def start(client, world, **fields):
    data = {"service": world.service.pk, "name": "ចាន់ ស្រីមុំ", "mobile": NUMBER}
    data.update(fields)
    return client.post(reverse("cases:counter_start"), data, follow=True)


def started(world) -> Application:
    return Application.objects.filter(service=world.service).latest("pk")


def test_a_verified_number_binds_the_walk_in_to_its_account(client, world):
    holder = create_user("srey", mobile=NUMBER, mobile_verified=True)
    client.force_login(world.clerk)
    response = start(client, world)
    assert "whose holder verified this mobile number" in response.text
    application = started(world)
    assert application.user == holder
    entry = AuditEntry.objects.for_object(application).get()
    assert (entry.action, entry.actor, entry.person, entry.office_id) == (
        "cases.counter.taken",
        world.clerk,
        holder,
        world.hall.pk,
    )
    assert entry.data["bound_by"] == "verified_number"


def test_an_unverified_number_does_not_hand_over_the_walk_in(client, world):
    claimer = create_user("claimer", mobile=NUMBER, mobile_verified=False)
    client.force_login(world.clerk)
    response = start(client, world)
    assert "never verified it" in response.text
    application = started(world)
    assert application.user != claimer
    assert not application.user.has_usable_password()
    assert application.user.mobile == ""  # the number stays with the account that holds it
    assert AuditEntry.objects.for_object(application).get().data["bound_by"] == "new_account"
    assert not Application.objects.filter(user=claimer).exists()


def test_the_identity_checked_at_the_counter_binds_an_unverified_number(client, world):
    holder = create_user("srey", mobile=NUMBER, mobile_verified=False)
    client.force_login(world.clerk)
    response = start(client, world, identity_checked="on")
    assert "because you checked the citizen&#x27;s identity" in response.text
    application = started(world)
    assert application.user == holder
    entry = AuditEntry.objects.for_object(application).get()
    assert entry.data["bound_by"] == "identity_checked"
    client.force_login(holder)
    assert (
        "An application was taken at the counter" in client.get(reverse("accounts:data_use")).text
    )


def test_a_number_nobody_holds_gets_a_new_account(client, world):
    client.force_login(world.clerk)
    response = start(client, world)
    assert "the application goes to a new account" in response.text
    assert started(world).user.mobile == NUMBER


def test_the_start_page_in_khmer_offers_the_identity_check(client, world):
    client.force_login(world.clerk)
    page = client.get("/km/office/counter/")
    assert page.status_code == 200
    assert 'name="identity_checked"' in page.text
