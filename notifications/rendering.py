"""Render an event's message for one language: defaults, administrators' overrides, and
the conventions every template can rely on.

- A context value given as {"km": …, "en": …} is shown in the recipient's language.
- `portal` is the portal's name and `link` the absolute address of the context's `url`.
- Text parts are rendered without HTML escaping; the HTML part is escaped, then cleaned
  with nh3, so an edited template cannot put scripts into a message.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import nh3
from django.conf import settings
from django.core.cache import cache
from django.template import Context, Template
from django.utils import translation
from django.utils.html import escape, linebreaks

from notifications.models import TemplateOverride
from notifications.registry import PARTS, Event, Message, get_event, template_engine

TELEGRAM_LIMIT = 4096
OVERRIDES_CACHE_SECONDS = 60


@dataclass(frozen=True)
class Rendered:
    title: str
    body: str
    subject: str
    text: str
    html: str
    short: str
    link: str  # absolute, or ""


def localise(value: Any, language: str) -> Any:
    """Return `value` with every {"km": …, "en": …} pair replaced by one language."""
    if isinstance(value, dict):
        if value and set(value) <= {"km", "en"}:
            return value.get(language) or value.get("km") or value.get("en") or ""
        return {k: localise(v, language) for k, v in value.items()}
    if isinstance(value, list):
        return [localise(v, language) for v in value]
    return value


def absolute(url: str) -> str:
    if not url:
        return ""
    if url.startswith(("http://", "https://")):
        return url
    return f"{settings.SALA_SITE_URL}{url}"


def in_language(url: str, language: str) -> str:
    """Return a portal path with its /km/ or /en/ prefix swapped for `language`."""
    for code, _name in settings.LANGUAGES:
        if url.startswith(f"/{code}/"):
            return f"/{language}/{url[len(code) + 2 :]}"
    return url


@functools.lru_cache(maxsize=1024)
def compiled(source: str) -> Template:
    return template_engine().from_string(source)


def overrides_cache_key(event: str) -> str:
    return f"notifications:overrides:{event}"


def overrides_for(event: str) -> dict[tuple[str, str], str]:
    """Return {(language, part): text} of the back office's overrides of `event`."""
    key = overrides_cache_key(event)
    found = cache.get(key)
    if found is None:
        found = {(o.language, o.part): o.text for o in TemplateOverride.objects.filter(event=event)}
        cache.set(key, found, OVERRIDES_CACHE_SECONDS)
    return found


def sources(event: Event, language: str, overrides: dict | None = None) -> Message:
    """Return the templates in force for `event` in `language` (overrides win)."""
    overrides = overrides_for(event.name) if overrides is None else overrides
    default = event.message(language)
    values = {part: overrides.get((language, part), getattr(default, part)) for part in PARTS}
    return Message(**values)


def one_line(text: str) -> str:
    return " ".join(text.split())


def render_message(
    event_name: str,
    language: str,
    context: dict[str, Any],
    *,
    url: str = "",
    message: Message | None = None,
) -> Rendered:
    """Render every part of the event's message; `message` replaces the templates in force
    (the back office's preview of unsaved wording)."""
    event = get_event(event_name)
    message = message or sources(event, language)
    link = absolute(in_language(url, language))
    with translation.override(language):
        values = {
            **localise(context, language),
            "portal": settings.SALA_PORTAL_NAME.get(language, "Sala"),
            "link": link,
        }
        text_context = Context(values, autoescape=False)
        title = one_line(compiled(message.title).render(text_context))
        body = compiled(message.body).render(text_context).strip()
        subject = one_line(compiled(message.subject).render(text_context)) or title
        text = compiled(message.text).render(text_context).strip() or body
        html: str
        if message.html.strip():
            html = compiled(message.html).render(Context(values, autoescape=True))
        else:
            html = linebreaks(escape(text))
        short = one_line(compiled(message.short).render(text_context))
    if not short:
        short = f"{title} {link}".strip()
    return Rendered(
        title=title,
        body=body,
        subject=subject,
        text=text,
        html=nh3.clean(html),
        short=short[:TELEGRAM_LIMIT],
        link=link,
    )
