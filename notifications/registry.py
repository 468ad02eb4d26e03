"""The events other apps send, each with default wording in Khmer and English.

An app registers its events in `<app>/notifications.py` (imported when Django starts, as
`admin.py` is) or in its AppConfig.ready(); `notifications` never imports the app. Each
part of a message is a Django template rendered with the notification's context:

- `title`, `body`: the inbox entry (plain text);
- `subject`, `text`, `html`: the email (`subject` defaults to the title, `text` to the
  body, `html` to the text with its line breaks kept);
- `short`: SMS and Telegram (defaults to the title followed by the link).

An event may also name `attachments`, a function of (context, language) returning the
files (name, bytes, MIME type) its emails carry: the calendar file of an appointment.
It may name `reply_to`, a function of (context, recipient id) returning the address its
emails' Reply-To names ("" for none): a forum thread's reply-by-mail address.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, cast

from django.core.exceptions import ImproperlyConfigured
from django.template import Engine, TemplateSyntaxError
from django.template.backends.django import DjangoTemplates

from notifications.models import Channel

CHANNELS: tuple[str, ...] = tuple(Channel.values)
LANGUAGES: tuple[str, ...] = ("km", "en")
EVENT_NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")


@dataclass(frozen=True)
class Message:
    """The templates of one event in one language."""

    title: str
    body: str = ""
    subject: str = ""
    text: str = ""
    html: str = ""
    short: str = ""


PARTS: tuple[str, ...] = tuple(f.name for f in fields(Message))

Attachments = Callable[[dict[str, Any], str], list[tuple[str, bytes, str]]]
ReplyTo = Callable[[dict[str, Any], int], str]


@dataclass(frozen=True)
class Event:
    name: str
    label: Any  # a (lazy) translated label for the back office
    km: Message
    en: Message
    channels: tuple[str, ...] = CHANNELS
    urgent: bool = False  # sent at once even to people who chose a daily digest
    example: dict[str, Any] = field(default_factory=dict)  # context for previews
    attachments: Attachments | None = None  # files for the email
    reply_to: ReplyTo | None = None  # the email's Reply-To address

    def message(self, language: str) -> Message:
        return self.en if language == "en" else self.km


class UnknownEventError(LookupError):
    pass


_events: dict[str, Event] = {}


def register_event(
    name: str,
    *,
    label: Any,
    km: Message,
    en: Message,
    channels: tuple[str, ...] | list[str] = CHANNELS,
    urgent: bool = False,
    example: dict[str, Any] | None = None,
    attachments: Attachments | None = None,
    reply_to: ReplyTo | None = None,
) -> Event:
    """Register an event with its Khmer and English templates; return it.

    Registering the same event twice with the same definition is harmless (a module
    imported twice); a different definition under a taken name is an error.
    """
    if not EVENT_NAME.match(name):
        raise ImproperlyConfigured(f"Event names are dotted, like 'cases.status_changed': {name}")
    unknown = set(channels) - set(CHANNELS)
    if unknown:
        raise ImproperlyConfigured(f"{name}: unknown channels {sorted(unknown)}")
    event = Event(
        name,
        label,
        km,
        en,
        tuple(channels),
        urgent,
        dict(example or {}),
        attachments,
        reply_to,
    )
    for language in LANGUAGES:
        message = event.message(language)
        if not message.title.strip():
            raise ImproperlyConfigured(f"{name}: the {language} message needs a title")
        for part in PARTS:
            check_template(getattr(message, part), f"{name} [{language}] {part}")
    existing = _events.get(name)
    if existing is not None and existing != event:
        raise ImproperlyConfigured(f"The event {name} is registered twice, differently")
    _events[name] = event
    return event


def check_template(source: str, where: str = "") -> None:
    """Raise ImproperlyConfigured if `source` is not a valid template."""
    try:
        template_engine().from_string(source)
    except TemplateSyntaxError as error:
        raise ImproperlyConfigured(f"{where}: {error}") from error


def template_engine() -> Engine:
    """Return the project's Django template engine (with the core filters as builtins)."""
    from django.template import engines

    return cast(DjangoTemplates, engines["django"]).engine


def get_event(name: str) -> Event:
    try:
        return _events[name]
    except KeyError:
        raise UnknownEventError(
            f"No notification event {name!r} is registered; register it with "
            "notifications.api.register_event() in <app>/notifications.py"
        ) from None


def all_events() -> list[Event]:
    return sorted(_events.values(), key=lambda event: event.name)
