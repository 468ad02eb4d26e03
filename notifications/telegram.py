"""Telegram through a bot: linking a person's chat by a one-time deep link, and messages
through the Bot API (`sendMessage`).

Linking: the portal shows https://t.me/<bot>?start=<token>; pressing Start in Telegram
sends the bot "/start <token>", which reaches us through the webhook
(`telegram_webhook` view) or `manage.py telegram_bot poll` (getUpdates). The token is
used once and expires after LINK_TOKEN_MINUTES. "/stop" unlinks.

The bot token comes from the environment (SALA_TELEGRAM_BOT_TOKEN); every call has a
timeout.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _

from core.outbound import OutboundClient, OutboundError
from notifications import conversations
from notifications.models import TelegramAccount, TelegramLinkToken
from notifications.transports import PermanentFailure, TemporaryFailure

if TYPE_CHECKING:
    from core.typing import User
    from notifications.models import Delivery
    from notifications.rendering import Rendered

logger = logging.getLogger("sala.telegram")

LINK_TOKEN_MINUTES = 15
TIMEOUT_SECONDS = 10.0
# Messages, and the buttons pressed under our messages (notifications.conversations).
UPDATE_KINDS = ["message", "callback_query"]


class BotApiError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(f"Telegram answered {code}: {description}")
        self.code, self.description, self.retry_after = code, description, retry_after


def is_configured() -> bool:
    return bool(settings.SALA_TELEGRAM_BOT_TOKEN and settings.SALA_TELEGRAM_BOT_USERNAME)


@dataclass
class BotApi:
    """The few Bot API methods we use, through the outbound client (core.outbound)."""

    token: str
    base_url: str = "https://api.telegram.org"
    timeout: float = TIMEOUT_SECONDS

    def call(self, method: str, **params: Any) -> Any:
        client = OutboundClient(
            allow_loopback=settings.SALA_OUTBOUND_ALLOW_LOOPBACK,
            read_timeout=self.timeout,
            deadline=self.timeout + 10,
            max_bytes=1_000_000,
        )
        try:
            with client:
                response = client.post(
                    f"{self.base_url.rstrip('/')}/bot{self.token}/{method}", json=params
                )
            answer = response.json()
        except OutboundError as error:
            if error.kind != "not_json":
                raise BotApiError(0, f"could not reach the Bot API: {error}") from error
            if response.ok:
                raise BotApiError(0, "the Bot API answered with something not JSON") from error
            raise BotApiError(response.status, "not a Bot API answer") from error
        if not isinstance(answer, dict):
            raise BotApiError(response.status, "not a Bot API answer")
        if not answer.get("ok"):
            retry_after = (answer.get("parameters") or {}).get("retry_after")
            raise BotApiError(
                int(answer.get("error_code") or 0), str(answer.get("description")), retry_after
            )
        return answer.get("result")

    def send_message(
        self, chat_id: int | str, text: str, reply_markup: dict[str, Any] | None = None
    ) -> str:
        params: dict[str, Any] = {"chat_id": chat_id, "text": text}
        if reply_markup:
            params["reply_markup"] = reply_markup
        result = self.call("sendMessage", **params)
        return str(result.get("message_id", ""))

    def answer_callback_query(self, callback_query_id: str) -> None:
        self.call("answerCallbackQuery", callback_query_id=callback_query_id)

    def get_updates(self, offset: int | None = None, timeout: int = 0) -> list[dict]:
        params: dict[str, Any] = {"timeout": timeout, "allowed_updates": UPDATE_KINDS}
        if offset is not None:
            params["offset"] = offset
        return list(self.call("getUpdates", **params) or [])

    def set_webhook(self, url: str, secret_token: str) -> bool:
        return bool(
            self.call(
                "setWebhook", url=url, secret_token=secret_token, allowed_updates=UPDATE_KINDS
            )
        )


def bot() -> BotApi:
    return BotApi(
        settings.SALA_TELEGRAM_BOT_TOKEN,
        settings.SALA_TELEGRAM_API_URL,
        # The long-poll wait must fit inside the HTTP timeout.
        timeout=TIMEOUT_SECONDS + 30,
    )


# --- Linking ------------------------------------------------------------------------


def do_create_link_token(user: User) -> TelegramLinkToken:
    """Return a fresh one-time token for the deep link (older unused ones stop working)."""
    with transaction.atomic():
        TelegramLinkToken.objects.filter(user=user, used_at__isnull=True).delete()
        return TelegramLinkToken.objects.create(user=user, token=get_random_string(32))


def deep_link(token: TelegramLinkToken) -> str:
    bot_address = f"{settings.SALA_TELEGRAM_LINK_URL}/{settings.SALA_TELEGRAM_BOT_USERNAME}"
    return f"{bot_address}?start={token.token}"


def linked_account(user: User) -> TelegramAccount | None:
    return TelegramAccount.objects.filter(user=user).first()


def do_unlink(user: User) -> bool:
    return TelegramAccount.objects.filter(user=user).delete()[0] > 0


def do_link_chat(token_text: str, chat_id: int, username: str) -> User | None:
    """Link the chat to the token's owner; return the user, or None for a token that is
    unknown, used or expired."""
    oldest = timezone.now() - timedelta(minutes=LINK_TOKEN_MINUTES)
    with transaction.atomic():
        token = (
            TelegramLinkToken.objects.select_for_update()
            .select_related("user")
            .filter(token=token_text, used_at__isnull=True, created_at__gte=oldest)
            .first()
        )
        if token is None:
            return None
        token.used_at = timezone.now()
        token.save(update_fields=["used_at"])
        # A chat belongs to one account, and an account has one chat.
        TelegramAccount.objects.filter(chat_id=chat_id).exclude(user=token.user).delete()
        TelegramAccount.objects.update_or_create(
            user=token.user,
            defaults={"chat_id": chat_id, "username": username[:64], "linked_at": timezone.now()},
        )
        return token.user


def handle_update(update: dict[str, Any], api: BotApi | None = None) -> str:
    """Act on one update from Telegram; return what happened ("linked", "unlinked",
    "refused", "answered", "ignored"). Replies are best effort: a failed reply changes
    nothing. Linking and unlinking are handled here; every other message and every pressed
    button goes to the apps through `conversations.dispatch`."""
    api = api or bot()
    if update.get("callback_query"):
        return handle_button(update["callback_query"], api)
    message = update.get("message") or {}
    text = str(message.get("text") or "").strip()
    chat_id = (message.get("chat") or {}).get("id")
    if not text or not isinstance(chat_id, int):
        return "ignored"
    command, _space, argument = text.partition(" ")
    command = command.split("@", 1)[0]
    username = str((message.get("from") or {}).get("username") or "")
    if command == "/start" and argument:
        user = do_link_chat(argument.strip(), chat_id, username)
        if user is None:
            reply(api, chat_id, "km", refused=True)
            return "refused"
        reply(api, chat_id, user.preferred_language)
        return "linked"
    if command == "/stop":
        account = TelegramAccount.objects.select_related("user").filter(chat_id=chat_id).first()
        if account is not None:
            language = account.user.preferred_language
            account.delete()
            reply(api, chat_id, language, stopped=True)
            return "unlinked"
        return "ignored"
    inbound = conversations.inbound_message("telegram", str(chat_id), text, chat_user(chat_id))
    send_reply(api, chat_id, conversations.dispatch(inbound))
    return "answered"


def handle_button(callback: dict[str, Any], api: BotApi) -> str:
    """A button under one of our messages was pressed: answer it like a message."""
    chat_id = ((callback.get("message") or {}).get("chat") or {}).get("id")
    data = str(callback.get("data") or "")
    if not isinstance(chat_id, int) or ":" not in data:
        return "ignored"
    try:
        api.answer_callback_query(str(callback.get("id", "")))
    except BotApiError as error:
        logger.warning("Could not answer a Telegram button: %s", error)
    inbound = conversations.inbound_button("telegram", str(chat_id), data, chat_user(chat_id))
    send_reply(api, chat_id, conversations.dispatch(inbound))
    return "answered"


def chat_user(chat_id: int) -> User | None:
    account = TelegramAccount.objects.select_related("user").filter(chat_id=chat_id).first()
    return account.user if account is not None and account.user.is_active else None


def send_reply(api: BotApi, chat_id: int, answer: conversations.Reply) -> None:
    text = f"{answer.text}\n{answer.link}" if answer.link else answer.text
    markup = None
    if answer.buttons:
        markup = {
            "inline_keyboard": [
                [{"text": button.label, "callback_data": button.data} for button in row]
                for row in answer.buttons
            ]
        }
    try:
        api.send_message(chat_id, text, reply_markup=markup)
    except BotApiError as error:
        logger.warning("Could not reply on Telegram: %s", error)


def reply(
    api: BotApi, chat_id: int, language: str, *, refused: bool = False, stopped: bool = False
) -> None:
    with translation.override(language):
        if refused:
            text = _(
                "This link has expired or was already used. Open the Telegram page of your "
                "Sala account and press the button again."
            )
        elif stopped:
            text = _("Sala will no longer send you messages here.")
        else:
            text = _("Your Sala account is linked. You will get your notifications here.")
    try:
        api.send_message(chat_id, text)
    except BotApiError as error:
        logger.warning("Could not reply on Telegram: %s", error)


# --- Sending ------------------------------------------------------------------------


class TelegramTransport:
    channel = "telegram"

    def __init__(self) -> None:
        self.api = bot()

    def address(self, user: User) -> str:
        if not is_configured():
            return ""
        chat_id = (
            TelegramAccount.objects.filter(user=user).values_list("chat_id", flat=True).first()
        )
        return str(chat_id) if chat_id is not None else ""

    def send(self, delivery: Delivery, rendered: Rendered, address: str) -> str:
        try:
            return self.api.send_message(int(address), rendered.short)
        except BotApiError as error:
            if error.code == 403:  # the person blocked the bot or deleted the chat
                TelegramAccount.objects.filter(chat_id=int(address)).delete()
                raise PermanentFailure(str(error)) from error
            if error.code in (0, 429) or error.code >= 500:
                raise TemporaryFailure(str(error)) from error
            raise PermanentFailure(str(error)) from error

    def close(self) -> None:
        pass
