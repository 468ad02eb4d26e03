"""The transport of each channel; the outbox's sender asks here (a new channel adds its
transport to TRANSPORTS, see CONTRIBUTING.md)."""

from __future__ import annotations

from notifications.emails import EmailTransport
from notifications.telegram import TelegramTransport
from notifications.transports import SmsTransport, Transport

TRANSPORTS: dict[str, type[Transport]] = {
    "email": EmailTransport,
    "sms": SmsTransport,
    "telegram": TelegramTransport,
}


def get_transport(channel: str) -> Transport:
    return TRANSPORTS[channel]()
