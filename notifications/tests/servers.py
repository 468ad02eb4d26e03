"""Real servers on loopback for the channel tests: an SMTP server (aiosmtpd) that can be
stopped and started again on the same port, and an HTTP server speaking the Bot API
methods the Telegram channel uses."""

from __future__ import annotations

import email
import email.policy
import json
import socket
import threading
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

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


class BotApiState:
    def __init__(self, token: str) -> None:
        self.token = token
        self.sent: list[dict[str, Any]] = []
        self.updates: list[dict[str, Any]] = []
        self.webhook: dict[str, Any] = {}
        self.blocked_chats: set[int] = set()
        self.answered_callbacks: list[str] = []
        self.next_update_id = 1
        self.lock = threading.Lock()

    def add_message(self, chat_id: int, text: str, username: str = "dara_kh") -> None:
        with self.lock:
            self.updates.append(
                {
                    "update_id": self.next_update_id,
                    "message": {
                        "message_id": self.next_update_id,
                        "chat": {"id": chat_id, "type": "private"},
                        "from": {"id": chat_id, "is_bot": False, "username": username},
                        "text": text,
                    },
                }
            )
            self.next_update_id += 1

    def texts_to(self, chat_id: int) -> list[str]:
        return [m["text"] for m in self.sent if m["chat_id"] == chat_id]

    def buttons_to(self, chat_id: int) -> list[list[dict[str, str]]]:
        """Return the rows of buttons under the last message to `chat_id`."""
        last = [m for m in self.sent if m["chat_id"] == chat_id][-1]
        return (last.get("reply_markup") or {}).get("inline_keyboard", [])


def answer_callback_query(state: BotApiState, params: dict[str, Any]) -> tuple[int, dict]:
    state.answered_callbacks.append(params["callback_query_id"])
    return 200, {"ok": True, "result": True}


def send_message(state: BotApiState, params: dict[str, Any]) -> tuple[int, dict]:
    if params["chat_id"] in state.blocked_chats:
        return 403, {
            "ok": False,
            "error_code": 403,
            "description": "Forbidden: bot was blocked by the user",
        }
    state.sent.append(params)
    return 200, {"ok": True, "result": {"message_id": len(state.sent)}}


def get_updates(state: BotApiState, params: dict[str, Any]) -> tuple[int, dict]:
    offset = params.get("offset")
    if offset is not None:
        state.updates = [u for u in state.updates if u["update_id"] >= offset]
    return 200, {"ok": True, "result": list(state.updates)}


def set_webhook(state: BotApiState, params: dict[str, Any]) -> tuple[int, dict]:
    state.webhook = params
    return 200, {"ok": True, "result": True}


def bot_api_handler(state: BotApiState) -> type[BaseHTTPRequestHandler]:
    class BotApi(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            prefix = f"/bot{state.token}/"
            if not self.path.startswith(prefix):
                return self.answer(
                    401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
                )
            method = self.path[len(prefix) :]
            params = json.loads(self.rfile.read(int(self.headers["Content-Length"])) or b"{}")
            with state.lock:
                status, body = self.dispatch(method, params)
            self.answer(status, body)

        def dispatch(self, method: str, params: dict[str, Any]) -> tuple[int, dict]:
            handlers = {
                "sendMessage": send_message,
                "getUpdates": get_updates,
                "setWebhook": set_webhook,
                "answerCallbackQuery": answer_callback_query,
            }
            if method not in handlers:
                return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
            return handlers[method](state, params)

        def answer(self, status: int, body: dict) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    return BotApi


class BotApiServer:
    def __init__(self, token: str) -> None:
        self.state = BotApiState(token)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), bot_api_handler(self.state))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}"

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
