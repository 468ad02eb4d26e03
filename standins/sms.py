"""A stand-in for the operator's SMS gateway, and a phone page for the demo.

Sending: Sala's `HttpSmsProvider` posts `{"to", "text", "from"}` with a bearer token to
`/send`; the message lands on the phone of that number. Receiving: on the phone page
(`/?number=+855...`) the demo user writes a text to the portal's number; the gateway signs
it as the real one does (`X-Sala-Timestamp`, `X-Sala-Signature`: HMAC-SHA256 of
"<timestamp>.<body>") and posts it to the portal's `/notifications/sms/inbound/`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from standins.base import Handler, StandInServer, escape

DEMO_NUMBER = "+85512345678"


@dataclass
class GatewayState:
    token: str
    inbound_url: str = ""
    inbound_secret: str = ""
    # number -> [("in", text) sent by the phone, ("out", text) received from Sala]
    phones: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    sent: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def receive(self, message: dict[str, Any]) -> str:
        with self.lock:
            self.sent.append(message)
            self.phones.setdefault(str(message.get("to", "")), []).append(
                ("out", str(message.get("text", "")))
            )
            return f"standin-{len(self.sent)}"

    def write(self, number: str, text: str) -> int:
        """Send `text` from `number` to the portal, signed; return the portal's status."""
        with self.lock:
            self.phones.setdefault(number, []).append(("in", text))
        body = json.dumps({"from": number, "text": text}).encode()
        timestamp = str(int(time.time()))
        digest = hmac.new(
            self.inbound_secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256
        )
        request = urllib.request.Request(  # noqa: S310 - the demo portal on loopback
            self.inbound_url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "X-Sala-Timestamp": timestamp,
                "X-Sala-Signature": "sha256=" + digest.hexdigest(),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            return 0

    def texts_to(self, number: str) -> list[str]:
        return [m["text"] for m in self.sent if m.get("to") == number]


class GatewayHandler(Handler):
    def do_POST(self) -> None:
        state: GatewayState = self.stand_in
        if self.path_only == "/send":
            if self.headers.get("Authorization", "") != f"Bearer {state.token}":
                return self.answer_json(401, {"error": "unauthorised"})
            try:
                message = json.loads(self.body() or b"{}")
            except ValueError:
                return self.answer_json(400, {"error": "not JSON"})
            if not message.get("to") or not message.get("text"):
                return self.answer_json(400, {"error": "to and text are needed"})
            return self.answer_json(200, {"id": state.receive(message)})
        if self.path_only == "/write":
            form = self.form()
            number = form.get("number") or DEMO_NUMBER
            if form.get("text", "").strip():
                state.write(number, form["text"].strip())
            return self.redirect(f"/?number={quote(number)}&wait=1")
        return self.answer(404, b"not found", "text/plain")

    def do_GET(self) -> None:
        state: GatewayState = self.stand_in
        if self.path_only != "/":
            return self.answer(404, b"not found", "text/plain")
        number = self.query.get("number") or DEMO_NUMBER
        with state.lock:
            messages = list(state.phones.get(number, []))
            numbers = sorted(state.phones)
        waiting = self.query.get("wait") == "1" and (not messages or messages[-1][0] == "in")
        return self.answer_page("SMS (demo)", _phone_page(number, numbers, messages, waiting))


def _phone_page(
    number: str, numbers: list[str], messages: list[tuple[str, str]], waiting: bool
) -> str:
    parts = []
    if waiting:
        parts.append(f"<meta http-equiv=refresh content='2; url=/?number={quote(number)}&wait=1'>")
    parts += [
        f"<h1>SMS {escape(number)}</h1>",
        "<p class=note>ទូរស័ព្ទសាកល្បង: សារ SMS ដែលសាលាផ្ញើទៅលេខនេះ ហើយសារដែលអ្នកផ្ញើទៅសាលា។ "
        "Demo phone: the text messages Sala sends to this number, and yours to Sala.</p>",
        "<form method=get action=/><label for=number>លេខ / Number</label> "
        f"<input id=number name=number type=text value='{escape(number)}'> "
        "<button type=submit>បើក / Open</button></form>",
    ]
    if numbers:
        links = " · ".join(f"<a href='/?number={quote(n)}'>{escape(n)}</a>" for n in numbers)
        parts.append(f"<p>{links}</p>")
    parts.append("<div class=chat>")
    for direction, text in messages:
        side = "out" if direction == "in" else "in"
        parts.append(f"<div class='msg {side}'>{escape(text)}</div>")
    parts.append("</div>")
    parts.append(
        "<form class=send method=post action=/write>"
        f"<input type=hidden name=number value='{escape(number)}'>"
        "<label for=text class=visually-hidden>សារ / Message</label>"
        "<input id=text name=text type=text autocomplete=off autofocus "
        "placeholder='សរសេរទៅសាលា / Write to Sala'>"
        "<button type=submit>ផ្ញើ / Send</button></form>"
        f"<p><a href='/?number={quote(number)}'>ផ្ទុកឡើងវិញ / Refresh</a></p>"
    )
    return "".join(parts)


def start(
    token: str, inbound_url: str = "", inbound_secret: str = "", port: int = 0
) -> tuple[StandInServer, GatewayState]:
    state = GatewayState(token=token, inbound_url=inbound_url, inbound_secret=inbound_secret)
    return StandInServer(state, GatewayHandler, port).start(), state
