"""The back office's wording of event messages: overrides of the registered defaults."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from notifications.models import TemplateOverride
from notifications.registry import LANGUAGES, PARTS, Event, Message
from notifications.rendering import Rendered, overrides_cache_key, render_message, sources

if TYPE_CHECKING:
    from core.typing import User


def current_message(event: Event, language: str) -> Message:
    """Return the wording in force (overrides, else defaults), read fresh from the database."""
    overrides = {
        (o.language, o.part): o.text for o in TemplateOverride.objects.filter(event=event.name)
    }
    return sources(event, language, overrides)


def overridden_parts(event: Event) -> set[tuple[str, str]]:
    return set(TemplateOverride.objects.filter(event=event.name).values_list("language", "part"))


def do_save_overrides(event: Event, messages: dict[str, Message], user: User) -> int:
    """Store what differs from the defaults as overrides (and drop overrides set back to
    the default); return how many parts now differ."""
    differing = 0
    with transaction.atomic():
        for language in LANGUAGES:
            default = event.message(language)
            for part in PARTS:
                text = getattr(messages[language], part).replace("\r\n", "\n")
                existing = TemplateOverride.objects.filter(
                    event=event.name, language=language, part=part
                )
                if text.strip() == getattr(default, part).strip():
                    existing.delete()
                    continue
                differing += 1
                TemplateOverride.objects.update_or_create(
                    event=event.name,
                    language=language,
                    part=part,
                    defaults={"text": text, "updated_at": timezone.now(), "updated_by": user},
                )
        transaction.on_commit(lambda: cache.delete(overrides_cache_key(event.name)))
    return differing


def preview(event: Event, language: str, message: Message) -> Rendered:
    """Render `message` with the event's example context, as a recipient would get it."""
    return render_message(
        event.name,
        language,
        event.example,
        url=str(event.example.get("url") or f"/{language}/"),
        message=message,
    )
