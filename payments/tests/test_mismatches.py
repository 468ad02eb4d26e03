"""Money reported for a bill it does not pay is kept as a mismatch with what arrived, from
where and why, and never marks the bill paid: by callback and by polling, for an unknown
or expired bill, a wrong amount or currency, and a second payment of a paid bill."""

from __future__ import annotations

import time
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from audit.models import AuditEntry
from cases.tests.factories import submit
from payments.cash import do_record_cash
from payments.models import Mismatch, PaymentRequest
from payments.polling import poll_payments
from payments.tests.finance_fixtures import confirm
from payments.tests.test_bank_callback import SECRET, event, post

pytestmark = pytest.mark.django_db


@pytest.fixture
def payment(settings, world, paid_service):
    settings.SALA_BANK_CALLBACK_SECRET = SECRET
    return submit(world.citizen, paid_service, area=world.tree.village).payment_requests.get()


def only_mismatch() -> Mismatch:
    (mismatch,) = Mismatch.objects.all()
    return mismatch


def test_a_callback_for_an_unknown_bill_is_kept_with_what_arrived(client, payment):
    response = post(client, event(payment, md5="0" * 32, amount="5000", hash="a" * 64))
    assert response.status_code == 202
    mismatch = only_mismatch()
    assert (mismatch.source, mismatch.reason) == ("callback", "unknown")
    assert (mismatch.amount, mismatch.currency) == (Decimal("5000"), "KHR")
    assert mismatch.transaction_hash == "a" * 64 and mismatch.payer_account == "dara@aclb"
    assert mismatch.payment is None and mismatch.office is None
    assert mismatch.paid_at is not None and mismatch.received_at is not None
    assert PaymentRequest.objects.get(pk=payment.pk).status == "pending"
    assert AuditEntry.objects.filter(action="payments.mismatch.recorded").count() == 1


def test_the_same_unknown_payment_sent_again_under_another_event_id_is_kept_once(client, payment):
    post(client, event(payment, md5="0" * 32, hash="a" * 64))
    post(client, event(payment, md5="0" * 32, hash="a" * 64, event_id="evt-2"))
    assert Mismatch.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "reason"),
    [({"amount": "2000"}, "amount"), ({"currency": "USD"}, "currency")],
)
def test_a_wrong_amount_or_currency_is_kept_for_the_bill_and_not_paid(
    client, payment, changes, reason
):
    post(client, event(payment, **changes))
    mismatch = only_mismatch()
    assert (mismatch.reason, mismatch.payment, mismatch.office) == (
        reason, payment, payment.case.office
    )  # fmt: skip
    assert mismatch.reference == payment.reference
    assert PaymentRequest.objects.get(pk=payment.pk).status == "mismatch"


def test_a_callback_after_the_expiry_is_a_late_payment_not_paid(client, payment):
    PaymentRequest.objects.filter(pk=payment.pk).update(
        expires_at=timezone.now() - timedelta(minutes=5)
    )
    post(client, event(payment))
    assert only_mismatch().reason == "expired"
    assert PaymentRequest.objects.get(pk=payment.pk).status == "mismatch"


def test_a_payment_of_a_bill_already_marked_expired_is_a_mismatch(client, payment):
    PaymentRequest.objects.filter(pk=payment.pk).update(
        status="expired", expires_at=timezone.now() - timedelta(days=2)
    )
    post(client, event(payment, paid_at_ms=int(time.time() * 1000)))
    assert only_mismatch().reason == "expired"
    assert PaymentRequest.objects.get(pk=payment.pk).status == "mismatch"


def test_a_second_payment_of_a_paid_bill_is_kept_but_the_same_one_again_is_not(client, payment):
    post(client, event(payment))
    post(client, event(payment, event_id="evt-2"))  # the same transaction, resent
    assert not Mismatch.objects.exists()
    post(client, event(payment, event_id="evt-3", hash="e" * 64))  # paid a second time
    mismatch = only_mismatch()
    assert (mismatch.reason, mismatch.transaction_hash) == ("twice", "e" * 64)
    payment.refresh_from_db()
    assert payment.status == "paid" and payment.transaction_hash == "f" * 64


def test_paid_in_cash_then_in_the_bank_keeps_the_bank_payment_for_a_refund(world, bakong, payment):
    do_record_cash(world.clerk, payment)
    bakong.pay(payment.payload)
    # The cash payment is recorded: the request is no longer asked about.
    assert poll_payments().asked == 0
    confirm(payment, transaction_hash="b" * 64)  # what a later statement or callback says
    assert only_mismatch().reason == "twice"
    assert PaymentRequest.objects.get(pk=payment.pk).payer_account == "cash"


def test_polling_after_the_expiry_records_the_late_payment_as_a_mismatch(bakong, payment):
    PaymentRequest.objects.filter(pk=payment.pk).update(
        expires_at=timezone.now() - timedelta(hours=1)
    )
    bakong.pay(payment.payload)
    poll_payments()
    poll_payments()
    mismatch = only_mismatch()
    assert (mismatch.source, mismatch.reason) == ("bakong", "expired")
    assert PaymentRequest.objects.get(pk=payment.pk).status == "mismatch"
