"""The in-portal inbox: reading, marking and archiving one's own notifications."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404
from django.utils import timezone

from notifications.models import Notification, NotificationQuerySet

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser as User


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
