"""Asking the Bakong stand-in (a real HTTP server) what was paid: paid once, nothing
marked when it is down or slow, the token renewed, batches of at most 50."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from cases.tests.factories import submit
from payments.models import PaymentRequest
from payments.polling import poll_payments
from payments.providers import MAX_MD5_LIST, BakongOpenAPI
from payments.tasks import poll_payments as poll_task

pytestmark = pytest.mark.django_db


@pytest.fixture
def payment(world, paid_service):
    return submit(world.citizen, paid_service, area=world.tree.village).payment_requests.get()


def test_a_payment_made_in_the_bank_is_found_and_recorded_once(bakong, payment):
    assert poll_payments().recorded == 0
    bakong.pay(payment.payload)
    bakong.pay(payment.payload)  # a double-clicked "pay" in the banking app
    assert poll_payments().recorded == 1
    poll_payments()  # confirmed again on the next run
    payment.refresh_from_db()
    assert payment.status == "paid"
    assert payment.payer_account == "dara_demo@aclb"
    assert PaymentRequest.objects.filter(status="paid").count() == 1


def test_the_task_does_the_same(bakong, payment):
    bakong.pay(payment.payload)
    result = poll_task.call()
    assert result == {"asked": 1, "recorded": 1, "failed": False, "reminded": 0}


@pytest.mark.parametrize("mode", ["down", "slow"])
def test_when_bakong_is_down_or_slow_nothing_is_marked_and_the_next_run_finds_it(
    bakong, payment, mode
):
    bakong.pay(payment.payload)
    bakong.mode, bakong.delay = mode, 3.0
    assert poll_payments().failed
    payment.refresh_from_db()
    assert payment.status == "pending" and payment.checked_at is None
    bakong.mode = "ok"
    assert poll_payments().recorded == 1


def test_an_expired_token_is_renewed_once(bakong, settings, payment):
    settings.SALA_BAKONG_TOKEN = "expired-token"
    bakong.pay(payment.payload)
    assert poll_payments().recorded == 1
    assert "/v1/renew_token" in bakong.calls


def test_an_unregistered_email_cannot_renew_and_nothing_is_marked(bakong, settings, payment):
    settings.SALA_BAKONG_TOKEN, settings.SALA_BAKONG_EMAIL = "expired-token", "nobody@x"
    bakong.pay(payment.payload)
    assert poll_payments().failed
    payment.refresh_from_db()
    assert payment.status == "pending"


def test_more_than_fifty_are_asked_in_batches(bakong, settings):
    client = BakongOpenAPI(settings.SALA_BAKONG_API_URL, bakong.token, bakong.email)
    md5s = [f"{n:032x}" for n in range(MAX_MD5_LIST * 2 + 1)]
    assert client.confirmations(md5s) == []
    assert bakong.calls.count("/v1/check_transaction_by_md5_list") == 3


def test_a_payment_after_the_expiry_is_a_mismatch_and_old_requests_expire(bakong, payment):
    PaymentRequest.objects.filter(pk=payment.pk).update(
        expires_at=timezone.now() - timedelta(hours=1)
    )
    bakong.pay(payment.payload)
    poll_payments()
    payment.refresh_from_db()
    assert payment.status == "mismatch"


def test_requests_long_past_their_expiry_are_marked_expired(bakong, payment):
    PaymentRequest.objects.filter(pk=payment.pk).update(
        expires_at=timezone.now() - timedelta(days=2)
    )
    poll_payments()
    payment.refresh_from_db()
    assert payment.status == "expired"
