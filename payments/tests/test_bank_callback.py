"""A bank's signed payment callback: forged, late, replayed or duplicated callbacks are
refused or change nothing; a wrong amount or currency is a mismatch; paid once."""

from __future__ import annotations

import json
import time

import pytest

from cases.tests.factories import submit
from payments.callbacks import signature
from payments.models import PaymentRequest

pytestmark = pytest.mark.django_db

SECRET = "bank-shared-secret"
URL = "/payments/callback/bank/"


@pytest.fixture
def payment(settings, world, paid_service):
    settings.SALA_BANK_CALLBACK_SECRET = SECRET
    return submit(world.citizen, paid_service, area=world.tree.village).payment_requests.get()


def post(client, body: dict, *, secret=SECRET, timestamp=None, raw=None):
    data = raw if raw is not None else json.dumps(body).encode()
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    return client.post(
        URL,
        data,
        content_type="application/json",
        headers={"X-Sala-Timestamp": stamp, "X-Sala-Signature": signature(secret, stamp, data)},
    )


def event(payment, **changes) -> dict:
    return {
        "event_id": "evt-1",
        "md5": payment.md5,
        "amount": "20000",
        "currency": "KHR",
        "hash": "f" * 64,
        "from_account": "dara@aclb",
        "paid_at_ms": int(time.time() * 1000),
    } | changes


def status(payment) -> str:
    return PaymentRequest.objects.get(pk=payment.pk).status


def test_a_signed_callback_marks_the_payment_paid(client, payment):
    response = post(client, event(payment))
    assert response.status_code == 200 and response.json()["status"] == "paid"
    assert status(payment) == "paid"


def test_a_forged_signature_is_refused_and_nothing_changes(client, payment):
    assert post(client, event(payment), secret="guessed").status_code == 403
    assert status(payment) == "pending"


def test_a_late_timestamp_is_refused(client, payment):
    assert post(client, event(payment), timestamp=int(time.time()) - 3600).status_code == 403
    assert status(payment) == "pending"


def test_a_replayed_event_is_refused_and_a_duplicate_payment_is_paid_once(client, payment):
    assert post(client, event(payment)).status_code == 200
    assert post(client, event(payment)).status_code == 409
    assert post(client, event(payment, event_id="evt-2", hash="e" * 64)).status_code == 200
    payment.refresh_from_db()
    assert payment.status == "paid" and payment.transaction_hash == "f" * 64


@pytest.mark.parametrize("changes", [{"amount": "2000"}, {"currency": "USD"}])
def test_a_wrong_amount_or_currency_is_a_mismatch(client, payment, changes):
    assert post(client, event(payment, **changes)).json()["status"] == "mismatch"
    assert status(payment) == "mismatch"


def test_an_unknown_bill_is_not_recorded_and_bad_bodies_are_refused(client, payment):
    assert post(client, event(payment, md5="0" * 32)).status_code == 202
    assert post(client, {}, raw=b"not json").status_code == 400
    assert post(client, {"event_id": "x"}).status_code == 400
    assert status(payment) == "pending"


def test_without_a_secret_callbacks_are_refused(client, settings, payment):
    settings.SALA_BANK_CALLBACK_SECRET = ""
    assert post(client, event(payment)).status_code == 503
