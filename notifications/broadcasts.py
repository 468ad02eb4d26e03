"""Announcements to everyone following an area, such as a province-wide flood warning."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from notifications.areas import area_topic
from notifications.models import Broadcast, Subscription
from notifications.outbox import do_notify_subscribers
from notifications.topics import Topic, followers_of

if TYPE_CHECKING:
    from core.typing import User

BROADCAST_EVENT = "notifications.broadcast"


class BroadcastError(Exception):
    pass


def followers_count(topic_key: str) -> int:
    return (
        Subscription.objects.filter(followers_of(topic_key), user__is_active=True)
        .values("user_id")
        .distinct()
        .count()
    )


def sent_in_the_last_hour(sender: User) -> int:
    since = timezone.now() - timedelta(hours=1)
    return Broadcast.objects.filter(sender=sender, created_at__gte=since).count()


def check_send_broadcast(
    sender: User, area: Topic, *, title_km: str, title_en: str, body_km: str, body_en: str
) -> Broadcast:
    """Send an announcement to the area's followers (and those of every area inside it);
    refuse when the sender has reached SALA_BROADCASTS_PER_HOUR."""
    limit = settings.SALA_BROADCASTS_PER_HOUR
    with transaction.atomic():
        if sent_in_the_last_hour(sender) >= limit:
            raise BroadcastError(
                _(
                    "You have sent %(limit)s announcements in the last hour. "
                    "Wait before sending another."
                )
                % {"limit": limit}
            )
        broadcast = Broadcast.objects.create(
            sender=sender,
            topic=area.key,
            title_km=title_km,
            title_en=title_en,
            body_km=body_km,
            body_en=body_en,
        )
        broadcast.recipients = do_notify_subscribers(
            area.key,
            BROADCAST_EVENT,
            {
                "title": {"km": title_km, "en": title_en},
                "body": {"km": body_km, "en": body_en},
                "area": {"km": area.name_km, "en": area.name_en},
                "url": area.url,
            },
            key=f"broadcast:{broadcast.pk}",
        )
        broadcast.save(update_fields=["recipients"])
    return broadcast


__all__ = ["BroadcastError", "area_topic", "check_send_broadcast", "followers_count"]
