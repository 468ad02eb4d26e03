"""The demo payments: two demo services with fees, one payment paid (with its receipt) and
one waiting."""

from __future__ import annotations

import pytest

from demo.cases import load_demo_cases
from demo.payments import load_demo
from demo.tests.test_cases import daun_penh  # noqa: F401
from payments.models import PaymentRequest
from services.models import Service

pytestmark = pytest.mark.django_db


def test_two_services_charge_and_one_payment_is_paid_one_waits(
    daun_penh,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    load_demo_cases()
    with django_capture_on_commit_callbacks(execute=True):
        counts = load_demo()
    assert (counts.services, counts.requests, counts.paid) == (2, 2, 1)
    assert Service.objects.filter(slug__startswith="demo-", fee_kind="fixed").count() == 2
    paid = PaymentRequest.objects.get(status="paid")
    waiting = PaymentRequest.objects.get(status="pending")
    assert (paid.amount, paid.currency) == (20000, "KHR")
    assert paid.receipt is not None and paid.receipt.kind == "receipt"
    assert (waiting.amount, waiting.currency) == (12.5, "USD") and waiting.is_waiting
    again = load_demo()
    assert (again.services, again.requests, again.paid) == (0, 0, 0)
    assert PaymentRequest.objects.count() == 2
