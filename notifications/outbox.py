"""The durable outbox: writing notifications and their deliveries.

Writing happens inside the caller's transaction: the inbox entry and one `Delivery` row
per outside channel are committed with the change that caused them, or not at all. After
the commit a task is enqueued for the new deliveries (`tasks.py`), but the rows are the
queue: `delivering.py` claims and sends them, and the sweep (`sweeping.py`, run every
minute by `manage.py sweep_outbox`) enqueues work for anything due whose task was lost,
retries whose time has come, and the daily digests.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils import timezone

from notifications.delivering import QUERY_CHUNK, chunks, preferences_of
from notifications.models import Delivery, Notification, Subscription, TelegramAccount
from notifications.registry import Event, get_event
from notifications.rendering import render_message
from notifications.tasks import enqueue_delivery
from notifications.telegram import is_configured as telegram_is_configured
from notifications.topics import followers_of

if TYPE_CHECKING:
    from core.typing import User

MODE_RANK: dict[str, int] = {
    Subscription.Mode.OFF: 0,
    Subscription.Mode.DAILY: 1,
    Subscription.Mode.IMMEDIATE: 2,
}


def language_of(user: Any) -> str:
    language = getattr(user, "preferred_language", "") or "km"
    return language if language in ("km", "en") else "km"


def normalised(context: dict[str, Any]) -> dict[str, Any]:
    """Return the context as stored: JSON (dates become ISO text, lazy text is resolved)."""
    if not isinstance(context, dict):
        raise TypeError("The context of a notification is a dict")
    return json.loads(json.dumps(context, cls=DjangoJSONEncoder))


def telegram_linked(user_ids: Iterable[int]) -> set[int]:
    if not telegram_is_configured():
        return set()
    ids = list(user_ids)
    linked: set[int] = set()
    for chunk in chunks(ids, QUERY_CHUNK):
        linked.update(
            TelegramAccount.objects.filter(user_id__in=chunk).values_list("user_id", flat=True)
        )
    return linked


# --- Writing ------------------------------------------------------------------------


def do_notify(
    recipient: User,
    event_name: str,
    context: dict[str, Any],
    *,
    key: str = "",
    channels: Sequence[str] | None = None,
    in_inbox: bool = True,
) -> Notification:
    """Write one notification and its deliveries in the current transaction; return it.

    With a `key`, a second call for the same person returns the first notification.
    `channels` narrows the event's channels (digests use one channel each).
    """
    event = get_event(event_name)
    context = normalised(context)
    if key:
        existing = Notification.objects.filter(recipient=recipient, key=key).first()
        if existing is not None:
            return existing
    language = language_of(recipient)
    url = str(context.get("url") or "")
    rendered = render_message(event.name, language, context, url=url)
    try:
        with transaction.atomic():  # a savepoint: a duplicate key leaves the caller's work
            notification = Notification.objects.create(
                recipient=recipient,
                event=event.name,
                context=context,
                key=key,
                language=language,
                title=rendered.title[:300],
                body=rendered.body,
                url=url[:500],
                in_inbox=in_inbox,
            )
    except IntegrityError:
        if not key:
            raise
        return Notification.objects.get(recipient=recipient, key=key)
    wanted = event.channels if channels is None else [c for c in channels if c in event.channels]
    allowed = preferences_of([recipient.pk])[recipient.pk]
    linked = telegram_linked([recipient.pk])
    deliveries = Delivery.objects.bulk_create(
        Delivery(notification=notification, channel=channel)
        for channel in wanted
        if allowed.allows(channel) and (channel != "telegram" or recipient.pk in linked)
    )
    enqueue_on_commit([d.pk for d in deliveries])
    return notification


@dataclass
class Follower:
    user_id: int
    language: str
    topic: str
    modes: dict[str, str]


def followers(topic: str, exclude: Iterable[int] = ()) -> dict[int, Follower]:
    """Return the active people a message on `topic` reaches, one entry per person with
    the strongest mode per channel of their matching subscriptions."""
    excluded = set(exclude)
    found: dict[int, Follower] = {}
    rows = (
        Subscription.objects.filter(followers_of(topic), user__is_active=True)
        .order_by("user_id", "topic")
        .values_list("user_id", "topic", "email", "sms", "telegram", "user__preferred_language")
    )
    for user_id, key, email, sms, telegram, language in rows.iterator(chunk_size=2000):
        if user_id in excluded:
            continue
        modes = {"email": email, "sms": sms, "telegram": telegram}
        follower = found.get(user_id)
        if follower is None:
            found[user_id] = Follower(
                user_id, language if language in ("km", "en") else "km", key, modes
            )
            continue
        for channel, mode in modes.items():
            if MODE_RANK[mode] > MODE_RANK[follower.modes[channel]]:
                follower.modes[channel] = mode
    return found


def do_notify_subscribers(
    topic: str,
    event_name: str,
    context: dict[str, Any],
    *,
    key: str = "",
    exclude: Iterable[int] = (),
) -> int:
    """Write a notification for everyone following `topic`; return how many.

    Each person's channels follow their subscription: at once, held for the daily digest
    (unless the event is urgent), or not at all. The inbox entry is always written.
    """
    event = get_event(event_name)
    context = normalised(context)
    people = followers(topic, exclude)
    if key:
        ids = list(people)
        for chunk in chunks(ids, QUERY_CHUNK):
            done = Notification.objects.filter(key=key, recipient_id__in=chunk)
            for user_id in done.values_list("recipient_id", flat=True):
                people.pop(user_id, None)
    if not people:
        return 0
    url = str(context.get("url") or "")
    rendered = {
        language: render_message(event.name, language, context, url=url)
        for language in {p.language for p in people.values()}
    }
    with transaction.atomic():
        notifications = Notification.objects.bulk_create(
            (
                Notification(
                    recipient_id=person.user_id,
                    event=event.name,
                    context=context,
                    key=key,
                    topic=person.topic,
                    language=person.language,
                    title=rendered[person.language].title[:300],
                    body=rendered[person.language].body,
                    url=url[:500],
                )
                for person in people.values()
            ),
            batch_size=QUERY_CHUNK,
        )
        deliveries = Delivery.objects.bulk_create(
            planned_deliveries(event, notifications, people), batch_size=QUERY_CHUNK
        )
        enqueue_on_commit([d.pk for d in deliveries if d.status == Delivery.Status.PENDING])
    return len(notifications)


def planned_deliveries(
    event: Event, notifications: list[Notification], people: dict[int, Follower]
) -> Iterator[Delivery]:
    preferences = preferences_of(people)
    linked = telegram_linked(people) if "telegram" in event.channels else set()
    for notification in notifications:
        person = people[notification.recipient_id]
        for channel in event.channels:
            mode = person.modes[channel]
            if mode == Subscription.Mode.OFF or not preferences[person.user_id].allows(channel):
                continue
            if channel == "telegram" and person.user_id not in linked:
                continue
            held = mode == Subscription.Mode.DAILY and not event.urgent
            yield Delivery(
                notification=notification,
                channel=channel,
                status=Delivery.Status.HELD if held else Delivery.Status.PENDING,
            )


def enqueue_on_commit(delivery_ids: list[int]) -> None:
    if delivery_ids:
        transaction.on_commit(lambda: enqueue_delivery(delivery_ids), robust=True)


# --- Dead letters ------------------------------------------------------------------------


def do_replay(delivery_ids: Iterable[int]) -> int:
    """Put dead deliveries back in the queue with fresh attempts; return how many."""
    ids = list(delivery_ids)
    with transaction.atomic():
        replayed = list(
            Delivery.objects.filter(id__in=ids, status=Delivery.Status.DEAD).values_list(
                "id", flat=True
            )
        )
        Delivery.objects.filter(id__in=replayed).update(
            status=Delivery.Status.PENDING,
            attempts=0,
            next_attempt_at=timezone.now(),
            claimed_by="",
            claimed_until=None,
        )
        enqueue_on_commit(replayed)
    return len(replayed)
