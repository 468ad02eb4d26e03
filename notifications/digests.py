"""The daily digest: messages held for people who chose "daily digest" on a channel go
out once a day, after SALA_NOTIFICATIONS_DIGEST_HOUR (portal time), as one message per
person and channel.

A digest is itself a notification (kept out of the inbox, whose entries it lists) with
one delivery, so it is retried and dead-lettered like any other. Its key names the day
and the channel, so running the sweep again the same day never sends a second one.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from notifications.models import Delivery, Notification
from notifications.outbox import do_notify
from notifications.rendering import absolute, in_language

DIGEST_EVENT = "notifications.digest"
MAX_ITEMS = 50


def digest_moment(now: datetime) -> datetime:
    """Return today's digest time (portal time zone) for the moment `now`."""
    local = timezone.localtime(now)
    return timezone.make_aware(
        datetime.combine(local.date(), time(settings.SALA_NOTIFICATIONS_DIGEST_HOUR)),
        local.tzinfo,
    )


def do_send_due_digests(now: datetime) -> int:
    """Write today's digests if their time has come; return how many were written."""
    moment = digest_moment(now)
    if now < moment:
        return 0
    held = Delivery.objects.filter(
        status=Delivery.Status.HELD, notification__created_at__lt=moment
    ).values_list("id", "channel", "notification__recipient_id")
    groups: dict[tuple[int, str], list[int]] = defaultdict(list)
    for delivery_id, channel, user_id in held:
        groups[(user_id, channel)].append(delivery_id)
    written = 0
    for (user_id, channel), delivery_ids in groups.items():
        written += do_send_digest(user_id, channel, delivery_ids, moment)
    return written


def do_send_digest(user_id: int, channel: str, delivery_ids: list[int], moment: datetime) -> int:
    user = get_user_model().objects.get(pk=user_id)
    key = f"digest:{channel}:{timezone.localtime(moment).date().isoformat()}"
    with transaction.atomic():
        if Notification.objects.filter(recipient=user, key=key).exists():
            return 0  # today's digest went out; later messages wait for tomorrow's
        items = list(
            Notification.objects.filter(deliveries__id__in=delivery_ids)
            .order_by("created_at", "id")
            .values("title", "url", "language")
        )
        digest = do_notify(
            user,
            DIGEST_EVENT,
            {
                "count": len(items),
                "items": [
                    {"title": i["title"], "link": absolute(in_language(i["url"], i["language"]))}
                    for i in items[:MAX_ITEMS]
                ],
                "more": max(len(items) - MAX_ITEMS, 0),
                "url": reverse("notifications:inbox"),
            },
            key=key,
            channels=[channel],
            in_inbox=False,
        )
        Delivery.objects.filter(id__in=delivery_ids, status=Delivery.Status.HELD).update(
            status=Delivery.Status.DIGESTED, digest=digest
        )
    return 1
