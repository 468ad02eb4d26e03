"""A stand-in for the Bakong Open API (the NBC's payment network) and the banking app
that pays a KHQR.

The API part speaks the shape of Bakong Open API v1.0.2: JSON bodies, `Authorization:
Bearer <token>`, answers `{"responseCode": 0|1, "responseMessage", "errorCode", "data"}`.

- `POST /v1/check_transaction_by_md5` `{"md5": …}`: the transaction paid with the
  payload of that MD5 (`data`: hash, fromAccountId, toAccountId, currency, amount,
  createdDateMs, acknowledgedDateMs), or errorCode 1 (not found).
- `POST /v1/check_transaction_by_md5_list` `[md5, …]` (at most 50): `data` is a list of
  `{"md5", "status": "SUCCESS" | "NOT_FOUND", "message", "data"}`.
- `POST /v1/renew_token` `{"email": …}`: a new token for a registered email (the old one
  stops working). A wrong or expired token gets 401 with errorCode 6.

The "banking app" is the page `/pay/`: paste a KHQR (or open `/pay/?qr=…`), see the
amount and the payee as a banking app shows them, and pay; the transaction is then found
by the payload's MD5. Tests break it (`POST /test/mode/`): "down" (500 to every API call),
"slow" (answers after `delay` seconds), "ok"; `failures=N` makes only the next N API
calls answer 500 (a provider that comes back).
"""

from __future__ import annotations

import hashlib
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from payments import khqr
from standins.base import Handler, StandInServer, escape

MAX_MD5_LIST = 50
DEMO_EMAIL = "fees@sala.gov.kh"
PAYER_ACCOUNT = "dara_demo@aclb"


@dataclass
class BakongState:
    email: str = DEMO_EMAIL
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    transactions: dict[str, dict[str, Any]] = field(default_factory=dict)
    mode: str = "ok"
    delay: float = 0.0
    failures: int = 0
    calls: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    stopping: threading.Event = field(default_factory=threading.Event)

    def pay(self, payload: str, *, payer: str = PAYER_ACCOUNT) -> dict[str, Any]:
        """Pay the KHQR as a banking app would; paying the same payload again does not
        make a second transaction."""
        data = khqr.decode(payload)
        digest = khqr.md5(payload)
        now = int(time.time() * 1000)
        with self.lock:
            return self.transactions.setdefault(
                digest,
                {
                    "hash": hashlib.sha256(f"{payload}{now}".encode()).hexdigest(),
                    "fromAccountId": payer,
                    "toAccountId": data.account_id,
                    "currency": data.currency,
                    "amount": float(data.amount or Decimal(0)),
                    "description": data.bill_number,
                    "createdDateMs": now,
                    "acknowledgedDateMs": now,
                },
            )

    def take_failure(self) -> bool:
        """Whether this call is one of the `failures` still to answer with a 500."""
        with self.lock:
            if self.failures <= 0:
                return False
            self.failures -= 1
            return True

    def reset(self) -> None:
        with self.lock:
            self.transactions.clear()
            self.calls.clear()
            self.mode, self.delay, self.failures = "ok", 0.0, 0


def answer(data: Any = None, *, code: int = 0, message: str = "", error: int | None = None):
    return {"responseCode": code, "responseMessage": message, "errorCode": error, "data": data}


NOT_FOUND = "Transaction could not be found. Please check and try again."
UNAUTHORIZED = "Unauthorized, not yet requested for token or code invalid"


