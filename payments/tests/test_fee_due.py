"""A service whose workflow says the fee is due on approval asks for it then, not at
submission; the case then waits for payment in My applications and the officer's queue."""

from __future__ import annotations

import copy

import pytest
from django.urls import reverse
from django.utils.translation import override

from cases.models import ServiceWorkflow
from cases.tests.factories import submit
from cases.workflow import DEFAULT_WORKFLOW, do_transition, workflow_errors
from notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def due_on_approval(paid_service):
    ServiceWorkflow.objects.create(
        service=paid_service, definition={**copy.deepcopy(DEFAULT_WORKFLOW), "fee_due": "approval"}
    )
    return paid_service


def test_the_fee_is_asked_for_when_the_case_is_approved(client, world, due_on_approval):
    case = submit(world.citizen, due_on_approval, area=world.tree.village)
    assert not case.payment_requests.exists()
    assert not Notification.objects.filter(event="payments.payment_due").exists()
    case = do_transition(case, "start_review", actor=world.clerk)
    assert not case.payment_requests.exists()
    case = do_transition(case, "approve", actor=world.approver)
    payment = case.payment_requests.get()
    assert payment.amount == 20000 and payment.is_waiting
    due = Notification.objects.get(recipient=world.citizen, event="payments.payment_due")
    assert due.context["url"] == payment.get_absolute_url()

    client.force_login(world.citizen)
    with override("en"):
        assert "Waiting for payment" in client.get(reverse("cases:my_cases")).content.decode()
    client.force_login(world.clerk)
    with override("en"):
        queue = client.get(reverse("cases:queue"), {"state": "approved"}).content.decode()
    assert case.reference in queue and "Waiting for payment" in queue


def test_by_default_the_fee_is_due_at_submission(world, paid_service):
    case = submit(world.citizen, paid_service, area=world.tree.village)
    assert case.payment_requests.filter(status="pending").count() == 1
    case = do_transition(case, "start_review", actor=world.clerk)
    do_transition(case, "approve", actor=world.approver)
    assert case.payment_requests.count() == 1  # approving asks for nothing more


def test_a_workflow_with_an_unknown_due_time_is_refused():
    errors = workflow_errors({**DEFAULT_WORKFLOW, "fee_due": "later"})
    assert errors == ["fee_due must be one of submission, approval."]


def test_a_document_is_not_issued_until_the_fee_is_paid(client, world, due_on_approval):
    from cases.issuing import issued_document
    from cases.models import Case
    from payments.cash import do_record_cash

    case = submit(world.citizen, due_on_approval, area=world.tree.village)
    case = do_transition(case, "start_review", actor=world.clerk)
    case = do_transition(case, "approve", actor=world.approver)
    client.force_login(world.approver)
    issue = {"transition": "issue_document", "version": case.version, "confirmed": "yes"}
    with override("en"):
        url = reverse("cases:act", args=[case.public_id])
        page = client.post(url, issue, follow=True).content.decode()
    assert "The fee for this application is not paid yet" in page
    with override("km"):
        page = client.post(reverse("cases:act", args=[case.public_id]), issue, follow=True)
    assert "ថ្លៃសេវានៃពាក្យស្នើសុំនេះមិនទាន់បានបង់ទេ" in page.content.decode()
    case = Case.objects.get(pk=case.pk)
    assert case.state == "approved" and issued_document(case) is None

    do_record_cash(world.clerk, case.payment_requests.get())
    client.post(url, {**issue, "version": case.version})
    case = Case.objects.get(pk=case.pk)
    assert case.state == "document_issued" and issued_document(case) is not None
