"""Following topics, choosing how each channel brings them, and the signed unsubscribe
links in emails."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from notifications.models import Preferences, Subscription
from notifications.topics import Topic, describe_topic

if TYPE_CHECKING:
    from core.typing import User

CHANNELS = ("email", "sms", "telegram")


class TopicError(ValueError):
    pass


@dataclass(frozen=True)
class Followed:
    subscription: Subscription
    topic: Topic | None  # None when the thing followed no longer exists


def check_follow(user: User, topic_key: str) -> tuple[Subscription, Topic]:
    """Follow a topic that exists; return the subscription (an existing one is kept)."""
    topic = describe_topic(topic_key)
    if topic is None:
        raise TopicError(_("This cannot be followed. It may have been removed."))
    subscription, _created = Subscription.objects.get_or_create(user=user, topic=topic.key)
    return subscription, topic


def access_subscription_by_id(user: User, subscription_id: int) -> Subscription:
    subscription = Subscription.objects.filter(pk=subscription_id, user=user).first()
    if subscription is None:
        raise Http404("No such subscription")
    return subscription


def do_unfollow(user: User, topic_key: str) -> bool:
    return Subscription.objects.filter(user=user, topic=topic_key).delete()[0] > 0


def do_set_modes(subscriptions: dict[Subscription, dict[str, str]]) -> int:
    """Save the chosen mode per channel of each subscription; return how many changed."""
    changed = 0
    with transaction.atomic():
        for subscription, modes in subscriptions.items():
            fields = [c for c in CHANNELS if modes[c] != subscription.mode(c)]
            for channel in fields:
                setattr(subscription, channel, modes[channel])
            if fields:
                subscription.save(update_fields=fields)
                changed += 1
    return changed


def followed_by(user: User) -> list[Followed]:
    return [
        Followed(s, describe_topic(s.topic))
        for s in Subscription.objects.filter(user=user).order_by("created_at", "id")
    ]


def preferences_for(user: User) -> Preferences:
    return Preferences.objects.filter(user=user).first() or Preferences(user=user)


def do_set_preferences(user: User, *, email: bool, sms: bool, telegram: bool) -> Preferences:
    preferences, _created = Preferences.objects.update_or_create(
        user=user, defaults={"email": email, "sms": sms, "telegram": telegram}
    )
    return preferences


@dataclass(frozen=True)
class Unsubscribed:
    user: User
    topic: Topic | None  # None: every notification email


def unsubscribe_target(user_id: int, topic_key: str) -> Unsubscribed | None:
    """Return whom and what an unsubscribe link is about, or None if the account is gone."""
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        return None
    return Unsubscribed(user, describe_topic(topic_key) if topic_key else None)


def do_unsubscribe_email(user_id: int, topic_key: str) -> bool:
    """Stop emails about the topic (or all notification emails); return whether the
    account still exists. Safe to repeat: mail programs post one-click links again."""
    target = unsubscribe_target(user_id, topic_key)
    if target is None:
        return False
    if topic_key:
        Subscription.objects.filter(user=target.user, topic=topic_key).update(
            email=Subscription.Mode.OFF
        )
    else:
        Preferences.objects.update_or_create(user=target.user, defaults={"email": False})
    return True