class BakongHandler(Handler):
    def do_GET(self) -> None:
        if self.path_only == "/pay/":
            self.pay_page(self.query.get("qr", ""))
        elif self.path_only == "/":
            self.answer_page("Bakong stand-in", self.index())
        else:
            self.answer_json(404, answer(code=1, message="Not found", error=5))

    def do_POST(self) -> None:
        state: BakongState = self.stand_in
        if self.path_only == "/pay/":
            return self.pay(self.form().get("qr", ""))
        if self.path_only == "/test/mode/":
            form = self.form()
            state.mode, state.delay = form.get("mode", "ok"), float(form.get("delay", 0))
            state.failures = int(form.get("failures", 0))
            return self.answer_json(200, {"mode": state.mode})
        state.calls.append(self.path_only)
        raw = self.body()  # read first: a keep-alive connection must not keep it unread
        if state.mode == "slow":
            state.stopping.wait(state.delay)
        if state.mode == "down" or state.take_failure():
            return self.answer(500, b"Internal Server Error", "text/plain")
        try:
            body = json.loads(raw or b"null")
        except ValueError:
            return self.answer_json(400, answer(code=1, message="Missing required fields", error=5))
        if self.path_only == "/v1/renew_token":
            return self.renew(body)
        if self.headers.get("Authorization") != f"Bearer {state.token}":
            return self.answer_json(401, answer(code=1, message=UNAUTHORIZED, error=6))
        return self.api(body)

    def api(self, body: Any) -> None:
        state: BakongState = self.stand_in
        if self.path_only == "/v1/check_transaction_by_md5":
            found = state.transactions.get((body or {}).get("md5", ""))
            if found is None:
                return self.answer_json(200, answer(code=1, message=NOT_FOUND, error=1))
            return self.answer_json(200, answer(found, message="Getting transaction successfully."))
        if self.path_only == "/v1/check_transaction_by_md5_list":
            return self.check_list(body)
        return self.answer_json(404, answer(code=1, message="Not found", error=5))

    def renew(self, body: Any) -> None:
        state: BakongState = self.stand_in
        if not isinstance(body, dict) or body.get("email") != state.email:
            return self.answer_json(200, answer(code=1, message="Not registered yet", error=10))
        state.token = secrets.token_urlsafe(24)
        self.answer_json(200, answer({"token": state.token}, message="Token has been issued"))

    def check_list(self, body: Any) -> None:
        state: BakongState = self.stand_in
        if not isinstance(body, list) or not 0 < len(body) <= MAX_MD5_LIST:
            return self.answer_json(
                200, answer(code=1, message=f"Send 1 to {MAX_MD5_LIST} md5 values", error=5)
            )
        results = []
        for digest in body:
            found = state.transactions.get(str(digest))
            results.append(
                {"md5": digest, "status": "SUCCESS", "message": "Transaction found", "data": found}
                if found
                else {"md5": digest, "status": "NOT_FOUND", "message": NOT_FOUND, "data": None}
            )
        self.answer_json(200, answer(results, message="Getting transaction successfully."))

    def pay_page(self, payload: str, note: str = "") -> None:
        body = "<h1>ធនាគារ (សាកល្បង) · Demo bank</h1>"
        body += '<p class="note">ទំព័រសាកល្បង មិនមែនធនាគារពិតទេ។ A stand-in for a banking app.</p>'
        if note:
            body += f'<p class="note" role="status">{escape(note)}</p>'
        if payload:
            try:
                data = khqr.decode(payload)
            except khqr.KHQRError as error:
                body += f'<p class="note" role="alert">{escape(error)}</p>'
            else:
                amount = f"{data.amount} {data.currency}"
                body += (
                    f"<p>Pay to / បង់ទៅ: <strong>{escape(data.merchant_name)}</strong> "
                    f"<span lang='km'>{escape(data.name_km)}</span><br>"
                    f"Amount / ទឹកប្រាក់: <strong>{escape(amount)}</strong><br>"
                    f"Bill / វិក្កយបត្រ: {escape(data.bill_number)}</p>"
                )
        body += (
            '<form method="post" action="/pay/"><p><label for="qr">KHQR</label><br>'
            f'<textarea id="qr" name="qr" rows="5" cols="40">{escape(payload)}</textarea></p>'
            '<p><button type="submit">Pay / បង់ប្រាក់</button></p></form>'
        )
        self.answer_page("Demo bank", body)

    def pay(self, payload: str) -> None:
        state: BakongState = self.stand_in
        try:
            state.pay(payload.strip())
        except khqr.KHQRError as error:
            return self.pay_page(payload, f"Cannot pay: {error}")
        self.pay_page("", "បានបង់រួចហើយ។ ត្រឡប់ទៅវិបផតថលវិញ។ Paid: go back to the portal.")

    def index(self) -> str:
        state: BakongState = self.stand_in
        rows = "".join(
            f"<li>{escape(t['description'])}: {escape(t['amount'])} {escape(t['currency'])}</li>"
            for t in state.transactions.values()
        )
        return f"<h1>Bakong stand-in</h1><p><a href='/pay/'>Pay a KHQR</a></p><ul>{rows}</ul>"


def start(port: int = 0) -> tuple[StandInServer, BakongState]:
    state = BakongState()
    return StandInServer(state, BakongHandler, port).start(), state
