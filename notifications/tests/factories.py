"""Plain factories and the events the notifications tests send."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import F

from accounts.models import User
from accounts.tests.factories import create_user
from notifications.models import Delivery, Subscription
from notifications.registry import Message, register_event

CASE_EVENT = register_event(
    "tests.case_updated",
    label="A test case changed",
    en=Message(
        title="Application {{ reference }} is {{ status }}",
        body="Your application {{ reference }} is now {{ status }}.",
        short="Sala: application {{ reference }} is {{ status }}. {{ link }}",
    ),
    km=Message(
        title="ពាក្យស្នើសុំ {{ reference }} {{ status }}",
        body="ពាក្យស្នើសុំរបស់អ្នក {{ reference }} ឥឡូវនេះ{{ status }}។",
        short="សាលា៖ ពាក្យស្នើសុំ {{ reference }} {{ status }}។ {{ link }}",
    ),
    example={"reference": "SALA-1", "status": {"km": "បានអនុម័ត", "en": "approved"}},
)

NEWS_EVENT = register_event(
    "tests.area_news",
    label="Test news for an area",
    en=Message(title="News: {{ headline }}", body="{{ headline }}"),
    km=Message(title="ព័ត៌មាន៖ {{ headline }}", body="{{ headline }}"),
)

APPROVED = {"km": "បានអនុម័ត", "en": "approved"}


def create_person(
    username: str = "dara", *, language: str = "km", mobile: str = "", **fields
) -> User:
    """A citizen with a verified email address (and a verified mobile if given)."""
    user = create_user(
        username,
        preferred_language=language,
        mobile=mobile,
        mobile_verified=bool(mobile),
        **fields,
    )
    return user


def follow(user: User, topic: str, **modes: str) -> Subscription:
    return Subscription.objects.create(user=user, topic=topic, **modes)


def time_passes(delta: timedelta) -> None:
    """Move the outbox's clock: every retry time and claim expiry comes `delta` sooner, as
    if that much time had passed (instead of waiting for it)."""
    Delivery.objects.update(next_attempt_at=F("next_attempt_at") - delta)
    Delivery.objects.filter(claimed_until__isnull=False).update(
        claimed_until=F("claimed_until") - delta
    )
