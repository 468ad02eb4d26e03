"""Fixtures for the reconciliation tests: a finance officer of the world's hall, another of
the other hall, and payments of the hall in riel and dollars (paid, waiting, expired)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from cases.tests.factories import submit
from payments.models import PaymentRequest
from payments.requesting import Confirmation, do_record_payment


@dataclass
class Books:
    """The hall's payments: `paid` (20,000 riel), `waiting` (20,000 riel), `expired`
    (20,000 riel, past its expiry) and `dollars` (12.50 USD, paid)."""

    paid: PaymentRequest
    waiting: PaymentRequest
    expired: PaymentRequest
    dollars: PaymentRequest


@pytest.fixture
def finance(world):
    from accounts.tests.factories import create_user, grant

    officer = create_user("sreymom")
    grant(officer, world.hall, "finance-officer")
    return officer


@pytest.fixture
def other_finance(world):
    from accounts.tests.factories import create_user, grant

    officer = create_user("vannak")
    grant(officer, world.other_hall, "finance-officer")
    return officer


def confirm(payment: PaymentRequest, **changes) -> PaymentRequest | None:
    """What the bank would say for a payment of the bill (changed by `changes`)."""
    fields = {
        "md5": payment.md5,
        "amount": payment.amount,
        "currency": payment.currency,
        "transaction_hash": f"hash-{payment.pk}",
        "payer_account": "dara@aclb",
        "paid_at": timezone.now(),
    } | changes
    return do_record_payment(Confirmation(**fields))


@pytest.fixture
def books(world, paid_service, dollar_service) -> Books:
    def new(service) -> PaymentRequest:
        return submit(world.citizen, service, area=world.tree.village).payment_requests.get()

    paid, waiting, expired, dollars = (
        new(paid_service), new(paid_service), new(paid_service), new(dollar_service)
    )  # fmt: skip
    PaymentRequest.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - timedelta(hours=1)
    )
    confirm(paid)
    confirm(dollars)
    for payment in (paid, waiting, expired, dollars):
        payment.refresh_from_db()
    assert dollars.amount == Decimal("12.50") and dollars.status == "paid"
    return Books(paid, waiting, expired, dollars)
