"""A stand-in for Telegram: the Bot API methods Sala's bot uses, and a chat page where a
demo user talks to the bot as if on their phone.

Bot API (`/bot<token>/<method>`): sendMessage (with an inline keyboard), getUpdates,
setWebhook, deleteWebhook, answerCallbackQuery, getMe. Updates wait for getUpdates, or are
posted to the webhook when one is set, as Telegram does. The chat page (`/`) shows one
chat; what the person types or presses becomes an update; a deep link
(`/<bot username>?start=<token>`, like https://t.me/<bot>?start=<token>) offers the Start
button that links the chat to a Sala account.
"""

from __future__ import annotations

import json
import threading
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from standins.base import Handler, StandInServer, escape

DEMO_CHAT = 777000001


@dataclass
class BotApiState:
    token: str
    username: str = "SalaDemoBot"
    sent: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    webhook: dict[str, Any] = field(default_factory=dict)
    blocked_chats: set[int] = field(default_factory=set)
    answered_callbacks: list[str] = field(default_factory=list)
    # The chat as the person sees it: ("in", text) typed by them, ("out", message) from the bot.
    chats: dict[int, list[tuple[str, Any]]] = field(default_factory=dict)
    next_update_id: int = 1
    lock: threading.RLock = field(default_factory=threading.RLock)
    arrived: threading.Condition = field(init=False)

    def __post_init__(self) -> None:
        self.arrived = threading.Condition(self.lock)

    # --- what the person does ----------------------------------------------------------

    def add_message(self, chat_id: int, text: str, username: str = "dara_kh") -> None:
        with self.lock:
            self.chats.setdefault(chat_id, []).append(("in", text))
            self._deliver(
                {
                    "message": {
                        "message_id": self.next_update_id,
                        "chat": {"id": chat_id, "type": "private"},
                        "from": {"id": chat_id, "is_bot": False, "username": username},
                        "text": text,
                    }
                }
            )

    def press(self, chat_id: int, data: str, label: str = "") -> None:
        with self.lock:
            self.chats.setdefault(chat_id, []).append(("in", label or data))
            self._deliver(
                {
                    "callback_query": {
                        "id": f"cb-{self.next_update_id}",
                        "from": {"id": chat_id, "is_bot": False},
                        "message": {"chat": {"id": chat_id, "type": "private"}},
                        "data": data,
                    }
                }
            )

    def _deliver(self, update: dict[str, Any]) -> None:
        update = {"update_id": self.next_update_id, **update}
        self.next_update_id += 1
        if self.webhook.get("url"):
            threading.Thread(target=self._post_webhook, args=(update,), daemon=True).start()
        else:
            self.updates.append(update)
            self.arrived.notify_all()

    def _post_webhook(self, update: dict[str, Any]) -> None:
        request = urllib.request.Request(  # noqa: S310 - the URL the bot registered
            self.webhook["url"],
            data=json.dumps(update).encode(),
            method="POST",
            headers={
                "Content-Type": "application/json",
                "X-Telegram-Bot-Api-Secret-Token": self.webhook.get("secret_token", ""),
            },
        )
        try:
            urllib.request.urlopen(request, timeout=30).close()  # noqa: S310
        except OSError:
            pass  # Telegram retries later; a stand-in need not

    # --- what tests read -----------------------------------------------------------------

    def texts_to(self, chat_id: int) -> list[str]:
        return [m["text"] for m in self.sent if m["chat_id"] == chat_id]

    def buttons_to(self, chat_id: int) -> list[list[dict[str, str]]]:
        """Return the rows of buttons under the last message to `chat_id`."""
        last = [m for m in self.sent if m["chat_id"] == chat_id][-1]
        return (last.get("reply_markup") or {}).get("inline_keyboard", [])


def _send_message(state: BotApiState, params: dict[str, Any]) -> tuple[int, dict]:
    chat_id = int(params["chat_id"])
    if chat_id in state.blocked_chats:
        return 403, {
            "ok": False,
            "error_code": 403,
            "description": "Forbidden: bot was blocked by the user",
        }
    state.sent.append(params)
    state.chats.setdefault(chat_id, []).append(("out", params))
    return 200, {"ok": True, "result": {"message_id": len(state.sent)}}


def _get_updates(state: BotApiState, params: dict[str, Any]) -> tuple[int, dict]:
    """Long polling, as Telegram does: wait up to `timeout` seconds for an update."""
    offset = params.get("offset")
    if offset is not None:
        state.updates = [u for u in state.updates if u["update_id"] >= int(offset)]
    if not state.updates and params.get("timeout"):
        state.arrived.wait(min(float(params["timeout"]), 30))
    return 200, {"ok": True, "result": list(state.updates)}


def _set_webhook(state: BotApiState, params: dict[str, Any]) -> tuple[int, dict]:
    state.webhook = params
    return 200, {"ok": True, "result": True}


def _delete_webhook(state: BotApiState, params: dict[str, Any]) -> tuple[int, dict]:
    state.webhook = {}
    return 200, {"ok": True, "result": True}


def _answer_callback_query(state: BotApiState, params: dict[str, Any]) -> tuple[int, dict]:
    state.answered_callbacks.append(str(params.get("callback_query_id", "")))
    return 200, {"ok": True, "result": True}


