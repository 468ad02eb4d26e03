"""Bakong down or slow: the poll retries within the run with a growing pause, marks
nothing paid that was not, and loses nothing (what was not asked is asked next time)."""

from __future__ import annotations

import time

import pytest

from cases.tests.factories import submit
from payments.models import PaymentRequest
from payments.polling import poll_payments
from payments.providers import MAX_MD5_LIST, provider
from payments.requesting import do_request_payment

pytestmark = pytest.mark.django_db

CHECK = "/v1/check_transaction_by_md5_list"


@pytest.fixture
def retries(settings, bakong):
    """Three attempts, 50 ms apart at first. The stand-in answers at once, but a busy CI
    machine may take longer than the tests' usual 1 s timeout, which would be a failure
    the test did not ask for; the test of a slow provider sets its own timeout."""
    settings.SALA_BAKONG_ATTEMPTS = 3
    settings.SALA_BAKONG_RETRY_PAUSE_MS = 50
    settings.SALA_BAKONG_TIMEOUT = 10
    return bakong


@pytest.fixture
def payment(world, paid_service):
    return submit(world.citizen, paid_service, area=world.tree.village).payment_requests.get()


def test_a_provider_that_fails_twice_then_answers_is_asked_again_in_the_same_run(retries, payment):
    retries.pay(payment.payload)
    retries.failures = 2
    started = time.monotonic()
    result = poll_payments()
    assert (result.recorded, result.failed) == (1, False)
    assert retries.calls.count(CHECK) == 3
    assert time.monotonic() - started >= 0.05 + 0.1  # paused 50 ms, then 100 ms
    assert PaymentRequest.objects.get(pk=payment.pk).status == "paid"


def test_a_provider_still_down_after_the_retries_marks_nothing_and_the_next_run_does(
    retries, payment
):
    retries.pay(payment.payload)
    retries.failures = 3
    result = poll_payments()
    assert result.failed and result.recorded == 0
    assert retries.calls.count(CHECK) == 3
    assert PaymentRequest.objects.get(pk=payment.pk).status == "pending"
    assert poll_payments().recorded == 1


def test_a_provider_slower_than_the_timeout_is_retried_then_given_up(retries, settings, payment):
    settings.SALA_BAKONG_ATTEMPTS = 2
    settings.SALA_BAKONG_TIMEOUT = 1
    retries.pay(payment.payload)
    retries.mode, retries.delay = "slow", 3.0
    assert poll_payments().failed
    assert retries.calls.count(CHECK) == 2
    assert PaymentRequest.objects.get(pk=payment.pk).status == "pending"


def test_a_refusal_is_not_retried(retries, settings, payment):
    settings.SALA_BAKONG_TOKEN, settings.SALA_BAKONG_EMAIL = "expired", "nobody@x"
    assert poll_payments().failed
    assert retries.calls.count(CHECK) == 1


def test_when_a_later_batch_fails_the_earlier_ones_are_recorded_and_the_rest_asked_next(
    retries, settings, world, paid_service
):
    settings.SALA_BAKONG_ATTEMPTS = 1
    payments = [
        submit(world.citizen, paid_service, area=world.tree.village).payment_requests.get()
        for _ in range(MAX_MD5_LIST + 1)
    ]
    for payment in payments:
        retries.pay(payment.payload)

    class FailsAfterOneBatch:
        """The stand-in goes down once it has answered the first batch."""

        def __init__(self) -> None:
            self.inner = provider()

        def confirmations(self, md5s):
            found = self.inner.confirmations(md5s)
            retries.mode = "down"
            return found

    result = poll_payments(FailsAfterOneBatch())
    assert (result.asked, result.recorded, result.failed) == (MAX_MD5_LIST, MAX_MD5_LIST, True)
    left = PaymentRequest.objects.filter(status="pending")
    assert left.count() == 1 and left.get().checked_at is None
    retries.mode = "ok"
    assert poll_payments().recorded == 1
    assert PaymentRequest.objects.filter(status="paid").count() == MAX_MD5_LIST + 1


def test_a_renewed_payment_code_while_the_provider_is_down_is_not_lost(retries, world, payment):
    retries.mode = "down"
    assert poll_payments().failed
    assert do_request_payment(world.citizen, payment.case) == payment  # still the same bill
