"""Conversations: people who write to the portal by Telegram or SMS, and the apps that answer.

A person who never opens a web page can still ask something ("price rice kampot",
"តម្លៃ ស្រូវ កំពត"), answer a yes/no screen with buttons, or follow a lesson. The channel
code (the Telegram bot in `telegram.py`, the SMS gateway's webhook in `views/sms.py`) turns
what arrived into an `Inbound` and sends back the `Reply` that `dispatch` returns; apps
never see a channel. An app answers by registering, in its `<app>/conversations.py`
(autodiscovered at start-up, like `<app>/notifications.py`):

- `register_keywords(["price", "តម្លៃ"], handler, help_km=..., help_en=...)`: a message
  whose first word is one of the keywords (any case; Khmer or Latin; a leading "/" as in a
  Telegram command is ignored) goes to `handler`, which reads `inbound.argument`;
- `register_buttons("health", handler)`: a pressed button whose data starts with
  "health:" goes to `handler`, which reads `inbound.data`;
- `await_text(inbound, "learning:x:...")`: the person's next typed message that is not a
  keyword (a number, a short answer) goes to that prefix's button handler with this data
  and the typed `inbound.text`, within `AWAIT_TEXT_MINUTES`.

Buttons are Telegram's inline keyboard; by SMS they become numbered lines ("1 Yes") and a
reply of "1" (or "១") within `SMS_CHOICES_MINUTES` presses that button. A message nobody
handles gets the list of keywords in the person's language. `notifications` never imports
the apps: they call in.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger("sala.conversations")

SMS_CHOICES_MINUTES = 30
AWAIT_TEXT_MINUTES = 60
MAX_BUTTON_DATA_BYTES = 64  # Telegram's limit for callback data
KHMER = re.compile(r"[\u1780-\u17ff]")
LATIN = re.compile(r"[A-Za-z]")
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")


@dataclass(frozen=True)
class Button:
    """One choice: `label` is shown, `data` ("<prefix>:<payload>") comes back when pressed."""

    label: str
    data: str

    def __post_init__(self) -> None:
        if ":" not in self.data or len(self.data.encode()) > MAX_BUTTON_DATA_BYTES:
            raise ValueError(
                f"Button data must be '<prefix>:<payload>' within 64 bytes: {self.data!r}"
            )


@dataclass(frozen=True)
class Reply:
    """What the portal answers: text, optional rows of buttons, an optional link."""

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    link: str = ""

    def choices(self) -> list[Button]:
        return [button for row in self.buttons for button in row]


@dataclass(frozen=True)
class Inbound:
    """A message or a pressed button, whichever channel it came by.

    `address` is the Telegram chat id or the sender's phone number (+855...); `user` is the
    account linked to that chat or verified number, or None; `language` is "km" when the
    text is in Khmer script, "en" when it is in Latin letters, else the account's language
    or Khmer.
    """

    channel: str
    address: str
    text: str = ""
    data: str = ""
    user: Any = None
    language: str = "km"
    keyword: str = ""
    argument: str = ""

    @property
    def is_button(self) -> bool:
        return bool(self.data)


Handler = Callable[[Inbound], Reply]


@dataclass
class KeywordRoute:
    keywords: tuple[str, ...]
    handler: Handler
    help_km: str
    help_en: str


@dataclass
class Registry:
    keywords: dict[str, KeywordRoute] = field(default_factory=dict)
    routes: list[KeywordRoute] = field(default_factory=list)
    buttons: dict[str, Handler] = field(default_factory=dict)


registry = Registry()


def normalise(text: str) -> str:
    """Return `text` as NFC without zero-width characters, spaces collapsed, trimmed."""
    text = unicodedata.normalize("NFC", text).translate(INVISIBLE)
    return " ".join(text.split())


def fold(word: str) -> str:
    """Return the form keywords are compared in: lower case, no leading "/", no "@bot"."""
    return word.lstrip("/").split("@", 1)[0].casefold()


def register_keywords(
    keywords: Iterable[str], handler: Handler, *, help_km: str, help_en: str
) -> None:
    """Send messages whose first word is one of `keywords` to `handler`."""
    route = KeywordRoute(tuple(keywords), handler, help_km, help_en)
    for keyword in route.keywords:
        key = fold(normalise(keyword))
        if key in registry.keywords and registry.keywords[key].handler is not handler:
            raise ValueError(f"The keyword {keyword!r} is already answered by another handler.")
        registry.keywords[key] = route
    if route not in registry.routes:
        registry.routes.append(route)


def register_buttons(prefix: str, handler: Handler) -> None:
    """Send pressed buttons whose data starts with "<prefix>:" to `handler`."""
    if ":" in prefix or not prefix:
        raise ValueError(f"A button prefix has no colon: {prefix!r}")
    if prefix in registry.buttons and registry.buttons[prefix] is not handler:
        raise ValueError(f"The button prefix {prefix!r} is already answered by another handler.")
    registry.buttons[prefix] = handler


def language_of(text: str, user: Any = None) -> str:
    if KHMER.search(text):
        return "km"
    if LATIN.search(text):
        return "en"
    return getattr(user, "preferred_language", "") or "km"


def inbound_message(channel: str, address: str, text: str, user: Any = None) -> Inbound:
    """Return the Inbound for a typed message (its keyword and argument split off)."""
    text = normalise(text)
    first, _space, rest = text.partition(" ")
    return Inbound(
        channel=channel,
        address=address,
        text=text,
        user=user,
        language=language_of(text, user),
        keyword=fold(first),
        argument=rest,
    )


def inbound_button(channel: str, address: str, data: str, user: Any = None) -> Inbound:
    """Return the Inbound for a pressed button, in the language the person last wrote in."""
    language = (
        cache.get(_language_key(channel, address))
        or getattr(user, "preferred_language", "")
        or "km"
    )
    return Inbound(channel=channel, address=address, data=data, user=user, language=language)


def await_text(inbound: Inbound, data: str) -> None:
    """Send this person's next typed message (not a keyword) to the handler of `data`'s
    prefix, as `data` with the typed text: a question answered by typing."""
    cache.set(_awaited_key(inbound.channel, inbound.address), data, AWAIT_TEXT_MINUTES * 60)


def dispatch(inbound: Inbound) -> Reply:
    """Return the answer to `inbound`: its handler's, or the list of keywords."""
    if inbound.is_button:
        handler = registry.buttons.get(inbound.data.split(":", 1)[0])
    else:
        route = registry.keywords.get(inbound.keyword)
        handler = route.handler if route else None
        awaited = cache.get(_awaited_key(inbound.channel, inbound.address))
        if awaited:
            cache.delete(_awaited_key(inbound.channel, inbound.address))
        if handler is None and awaited:
            # An answer ("6", "Sala") keeps the conversation's language, as a button does.
            handler = registry.buttons.get(awaited.split(":", 1)[0])
            inbound = replace(inbound_button(inbound.channel, inbound.address, awaited,
                                             inbound.user), text=inbound.text)  # fmt: skip
        else:
            cache.set(_language_key(inbound.channel, inbound.address), inbound.language, 86400)
    with translation.override(inbound.language):
        if handler is None:
            return help_reply(inbound.language)
        return handler(inbound)