def _get_me(state: BotApiState, params: dict[str, Any]) -> tuple[int, dict]:
    return 200, {"ok": True, "result": {"id": 1, "is_bot": True, "username": state.username}}


METHODS = {
    "sendMessage": _send_message,
    "getUpdates": _get_updates,
    "setWebhook": _set_webhook,
    "deleteWebhook": _delete_webhook,
    "answerCallbackQuery": _answer_callback_query,
    "getMe": _get_me,
}


class TelegramHandler(Handler):
    def do_POST(self) -> None:
        state: BotApiState = self.stand_in
        if self.path_only.startswith("/bot"):
            return self.bot_api(state)
        form = self.form()
        chat_id = _chat(form.get("chat", ""))
        if self.path_only == "/send" and form.get("text", "").strip():
            state.add_message(chat_id, form["text"].strip())
        elif self.path_only == "/press" and form.get("data"):
            state.press(chat_id, form["data"], form.get("label", ""))
        elif self.path_only == "/start" and form.get("start"):
            state.add_message(chat_id, f"/start {form['start']}")
        return self.redirect(f"/?chat={chat_id}&wait=1")

    def bot_api(self, state: BotApiState) -> None:
        prefix = f"/bot{state.token}/"
        if not self.path_only.startswith(prefix):
            return self.answer_json(
                401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
            )
        method = self.path_only[len(prefix) :]
        try:
            params = json.loads(self.body() or b"{}")
        except ValueError:
            return self.answer_json(
                400, {"ok": False, "error_code": 400, "description": "Bad Request"}
            )
        if method not in METHODS:
            return self.answer_json(
                404, {"ok": False, "error_code": 404, "description": "Not Found"}
            )
        with state.lock:
            status, body = METHODS[method](state, params)
        return self.answer_json(status, body)

    def do_GET(self) -> None:
        state: BotApiState = self.stand_in
        chat_id = _chat(self.query.get("chat", ""))
        if self.path_only.strip("/") == state.username and self.query.get("start"):
            return self.answer_page(
                "Telegram (demo)", _start_page(state, chat_id, self.query["start"])
            )
        if self.path_only != "/":
            return self.answer(404, b"not found", "text/plain")
        with state.lock:
            messages = list(state.chats.get(chat_id, []))
        waiting = self.query.get("wait") == "1" and (not messages or messages[-1][0] == "in")
        return self.answer_page("Telegram (demo)", _chat_page(state, chat_id, messages, waiting))


def _chat(text: str) -> int:
    return int(text) if text.lstrip("-").isdigit() else DEMO_CHAT


def _start_page(state: BotApiState, chat_id: int, token: str) -> str:
    return (
        f"<h1>@{escape(state.username)}</h1>"
        "<p class=note>ទូរស័ព្ទសាកល្បង: នេះជំនួស Telegram ក្នុងកំណែសាកល្បង។ "
        "Demo phone: this page stands in for Telegram in the demo.</p>"
        f"<form method=post action=/start><input type=hidden name=chat value={chat_id}>"
        f"<input type=hidden name=start value='{escape(token)}'>"
        "<button type=submit>ចាប់ផ្ដើម / Start</button></form>"
    )


def _chat_page(state: BotApiState, chat_id: int, messages: list, waiting: bool) -> str:
    parts = [
        f"<h1>@{escape(state.username)}</h1>",
        "<p class=note>ទូរស័ព្ទសាកល្បង: ការជជែកជាមួយបូតរបស់សាលា ដូចនៅក្នុង Telegram។ "
        "Demo phone: a chat with Sala's bot, as in Telegram. "
        f"(chat {chat_id})</p>",
        "<div class=chat>",
    ]
    for direction, item in messages:
        if direction == "in":
            parts.append(f"<div class='msg out'>{escape(item)}</div>")
            continue
        parts.append(f"<div class='msg in'>{escape(item.get('text', ''))}")
        for row in (item.get("reply_markup") or {}).get("inline_keyboard", []):
            parts.append("<div>")
            for button in row:
                parts.append(
                    "<form class=inline method=post action=/press>"
                    f"<input type=hidden name=chat value={chat_id}>"
                    f"<input type=hidden name=data value='{escape(button['callback_data'])}'>"
                    f"<input type=hidden name=label value='{escape(button['text'])}'>"
                    f"<button type=submit>{escape(button['text'])}</button></form> "
                )
            parts.append("</div>")
        parts.append("</div>")
    parts.append("</div>")
    if waiting:
        parts.insert(0, f"<meta http-equiv=refresh content='2; url=/?chat={chat_id}&wait=1'>")
    parts.append(
        f"<form class=send method=post action=/send><input type=hidden name=chat value={chat_id}>"
        "<label for=text class=visually-hidden>សារ / Message</label>"
        "<input id=text name=text type=text autocomplete=off autofocus "
        "placeholder='សរសេរសារ / Write a message'>"
        "<button type=submit>ផ្ញើ / Send</button></form>"
        f"<p><a href='/?chat={chat_id}'>ផ្ទុកឡើងវិញ / Refresh</a></p>"
    )
    return "".join(parts)


def start(
    token: str, username: str = "SalaDemoBot", port: int = 0
) -> tuple[StandInServer, BotApiState]:
    state = BotApiState(token=token, username=username)
    return StandInServer(state, TelegramHandler, port).start(), state
