"""Issue 16, major 5: deciding or ending a case (approve, reject, issue, revoke, close,
withdraw) first shows a confirmation page; only its "yes" takes the action."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cases.models import Case
from cases.tests.factories import submit
from cases.workflow import do_transition

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(world):
    case = submit(world.citizen, world.service, area=world.tree.village)
    return do_transition(case, "start_review", actor=world.clerk)


def test_approving_asks_first_and_then_approves(client, world, case):
    client.force_login(world.approver)
    url = reverse("cases:act", args=[case.public_id])
    response = client.post(url, {"transition": "approve", "version": case.version})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Approve this application?" in page and 'name="confirmed" value="yes"' in page
    assert Case.objects.get().state == "in_review"
    client.post(url, {"transition": "approve", "version": case.version, "confirmed": "yes"})
    assert Case.objects.get().state == "approved"


def test_rejecting_without_a_reason_says_so_before_asking(client, world, case):
    client.force_login(world.approver)
    url = reverse("cases:act", args=[case.public_id])
    response = client.post(url, {"transition": "reject", "version": case.version})
    assert response.status_code == 400
    assert "Write the reason: the applicant will read it." in response.content.decode()
    response = client.post(url, {"transition": "reject", "version": case.version,
                                 "reason": "Not in this commune"})  # fmt: skip
    page = response.content.decode()
    assert "Reject this application?" in page and "Not in this commune" in page
    assert Case.objects.get().state == "in_review"


def test_a_step_that_decides_nothing_is_taken_at_once(client, world, case):
    client.force_login(world.clerk)
    client.post(reverse("cases:act", args=[case.public_id]),
                {"transition": "request_information", "version": case.version,
                 "reason": "Send the family book"})  # fmt: skip
    assert Case.objects.get().state == "information_requested"


def test_an_officer_not_allowed_to_approve_gets_403_not_a_confirmation(client, world, case):
    client.force_login(world.clerk)
    response = client.post(reverse("cases:act", args=[case.public_id]),
                           {"transition": "approve", "version": case.version})  # fmt: skip
    assert response.status_code == 403
