"""A case with a fee asks for it with a KHQR; payments are recorded once, and a wrong or
late one is kept as a mismatch."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from audit.models import AuditEntry
from cases.tests.factories import submit
from payments import khqr
from payments.models import PaymentRequest
from payments.requesting import Confirmation, do_record_payment, do_request_payment

pytestmark = pytest.mark.django_db


def confirmation(request, **changes) -> Confirmation:
    fields = {
        "md5": request.md5,
        "amount": request.amount,
        "currency": request.currency,
        "transaction_hash": "a" * 64,
        "payer_account": "dara@aclb",
        "paid_at": timezone.now(),
    }
    return Confirmation(**{**fields, **changes})


def test_submitting_a_service_with_a_fee_asks_for_it_with_a_khqr(world, paid_service):
    case = submit(world.citizen, paid_service, area=world.tree.village)
    request = case.payment_requests.get()
    assert (request.amount, request.currency, request.status) == (Decimal(20000), "KHR", "pending")
    decoded = khqr.decode(request.payload)
    assert decoded.bill_number == case.reference
    assert (decoded.amount, decoded.currency) == (Decimal(20000), "KHR")
    assert decoded.expires_at is not None
    assert abs(decoded.expires_at - request.expires_at) < timedelta(seconds=1)
    assert request.md5 == khqr.md5(request.payload)
    assert request.is_waiting
    entry = AuditEntry.objects.get(action="payments.request.created")
    assert entry.office_id == world.hall.pk


def test_a_free_service_asks_for_nothing(world):
    case = submit(world.citizen, world.service, area=world.tree.village)
    assert not case.payment_requests.exists()


def test_a_fee_in_dollars_is_asked_in_dollars(world, dollar_service):
    case = submit(world.citizen, dollar_service, area=world.tree.village)
    request = case.payment_requests.get()
    assert (request.amount, request.currency) == (Decimal("12.50"), "USD")
    assert "540512.50" in request.payload


def test_asking_again_gives_the_same_request_until_it_expires(world, paid_service):
    case = submit(world.citizen, paid_service, area=world.tree.village)
    first = case.payment_requests.get()
    assert do_request_payment(world.citizen, case) == first
    PaymentRequest.objects.filter(pk=first.pk).update(expires_at=timezone.now())
    second = do_request_payment(world.citizen, case)
    assert second != first and second.is_waiting


def test_confirmed_twice_is_paid_once(world, paid_service):
    request = submit(world.citizen, paid_service, area=world.tree.village).payment_requests.get()
    first_time = timezone.now()
    do_record_payment(confirmation(request, paid_at=first_time))
    do_record_payment(confirmation(request, transaction_hash="b" * 64))
    request.refresh_from_db()
    assert request.status == "paid"
    assert (request.paid_at, request.transaction_hash) == (first_time, "a" * 64)
    assert AuditEntry.objects.filter(action="payments.request.paid").count() == 1
    assert do_request_payment(world.citizen, request.case) is None


@pytest.mark.parametrize(
    "changes",
    [
        {"amount": Decimal(2000)},
        {"currency": "USD"},
        {"paid_at": timezone.now() + timedelta(days=30)},
    ],
    ids=["wrong amount", "wrong currency", "after the expiry"],
)
def test_a_wrong_or_late_payment_is_a_mismatch_not_paid(world, paid_service, changes):
    request = submit(world.citizen, paid_service, area=world.tree.village).payment_requests.get()
    do_record_payment(confirmation(request, **changes))
    request.refresh_from_db()
    assert request.status == "mismatch"
    assert AuditEntry.objects.filter(action="payments.request.mismatch").exists()
    assert not AuditEntry.objects.filter(action="payments.request.paid").exists()


def test_a_payment_for_a_payload_never_issued_is_not_recorded(world, paid_service):
    request = submit(world.citizen, paid_service, area=world.tree.village).payment_requests.get()
    assert do_record_payment(confirmation(request, md5="0" * 32)) is None
    request.refresh_from_db()
    assert request.status == "pending"


def test_the_applicant_is_told_what_to_pay_by_when_and_that_it_was_received(world, paid_service):
    from notifications.models import Notification

    request = submit(world.citizen, paid_service, area=world.tree.village).payment_requests.get()
    due = Notification.objects.get(recipient=world.citizen, event="payments.payment_due")
    assert due.context["amount"]["en"] == "20,000 riel"
    assert due.context["amount"]["km"] == "២០,០០០ រៀល"
    assert due.context["url"] == request.get_absolute_url()
    do_record_payment(confirmation(request))
    do_record_payment(confirmation(request))
    assert Notification.objects.filter(recipient=world.citizen, event="payments.paid").count() == 1


def test_a_reminder_goes_once_the_day_before_the_code_expires_unless_paid(world, paid_service):
    from notifications.models import Notification
    from payments.requesting import remind_before_expiry

    waiting = submit(world.citizen, paid_service, area=world.tree.village).payment_requests.get()
    assert remind_before_expiry() == 0
    soon = waiting.expires_at - timedelta(hours=2)
    assert remind_before_expiry(soon) == 1
    remind_before_expiry(soon)
    reminders = Notification.objects.filter(event="payments.payment_reminder")
    assert reminders.count() == 1
    do_record_payment(confirmation(waiting))
    assert remind_before_expiry(soon) == 0
