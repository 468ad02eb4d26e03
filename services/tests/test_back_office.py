"""The back office: a form definition refused on save with its reasons, versions kept."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from accounts.tests.factories import create_user
from audit.models import AuditEntry
from services.models import FormVersion
from services.tests.factories import create_application, create_service, definition
from services.versions import do_copy_form_version, do_publish_form_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(client):
    user = create_user("root", is_superuser=True, is_staff=True)
    client.force_login(user)
    client.cookies["sala_language"] = "en"
    return user


def test_saving_a_broken_definition_in_the_admin_shows_every_reason(client, administrator):
    service = create_service(form=False)
    broken = definition()
    broken["pages"][0]["fields"][0]["type"] = "signature"
    broken["pages"][1]["fields"][0]["key"] = "phone"
    response = client.post(
        reverse("admin:services_formversion_add"),
        {"service": service.pk, "number": 1, "definition": json.dumps(broken)},
        follow=True,
    )
    body = response.content.decode()
    assert (
        "unknown field type &#x27;signature&#x27;" in body
        or "unknown field type 'signature'" in body
    )
    assert "Two fields have the key “phone”" in body
    assert not FormVersion.objects.exists()


def test_an_application_keeps_its_version_when_a_new_one_is_published():
    service = create_service()
    application = create_application(create_user(), service)
    first = service.published_form()
    draft = do_copy_form_version(first)
    draft.definition["pages"][0]["title"]["en"] = "About you, again"
    draft.save()
    publisher = create_user("publisher")
    do_publish_form_version(publisher, draft)
    entry = AuditEntry.objects.for_object(draft).get()
    assert (entry.action, entry.actor) == ("services.formversion.published", publisher)
    assert entry.data == {"service": service.slug, "number": draft.number}
    first.refresh_from_db()
    assert first.status == FormVersion.Status.RETIRED
    assert service.published_form() == draft
    application.refresh_from_db()
    assert application.form_version == first
    assert application.form_version.form().pages[0].title_text == "About you"


def test_a_computed_fee_adds_the_rules_that_hold():
    service = create_service(
        fee_kind="computed",
        fee_rules=[
            {"when": {"field": "kind", "equals": "original"}, "khr": 10000},
            {"khr": 2000, "usd": "0.50"},
        ],
    )
    application = create_application(create_user(), service, answers={"kind": "original"})
    assert application.fee() == (12000, 0.5)
    application.answers = {"kind": "copy"}
    assert application.fee() == (2000, 0.5)
