"""Cash at the counter: an officer of the office who takes walk-ins and reads its cases
(a clerk) records it once; nobody else can."""

from __future__ import annotations

import pytest

from audit.models import AuditEntry
from cases.tests.factories import submit
from notifications.models import Notification
from payments.models import PaymentRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def payment(world, paid_service):
    return submit(world.citizen, paid_service, area=world.tree.village).payment_requests.get()


def test_the_clerk_records_cash_once_and_the_page_is_the_receipt(client, world, payment):
    client.force_login(world.clerk)
    page = client.get(payment.get_absolute_url()).content.decode()
    assert "Record 20,000 riel paid in cash" in page
    client.post(payment.get_absolute_url(), {"cash": "yes"})
    response = client.post(payment.get_absolute_url(), {"cash": "yes"})  # a double click
    receipt = client.get(response["Location"]).content.decode()
    assert "Paid in cash at the counter." in receipt and "Print the receipt" in receipt
    assert PaymentRequest.objects.get(pk=payment.pk).status == "paid"
    assert AuditEntry.objects.filter(action="payments.request.paid_in_cash").count() == 1
    told = Notification.objects.filter(recipient=world.citizen, event="payments.paid")
    assert told.count() == 1  # told once, however many times the clerk clicked


@pytest.mark.parametrize("who", ["approver", "outsider", "citizen"])
def test_others_cannot_record_cash(client, world, payment, who):
    client.force_login(getattr(world, who))
    assert client.post(payment.get_absolute_url(), {"cash": "yes"}).status_code == 403
    assert PaymentRequest.objects.get(pk=payment.pk).status == "pending"
