"""Where the portal learns that a KHQR was paid: one interface, one adapter per network.

A provider answers `confirmations(md5s)` with what was paid for those payloads; it raises
`ProviderError` when it cannot tell (down, slow, refused), and then nothing is recorded.
`provider()` is the one configured (`settings.SALA_PAYMENT_PROVIDER`).
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from core.outbound import OutboundClient, OutboundError
from payments.requesting import Confirmation

logger = logging.getLogger(__name__)

MAX_MD5_LIST = 50
TOKEN_CACHE_KEY = "payments:bakong:token"  # noqa: S105 (a cache key, not a secret)
UNAUTHORIZED = 6


class ProviderError(Exception):
    """The provider could not say what was paid; try again later."""


class Provider(Protocol):
    def confirmations(self, md5s: list[str]) -> list[Confirmation]: ...


class BakongOpenAPI:
    """The NBC's Bakong Open API: no webhooks, so the portal asks by the payloads' MD5s,
    at most 50 a call. An expired token is renewed once with the registered email."""

    def __init__(self, url: str, token: str, email: str) -> None:
        if not url or not token:
            raise ImproperlyConfigured("SALA_BAKONG_API_URL and SALA_BAKONG_TOKEN are needed.")
        self.url, self.email = url.rstrip("/"), email
        self.initial_token = token

    @property
    def token(self) -> str:
        return cache.get(TOKEN_CACHE_KEY) or self.initial_token

    def confirmations(self, md5s: list[str]) -> list[Confirmation]:
        found: list[Confirmation] = []
        with OutboundClient(
            allow_loopback=settings.SALA_OUTBOUND_ALLOW_LOOPBACK,
            read_timeout=settings.SALA_BAKONG_TIMEOUT,
            deadline=settings.SALA_BAKONG_TIMEOUT * 2,
        ) as client:
            for start in range(0, len(md5s), MAX_MD5_LIST):
                batch = md5s[start : start + MAX_MD5_LIST]
                answer = self._call(client, "/v1/check_transaction_by_md5_list", batch)
                found += [c for item in answer.get("data") or [] if (c := _confirmation(item))]
        return found

    def _call(self, client: OutboundClient, path: str, body: Any, renewed: bool = False) -> dict:
        answer = self._answer_with_retries(client, path, body)
        if answer.get("errorCode") == UNAUTHORIZED and not renewed:
            self._renew(client)
            return self._call(client, path, body, renewed=True)
        if answer.get("responseCode") != 0:
            raise ProviderError(f"Bakong refused: {answer.get('responseMessage')}")
        return answer

    def _answer_with_retries(self, client: OutboundClient, path: str, body: Any) -> dict:
        """Bakong's answer; a call that gets none (unreachable, too slow, a 5xx, not
        JSON) is tried again after a pause that doubles each time, up to
        SALA_BAKONG_ATTEMPTS calls in all (ADR 0034)."""
        pause = settings.SALA_BAKONG_RETRY_PAUSE_MS / 1000
        for attempt in range(1, settings.SALA_BAKONG_ATTEMPTS):
            try:
                return self._answer(client, path, body)
            except ProviderError as error:
                logger.warning(
                    "Bakong gave no answer; trying again",
                    extra={"attempt": attempt, "error": str(error), "pause": pause},
                )
                time.sleep(pause)
                pause *= 2
        return self._answer(client, path, body)

    def _answer(self, client: OutboundClient, path: str, body: Any) -> dict:
        try:
            response = client.post(
                self.url + path, json=body, headers={"Authorization": f"Bearer {self.token}"}
            )
            answer = response.json() if response.status in (200, 401) else None
        except (OutboundError, ValueError) as exc:
            raise ProviderError(f"Bakong cannot be reached: {exc}") from exc
        if not isinstance(answer, dict):
            raise ProviderError(f"Bakong answered {response.status}")
        return answer

    def _renew(self, client: OutboundClient) -> None:
        try:
            answer = client.post(self.url + "/v1/renew_token", json={"email": self.email}).json()
        except (OutboundError, ValueError) as exc:
            raise ProviderError(f"the Bakong token cannot be renewed: {exc}") from exc
        token = (answer.get("data") or {}).get("token") if isinstance(answer, dict) else None
        if not token:
            raise ProviderError("the Bakong token cannot be renewed")
        cache.set(TOKEN_CACHE_KEY, token, timeout=None)
        logger.warning("Bakong token renewed; set SALA_BAKONG_TOKEN to the new one")


def _confirmation(item: Any) -> Confirmation | None:
    """A SUCCESS entry of check_transaction_by_md5_list as a Confirmation; None otherwise
    (not found, or an entry that does not parse: never taken as paid)."""
    if not isinstance(item, dict) or item.get("status") != "SUCCESS":
        return None
    data = item.get("data") or {}
    try:
        return Confirmation(
            md5=str(item["md5"]),
            amount=Decimal(str(data["amount"])).quantize(Decimal("0.01")),
            currency=str(data["currency"]),
            transaction_hash=str(data.get("hash", ""))[:64],
            payer_account=str(data.get("fromAccountId", ""))[:64],
            paid_at=datetime.fromtimestamp(int(data["acknowledgedDateMs"]) / 1000, tz=UTC),
        )
    except (KeyError, TypeError, ValueError, InvalidOperation):
        logger.warning("a Bakong answer that does not parse", extra={"md5": item.get("md5")})
        return None


def provider() -> Provider:
    name = settings.SALA_PAYMENT_PROVIDER
    if name == "bakong":
        return BakongOpenAPI(
            settings.SALA_BAKONG_API_URL, settings.SALA_BAKONG_TOKEN, settings.SALA_BAKONG_EMAIL
        )
    raise ImproperlyConfigured(f"Unknown SALA_PAYMENT_PROVIDER {name!r}")