def help_reply(language: str) -> Reply:
    """Return what the portal can be asked, one keyword line per app, in `language`."""
    lines = [_("Sala answers these messages:")]
    for route in registry.routes:
        words = " / ".join(route.keywords)
        lines.append(f"{words}: {route.help_km if language == 'km' else route.help_en}")
    return Reply("\n".join(lines))


# --- SMS: numbered choices ---------------------------------------------------------------


def sms_text(reply: Reply, address: str) -> str:
    """Return `reply` as one SMS text; remember its buttons as numbered choices."""
    lines = [reply.text]
    choices = reply.choices()
    for number, button in enumerate(choices, start=1):
        lines.append(f"{number} {button.label}")
    if reply.link:
        lines.append(reply.link)
    key = _choices_key(address)
    if choices:
        cache.set(key, [b.data for b in choices], SMS_CHOICES_MINUTES * 60)
    else:
        cache.delete(key)
    return "\n".join(lines)


def inbound_sms(address: str, text: str) -> Inbound:
    """Return the Inbound for an SMS: a number answering earlier choices is that button."""
    user = sms_user(address)
    typed = normalise(text).translate(KHMER_DIGITS)
    if typed.isdigit():
        choices = cache.get(_choices_key(address)) or []
        if 1 <= int(typed) <= len(choices):
            return inbound_button("sms", address, choices[int(typed) - 1], user)
    return inbound_message("sms", address, text, user)


def sms_user(address: str) -> Any:
    """Return the account whose verified mobile number is `address`, or None."""
    return (
        get_user_model()
        .objects.filter(mobile=address, mobile_verified=True, is_active=True)
        .first()
    )


def _choices_key(address: str) -> str:
    return f"conversations:sms-choices:{address}"


def _awaited_key(channel: str, address: str) -> str:
    return f"conversations:awaited-text:{channel}:{address}"


def _language_key(channel: str, address: str) -> str:
    return f"conversations:language:{channel}:{address}"
