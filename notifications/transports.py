"""One transport per outside channel, behind the same small interface.

A transport finds where a person can be reached (only verified addresses, from
`notifications.contacts`, which accounts registers, or a linked Telegram chat) and hands
one rendered message to the provider. It raises `TemporaryFailure` when trying again later
may work (a server down, a timeout, a rate limit) and `PermanentFailure` when it cannot (an
address refused, a bot blocked by the person). The outbox decides what happens next.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from notifications import sms
from notifications.contacts import verified_mobile

if TYPE_CHECKING:
    from core.typing import User
    from notifications.models import Delivery
    from notifications.rendering import Rendered


class TemporaryFailure(Exception):
    """Sending failed; a later attempt may succeed."""


class PermanentFailure(Exception):
    """Sending can never succeed for this message and address."""


class Transport(Protocol):
    channel: str

    def address(self, user: User) -> str:
        """Return where to send to `user`, or "" if they cannot be reached this way."""

    def send(self, delivery: Delivery, rendered: Rendered, address: str) -> str:
        """Send; return the provider's message id. Raise Temporary/PermanentFailure."""

    def close(self) -> None:
        """Release a connection kept open across a batch."""


class SmsTransport:
    channel = "sms"

    def address(self, user: User) -> str:
        return verified_mobile(user)

    def send(self, delivery: Delivery, rendered: Rendered, address: str) -> str:
        try:
            # The provider itself: send_sms() would copy the text into the demo inbox,
            # where this notification already is.
            return sms.get_provider().send(sms.SmsMessage(to=address, text=rendered.short))
        except sms.SmsDeliveryError as error:
            raise TemporaryFailure(str(error)) from error

    def close(self) -> None:
        pass
