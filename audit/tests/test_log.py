from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import path

from audit.log import AuditOutsideTransaction, log_access, log_action
from audit.models import AuditEntry
from core.logging import current_client_address, current_request_id

pytestmark = pytest.mark.django_db
# audit sits below every app: its tests use Django's own models (a Group stands for any
# object, an integer for an office) rather than another app's.
OFFICE_ID = 42


def make_user(username: str = "someone"):
    return get_user_model().objects.create_user(username=username)


def make_group(name: str = "Daun Penh hall clerks") -> Group:
    return Group.objects.create(name=name)


def test_an_action_is_written_with_its_actor_object_office_and_person():
    officer, citizen = make_user("officer"), make_user("citizen")
    group = make_group()
    with transaction.atomic():
        entry = log_action(
            officer,
            "auth.group.changed",
            group,
            {"areas": ["12"]},
            office=OFFICE_ID,
            person=citizen,
        )
    entry.refresh_from_db()
    assert (entry.actor, entry.action, entry.office_id, entry.person) == (
        officer,
        "auth.group.changed",
        OFFICE_ID,
        citizen,
    )
    assert entry.data == {"areas": ["12"]}
    assert entry.object_repr == "Daun Penh hall clerks"
    assert list(AuditEntry.objects.for_object(group)) == [entry]
    assert list(AuditEntry.objects.about_person(citizen)) == [entry]
    assert list(AuditEntry.objects.for_offices([OFFICE_ID])) == [entry]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_action_outside_the_changes_transaction_is_refused():
    with pytest.raises(AuditOutsideTransaction):
        log_action(None, "auth.group.changed", make_group())
    assert not AuditEntry.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_entry_is_undone_with_the_change_it_records():
    group = make_group()
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        log_action(None, "auth.group.changed", group)
        assert AuditEntry.objects.count() == 1
        1 / 0  # noqa: B018 - the change fails after logging
    assert not AuditEntry.objects.exists()


def test_a_refused_access_is_recorded_as_refused():
    entry = log_access(make_user(), "auth.group.viewed", make_group(), allowed=False)
    assert entry.allowed is False


def test_the_address_and_request_id_come_from_the_request_being_served(settings):
    """The middleware puts the client's address where the log reads it, so an action
    taken during a request records where it came from without being passed the request."""
    seen = {}

    def view(request):
        seen["address"], seen["request_id"] = current_client_address.get(), current_request_id.get()
        return HttpResponse("ok")

    urlconf = type("urls", (), {"urlpatterns": [path("probe/", view)]})
    settings.ROOT_URLCONF = urlconf
    Client(REMOTE_ADDR="203.0.113.9").get("/probe/", HTTP_X_REQUEST_ID="abcdef0123456789")
    assert seen == {"address": "203.0.113.9", "request_id": "abcdef0123456789"}
