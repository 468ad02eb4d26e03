"""Text messages through the SMS operator's gateway, behind one small interface.

The operator's network is outside our reach, so every caller uses `send_sms()` and the
provider named by `SALA_SMS_PROVIDER` does the rest:

- `log` (development without the demo's stand-ins): the message goes to the log with
  every number in it masked, so one-time codes never reach a log; nothing leaves the
  machine. Production refuses to start with it unless SALA_SMS_LOG_IN_PRODUCTION is on
  (sala/settings/production.py);
- `http`: a JSON POST to the operator's gateway (`SALA_SMS_HTTP_URL`, bearer token
  `SALA_SMS_HTTP_TOKEN`), which answers 2xx with the operator's message id;
- `memory` (tests): messages are kept in `outbox`, as Django's locmem mail backend does.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.crypto import get_random_string

from core.outbound import OutboundClient, OutboundError

logger = logging.getLogger("sala.sms")


@dataclass(frozen=True)
class SmsMessage:
    to: str  # E.164, e.g. +85512345678
    text: str


class SmsDeliveryError(Exception):
    """The gateway refused the message or could not be reached; the caller may retry."""


class SmsProvider(Protocol):
    def send(self, message: SmsMessage) -> str:
        """Hand the message to the operator and return the operator's message id."""


# Runs of digits (ASCII or Khmer) long enough to be a code, a PIN or a reference.
SECRET_DIGITS = re.compile(r"[0-9០-៩][0-9០-៩\s-]{2,}[0-9០-៩]")


def masked(text: str) -> str:
    """Return the text with every run of four or more digits replaced by "####"."""
    return SECRET_DIGITS.sub("####", text)


class LogSmsProvider:
    def send(self, message: SmsMessage) -> str:
        message_id = f"log-{get_random_string(12)}"
        logger.info(
            "SMS to %s: %s",
            masked(message.to),
            masked(message.text),
            extra={"sms_id": message_id},
        )
        return message_id


outbox: list[SmsMessage] = []


class MemorySmsProvider:
    def send(self, message: SmsMessage) -> str:
        outbox.append(message)
        return f"memory-{len(outbox)}"


class HttpSmsProvider:
    def __init__(self, url: str, token: str, sender: str, timeout: float = 10.0) -> None:
        if not url:
            raise ImproperlyConfigured("SALA_SMS_PROVIDER=http needs SALA_SMS_HTTP_URL")
        self.url, self.token, self.sender, self.timeout = url, token, sender, timeout

    def send(self, message: SmsMessage) -> str:
        body = {"to": message.to, "text": message.text, "from": self.sender}
        client = OutboundClient(
            allow_loopback=settings.SALA_OUTBOUND_ALLOW_LOOPBACK,
            read_timeout=self.timeout,
            deadline=self.timeout * 2,
            max_bytes=65_536,
        )
        try:
            with client:
                response = client.post(
                    self.url, json=body, headers={"Authorization": f"Bearer {self.token}"}
                )
            if not response.ok:
                raise SmsDeliveryError(f"the SMS gateway answered {response.status}")
            answer = response.json() if response.content else {}
        except OutboundError as error:
            if error.kind == "not_json":
                raise SmsDeliveryError("the SMS gateway answered with something not JSON") from None
            raise SmsDeliveryError(f"the SMS gateway could not be reached: {error}") from error
        return str(answer.get("id", "") if isinstance(answer, dict) else "")


def get_provider() -> SmsProvider:
    name = settings.SALA_SMS_PROVIDER
    if name == "log":
        return LogSmsProvider()
    if name == "memory":
        return MemorySmsProvider()
    if name == "http":
        return HttpSmsProvider(
            settings.SALA_SMS_HTTP_URL, settings.SALA_SMS_HTTP_TOKEN, settings.SALA_SMS_SENDER
        )
    raise ImproperlyConfigured(f"SALA_SMS_PROVIDER must be log, http or memory, not {name!r}")


def send_sms(to: str, text: str) -> str:
    """Send `text` to the E.164 number `to`; return the operator's message id."""
    return get_provider().send(SmsMessage(to=to, text=text))
