"""The CamDX adapter: one class for every registry the portal asks, in X-Road's REST model.

A call is `GET {url}/r1/{service id}/{record id}` with:

- `X-Road-Client`: the portal's subsystem on the exchange (`SALA_CAMDX_CLIENT`, e.g.
  `KH/GOV/SALA/PORTAL`), the service in the path (`KH/GOV/MOI/POPULATION/person`);
- `X-Road-UserId`: the citizen the call is for (their national ID number);
- `X-Road-Issue`: the case reference the call is made for;
- `X-Road-Request-Id`: a new id for each call, which the answer must echo.

An answer is accepted only if it comes in time (the outbound client's timeouts and
deadline), echoes the client, service and request id, is about the record asked for, and
carries the registry's Ed25519 signature (`X-Registry-Signature`, over "<request id>\\n
<service>\\n<record id>\\n" and the body) that the registry's public key verifies. Anything
else raises `Refused` with its `outcome` (a `Lookup.Outcome` value). Each registry is
configured in `SALA_CAMDX_REGISTRIES` ({name: {"url", "service", "public_key"}}).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import time
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from django.conf import settings

from core.outbound import OutboundClient, OutboundError


class NotConfigured(Exception):
    """The registry is not configured (`SALA_CAMDX_REGISTRIES`)."""


class Refused(Exception):
    """The registry's answer was not accepted; `outcome` says why (a Lookup.Outcome)."""

    def __init__(self, outcome: str, detail: str, **facts: Any) -> None:
        super().__init__(detail)
        self.outcome, self.detail, self.facts = outcome, detail, facts


@dataclass(frozen=True)
class Answer:
    record: dict[str, Any]
    request_id: str
    x_road_id: str
    response_hash: str
    duration_ms: int


def signed_bytes(request_id: str, service: str, record_id: str, body: bytes) -> bytes:
    return f"{request_id}\n{service}\n{record_id}\n".encode() + body


class CamdxClient:
    """Asks one registry on CamDX for one record at a time."""

    def __init__(self, registry: str) -> None:
        config = settings.SALA_CAMDX_REGISTRIES.get(registry)
        if not config:
            raise NotConfigured(registry)
        self.registry = registry
        self.url = config["url"].rstrip("/")
        self.service = config["service"]
        self.client_id = settings.SALA_CAMDX_CLIENT
        key = load_pem_public_key(config["public_key"].encode())
        if not isinstance(key, Ed25519PublicKey):
            raise NotConfigured(f"{registry}: the public key is not an Ed25519 key")
        self.public_key = key

    def fetch(self, record_id: str, *, user_id: str, issue: str, request_id: uuid.UUID) -> Answer:
        """Return the registry's signed answer about `record_id`, or raise Refused."""
        started = time.monotonic()
        headers = {
            "X-Road-Client": self.client_id,
            "X-Road-UserId": user_id,
            "X-Road-Issue": issue,
            "X-Road-Request-Id": str(request_id),
            "Accept": "application/json",
        }
        url = f"{self.url}/r1/{self.service}/{quote(record_id, safe='')}"
        timeout = settings.SALA_CAMDX_TIMEOUT
        try:
            with OutboundClient(
                allow_loopback=settings.SALA_OUTBOUND_ALLOW_LOOPBACK,
                connect_timeout=timeout,
                read_timeout=timeout,
                deadline=timeout,
                max_bytes=200_000,
                max_redirects=0,
            ) as client:
                response = client.get(url, headers=headers)
        except OutboundError as error:
            outcome = "late" if error.kind in ("timeout", "deadline") else "unavailable"
            raise Refused(outcome, error.en, kind=error.kind) from error
        duration_ms = int((time.monotonic() - started) * 1000)
        if response.status == 404:
            raise Refused("not_found", "the registry has no such record")
        if response.status != 200:
            raise Refused("unavailable", f"the exchange answered {response.status}")
        echoed = (
            response.headers.get("x-road-client"),
            response.headers.get("x-road-service"),
            response.headers.get("x-road-request-id"),
        )
        if echoed != (self.client_id, self.service, str(request_id)):
            raise Refused("wrong", "the answer names another client, service or request")
        try:
            body = response.json()
        except OutboundError as error:
            raise Refused("wrong", "the answer is not JSON") from error
        if not isinstance(body, dict) or body.get("id") != record_id:
            raise Refused("wrong", "the answer is about another record")
        try:
            signature = base64.b64decode(
                response.headers.get("x-registry-signature", ""), validate=True
            )
            self.public_key.verify(
                signature, signed_bytes(str(request_id), self.service, record_id, response.content)
            )
        except (InvalidSignature, binascii.Error, ValueError) as error:
            raise Refused("bad_signature", "the answer is not signed by the registry") from error
        return Answer(
            record=body.get("record") or {},
            request_id=str(request_id),
            x_road_id=response.headers.get("x-road-id", ""),
            response_hash=hashlib.sha256(response.content).hexdigest(),
            duration_ms=duration_ms,
        )
