from __future__ import annotations

from functools import cached_property

from django.http import HttpRequest

from notifications.models import Notification


class InboxBadge:
    """The signed-in person's unread count for the header; counted only when shown."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    @cached_property
    def unread(self) -> int:
        user = getattr(self.request, "user", None)
        if user is None or not user.is_authenticated:
            return 0
        return Notification.objects.filter(recipient=user).unread().count()


def inbox(request: HttpRequest) -> dict[str, InboxBadge]:
    return {"inbox": InboxBadge(request)}
