"""Real servers on loopback for the channel tests: an SMTP server (aiosmtpd) that can be
stopped and started again on the same port. The Bot API stand-in is `standins.telegram`,
which the demo runs too."""

from __future__ import annotations

import email
import email.policy
import socket
import threading
from email.message import EmailMessage

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class MailRecorder:
    """aiosmtpd handler that keeps every accepted message. `hold_at_rcpt` makes the Nth
    RCPT wait until `release` is set (to kill a client in the middle of a message)."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.rcpt_count = 0
        self.hold_at_rcpt: int | None = None
        self.refuse: set[str] = set()
        self.holding = threading.Event()
        self.release = threading.Event()
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        with self.lock:
            self.rcpt_count += 1
            hold = self.rcpt_count == self.hold_at_rcpt
        if address in self.refuse:
            return "550 No such user here"
        if hold:
            self.holding.set()
            # Blocks this server's loop on purpose: the client waits for an answer.
            self.release.wait(60)
            return "451 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append(message)
        return "250 Message accepted for delivery"

    def recipients(self) -> list[str]:
        with self.lock:
            return [str(m["To"]) for m in self.messages]


class SmtpServer:
    """A real SMTP server on 127.0.0.1 that a test can stop and start again."""

    def __init__(self) -> None:
        self.port = free_port()
        self.recorder = MailRecorder()
        self.controller: Controller | None = None

    def start(self) -> None:
        self.controller = Controller(self.recorder, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def messages(self) -> list[EmailMessage]:
        return self.recorder.messages
