"""The in-portal inbox: reading, marking and archiving one's own notifications."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404
from django.utils import timezone

from core.formatting import localise_prose_digits
from notifications.models import Notification, NotificationQuerySet
from notifications.registry import UnknownEventError
from notifications.rendering import in_language, render_message

if TYPE_CHECKING:
    from core.typing import User


def access_notification_by_id(user: User, notification_id: int) -> Notification:
    """Return the person's own inbox entry; anyone else's is "not found"."""
    notification = (
        Notification.objects.filter(pk=notification_id, recipient=user, in_inbox=True).first()
        if user.is_authenticated
        else None
    )
    if notification is None:
        raise Http404("No such notification")
    return notification


def in_reader_language(notification: Notification, language: str) -> Notification:
    """Return the entry with its title, body and link in `language`, the language the
    person reads the portal in now: as written when it was written in it, else rendered
    again from its event's templates and its context (which holds both languages), with
    Khmer digits in Khmer text. Nothing is saved; an entry whose event is no longer
    registered stays as written."""
    if notification.language != language:
        try:
            rendered = render_message(
                notification.event, language, notification.context, url=notification.url
            )
        except UnknownEventError:
            rendered = None
        if rendered is not None:
            notification.title, notification.body = rendered.title, rendered.body
            notification.url = in_language(notification.url, language)
            notification.language = language
    # Numbers and codes in the text in the page's digits (web and email addresses kept).
    notification.title = localise_prose_digits(notification.title, notification.language)
    notification.body = localise_prose_digits(notification.body, notification.language)
    return notification


def inbox_of(user: User, *, archived: bool = False) -> NotificationQuerySet:
    entries = Notification.objects.filter(recipient=user)
    return entries.archived() if archived else entries.in_inbox()


def do_mark_read(notification: Notification, *, read: bool = True) -> None:
    if read == notification.is_read:
        return
    notification.read_at = timezone.now() if read else None
    notification.save(update_fields=["read_at"])


def do_archive(notification: Notification, *, archived: bool = True) -> None:
    notification.archived_at = timezone.now() if archived else None
    notification.read_at = notification.read_at or timezone.now()
    notification.save(update_fields=["archived_at", "read_at"])


def do_mark_all_read(user: User) -> int:
    return Notification.objects.filter(recipient=user).unread().update(read_at=timezone.now())
