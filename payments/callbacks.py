"""A bank's payment callback: an HMAC-signed webhook saying a KHQR was paid.

The bank posts JSON `{"event_id", "md5", "amount", "currency", "hash", "from_account",
"paid_at_ms"}` with `X-Sala-Timestamp` (seconds) and `X-Sala-Signature: sha256=<hex>`, the
HMAC-SHA256 with `SALA_BANK_CALLBACK_SECRET` of "<timestamp>.<body>". Refused: a missing or
wrong signature, a timestamp more than five minutes away, a replayed event id; an amount
or currency other than the bill's is recorded as a mismatch (`do_record_payment`).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction

from payments.models import CallbackEvent, PaymentRequest, Source
from payments.requesting import Confirmation, do_record_payment

SIGNATURE_WINDOW_SECONDS = 300
MAX_BODY_BYTES = 10_000


class CallbackError(Exception):
    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def signature(secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + digest.hexdigest()


def check_signed(secret: str, timestamp: str, given: str, body: bytes) -> None:
    if len(body) > MAX_BODY_BYTES:
        raise CallbackError("too large", 413)
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > SIGNATURE_WINDOW_SECONDS:
        raise CallbackError("stale or missing timestamp", 403)
    if not hmac.compare_digest(given, signature(secret, timestamp, body)):
        raise CallbackError("bad signature", 403)


def parse(body: bytes) -> tuple[str, Confirmation]:
    try:
        data = json.loads(body)
        event_id = str(data["event_id"])[:64]
        return event_id, Confirmation(
            md5=str(data["md5"])[:32],
            amount=Decimal(str(data["amount"])).quantize(Decimal("0.01")),
            currency=str(data["currency"]),
            transaction_hash=str(data.get("hash", ""))[:64],
            payer_account=str(data.get("from_account", ""))[:64],
            paid_at=datetime.fromtimestamp(int(data["paid_at_ms"]) / 1000, tz=UTC),
            source=Source.BANK_CALLBACK,
        )
    except (ValueError, KeyError, TypeError, InvalidOperation) as exc:
        raise CallbackError("the body is not a payment callback", 400) from exc


def do_receive_callback(event_id: str, confirmation: Confirmation) -> PaymentRequest | None:
    """Record the callback's payment once; a replayed event id is refused."""
    try:
        with transaction.atomic():
            CallbackEvent.objects.create(event_id=event_id, md5=confirmation.md5)
            return do_record_payment(confirmation)
    except IntegrityError as exc:
        raise CallbackError("this event was already received", 409) from exc
