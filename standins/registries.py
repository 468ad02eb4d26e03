"""Stand-ins for two national registries reached through CamDX (Cambodia's data exchange,
an X-Road instance): the population register and the business register.

Each simulator plays the registry and its CamDX security server together, in the X-Road
REST model:

- The portal calls `GET /r1/{service id}/{record id}`, e.g.
  `/r1/KH/GOV/MOI/POPULATION/person/012345678`, with the headers `X-Road-Client` (its own
  subsystem, `KH/GOV/SALA/PORTAL`), `X-Road-UserId` (the citizen the call is about or for),
  `X-Road-Issue` (the case reference) and `X-Road-Request-Id` (a new id per call).
- The answer carries `X-Road-Id` (the exchange's id of the message), echoes
  `X-Road-Client`, `X-Road-Service` and `X-Road-Request-Id`, and is signed by the
  registry with its own Ed25519 key: `X-Registry-Signature: <base64>` over
  "<request id>\\n<service id>\\n<record id>\\n" followed by the body. The portal holds the
  public key (`public_key_pem`).
- Errors are X-Road's JSON: `{"type": "Client.InvalidClient" | "Server.ServiceFailed"…,
  "message": …}`; an unknown record is 404.

Every message is kept in the simulator's own message log (`log`, shown on its page `/`).
Tests break it the ways a real exchange can fail (`POST /test/mode/`): "slow" (answers
after `delay` seconds), "wrong" (answers about another record), "bad_signature" (signed
with another key), "ok".
"""

from __future__ import annotations

import base64
import json
import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from standins.base import Handler, StandInServer, escape

POPULATION_SERVICE = "KH/GOV/MOI/POPULATION/person"
BUSINESS_SERVICE = "KH/GOV/MOC/BUSINESS/company"
PORTAL_CLIENT = "KH/GOV/SALA/PORTAL"

# The demo citizens of the CamDigiKey stand-in (standins.camdigikey.people) and the demo
# `citizen` account, as the population register knows them. All made up (demo only).
PEOPLE: dict[str, dict[str, Any]] = {
    "012345678": {
        "name_km": "ចាន់ សុខា",
        "name_latin": "CHAN SOKHA",
        "date_of_birth": "1988-02-14",
        "address": {
            "km": "ផ្ទះលេខ ១២ ផ្លូវ ១៣៦ សង្កាត់ផ្សារថ្មីទី១ ខណ្ឌដូនពេញ រាជធានីភ្នំពេញ",
            "en": "House 12, Street 136, Sangkat Phsar Thmei Ti Muoy, Khan Daun Penh, Phnom Penh",
        },
    },
    "023456789": {
        "name_km": "លី វណ្ណា",
        "name_latin": "LY VANNA",
        "date_of_birth": "1975-11-09",
        "address": {
            "km": "ភូមិវត្តបូព៌ សង្កាត់សាលាកំរើក ក្រុងសៀមរាប ខេត្តសៀមរាប",
            "en": "Phum Wat Bo, Sangkat Sala Kamraeuk, Siem Reap town, Siem Reap",
        },
    },
    "110345672": {
        "name_km": "កែវ ស្រីមុំ",
        "name_latin": "KEO SREYMOM",
        "date_of_birth": "1996-07-30",
        "address": {
            "km": "ភូមិរំចេក៤ សង្កាត់រតនៈ ក្រុងបាត់ដំបង ខេត្តបាត់ដំបង",
            "en": "Phum Rumchek 4, Sangkat Rattanak, Battambang town, Battambang",
        },
    },
}

COMPANIES: dict[str, dict[str, Any]] = {
    "00012345": {
        "name_km": "ក្រុមហ៊ុន សុខា កាហ្វេ ឯ.ក",
        "name_en": "SOKHA COFFEE CO., LTD.",
        "number": "00012345",
        "directors": [{"name_km": "ចាន់ សុខា", "name_latin": "CHAN SOKHA"}],
    },
    "00054321": {
        "name_km": "ក្រុមហ៊ុន អង្គរ ដឹកជញ្ជូន ឯ.ក",
        "name_en": "ANGKOR TRANSPORT CO., LTD.",
        "number": "00054321",
        "directors": [
            {"name_km": "លី វណ្ណា", "name_latin": "LY VANNA"},
            {"name_km": "កែវ ស្រីមុំ", "name_latin": "KEO SREYMOM"},
        ],
    },
}

MODES = ("ok", "slow", "wrong", "bad_signature")


def new_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def public_key_pem(key: Ed25519PrivateKey) -> str:
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def signed_bytes(request_id: str, service: str, record_id: str, body: bytes) -> bytes:
    return f"{request_id}\n{service}\n{record_id}\n".encode() + body


