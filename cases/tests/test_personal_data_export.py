"""The personal-data download holds the person's applications, their cases with the
history they see, and the messages with the office (issue 15, low); never an office's
internal notes, never another person's cases."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from accounts.tests.factories import create_user
from cases.actions import do_add_note, do_send_office_message
from cases.tests.factories import submit
from cases.workflow import do_transition
from services.tests.factories import create_application

pytestmark = pytest.mark.django_db


def test_the_download_has_applications_cases_history_and_messages(client, world):
    case = submit(world.citizen, world.service, area=world.tree.village)
    draft = create_application(world.citizen, world.service)
    do_transition(case, "request_information", actor=world.clerk, reason="Send the photo")
    do_send_office_message(case, "Bring the original birth record", by=world.clerk)
    do_add_note(case, "Internal: call the village chief", by=world.clerk)
    submit(create_user("sokha"), world.service, area=world.tree.village)

    client.force_login(world.citizen)
    data = json.loads(client.get(reverse("accounts:profile_download")).content)

    applications = {a["id"]: a for a in data["applications"]}
    assert set(applications) == {str(case.application.public_id), str(draft.public_id)}
    submitted = applications[str(case.application.public_id)]
    assert submitted["reference"] == case.reference
    assert submitted["answers"] == case.application.answers
    assert [f["name"] for f in submitted["files"]]
    assert applications[str(draft.public_id)]["state"] == "draft"

    [exported] = data["cases"]
    assert exported["reference"] == case.reference
    assert exported["state"] == "information_requested"
    assert [(h["kind"], h["to"]) for h in exported["history"]] == [
        ("opened", "received"),
        ("transition", "information_requested"),
    ]
    assert exported["history"][1]["text"] == "Send the photo"
    assert [(m["from_office"], m["body"]) for m in exported["messages"]] == [
        (True, "Bring the original birth record")
    ]
    assert "village chief" not in json.dumps(data)