@dataclass
class RegistryState:
    name: str
    service: str
    records: dict[str, dict[str, Any]]
    key: Ed25519PrivateKey = field(default_factory=new_key)
    allowed_clients: tuple[str, ...] = (PORTAL_CLIENT,)
    mode: str = "ok"
    delay: float = 5.0
    log: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    stopping: threading.Event = field(default_factory=threading.Event)

    @property
    def public_key_pem(self) -> str:
        return public_key_pem(self.key)

    def answer(self, record_id: str, headers: dict[str, str]) -> tuple[int, dict, dict]:
        """Return (status, body, headers) for a lookup of `record_id`."""
        client = headers.get("X-Road-Client", "")
        request_id = headers.get("X-Road-Request-Id", "")
        message_id = str(uuid.uuid4())
        with self.lock:
            mode = self.mode
            self.log.append(
                {
                    "at": datetime.now(UTC).isoformat(timespec="seconds"),
                    "x_road_id": message_id,
                    "client": client,
                    "user_id": headers.get("X-Road-UserId", ""),
                    "issue": headers.get("X-Road-Issue", ""),
                    "request_id": request_id,
                    "record": record_id,
                    "mode": mode,
                }
            )
        base = {"X-Road-Id": message_id, "X-Road-Client": client, "X-Road-Service": self.service}
        if client not in self.allowed_clients:
            error = {"type": "Client.InvalidClient", "message": "Unknown or unauthorised client"}
            return 403, error, base
        if not request_id:
            return 400, {"type": "Client.BadRequest", "message": "X-Road-Request-Id missing"}, base
        answered_id = record_id
        if mode == "wrong":
            answered_id = next((other for other in self.records if other != record_id), record_id)
        record = self.records.get(answered_id)
        if record is None:
            return 404, {"type": "Server.ServiceFailed", "message": "No such record"}, base
        if mode == "slow":
            self.stopping.wait(self.delay)
        body = {
            "id": answered_id,
            "record": record,
            "issued_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        data = json.dumps(body, ensure_ascii=False, sort_keys=True).encode()
        key = new_key() if mode == "bad_signature" else self.key
        signature = key.sign(signed_bytes(request_id, self.service, answered_id, data))
        return (
            200,
            body,
            {
                **base,
                "X-Road-Request-Id": request_id,
                "X-Registry-Signature": base64.b64encode(signature).decode(),
            },
        )


class RegistryHandler(Handler):
    def do_GET(self) -> None:
        state: RegistryState = self.stand_in
        prefix = f"/r1/{state.service}/"
        if self.path_only.startswith(prefix):
            record_id = self.path_only[len(prefix) :].strip("/")
            status, body, headers = state.answer(record_id, dict(self.headers.items()))
            data = json.dumps(body, ensure_ascii=False, sort_keys=True).encode()
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        elif self.path_only == "/":
            self.answer_page(state.name, self.log_page(state))
        elif self.path_only == "/test/log/":
            with state.lock:
                self.answer_json(200, state.log)
        else:
            self.answer_json(404, {"type": "Client.BadRequest", "message": "Unknown service"})

    def do_POST(self) -> None:
        state: RegistryState = self.stand_in
        if self.path_only == "/test/mode/":
            data = json.loads(self.body() or b"{}")
            if data.get("mode") not in MODES:
                self.answer_json(400, {"modes": MODES})
                return
            with state.lock:
                state.mode = data["mode"]
                state.delay = float(data.get("delay", state.delay))
            self.answer_json(200, {"mode": state.mode, "delay": state.delay})
        else:
            self.answer_json(404, {})

    def log_page(self, state: RegistryState) -> str:
        with state.lock:
            rows = "".join(
                f"<li>{escape(entry['at'])}: {escape(entry['client'])} asked about "
                f"{escape(entry['record'])} for {escape(entry['user_id'])}, case "
                f"{escape(entry['issue'] or '-')}</li>"
                for entry in reversed(state.log[-50:])
            )
        return (
            f"<h1>{escape(state.name)}</h1>"
            '<p class="note">Demo only (សាកល្បងប៉ុណ្ណោះ): a stand-in registry on CamDX. '
            f"Service <code>{escape(state.service)}</code>.</p>"
            f"<h2>Message log</h2><ul>{rows or '<li>No message yet.</li>'}</ul>"
        )


def start(
    name: str, service: str, records: dict[str, dict[str, Any]], port: int = 0
) -> tuple[StandInServer, RegistryState]:
    state = RegistryState(name=name, service=service, records=records)
    return StandInServer(state, RegistryHandler, port).start(), state


def start_population(port: int = 0) -> tuple[StandInServer, RegistryState]:
    return start("Population register (demo)", POPULATION_SERVICE, PEOPLE, port)


def start_business(port: int = 0) -> tuple[StandInServer, RegistryState]:
    return start("Business register (demo)", BUSINESS_SERVICE, COMPANIES, port)
