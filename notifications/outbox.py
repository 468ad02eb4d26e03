"""The durable outbox: writing notifications, and claiming and sending their deliveries.

Writing happens inside the caller's transaction: the inbox entry and one `Delivery` row
per outside channel are committed with the change that caused them, or not at all. After
the commit a task is enqueued for the new deliveries, but the rows are the queue: a
worker claims a row with one conditional UPDATE (status, claim token, lease), so two
workers never send the same row, and a row whose worker died becomes claimable again when
its lease runs out. `sweep()` (run every minute by `manage.py sweep_outbox`) enqueues work
for anything due whose task was lost, retries whose time has come, and the daily digests.

A failed attempt is retried after an exponentially growing delay; after
SALA_NOTIFICATIONS_MAX_ATTEMPTS attempts the delivery is dead: administrators see it in
the back office and can replay it.
"""

from __future__ import annotations

import json
import logging
import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import get_random_string

from notifications.models import (
    Delivery,
    Notification,
    Preferences,
    Subscription,
    TelegramAccount,
)
from notifications.registry import Event, get_event
from notifications.rendering import Rendered, render_message
from notifications.topics import followers_of
from notifications.transports import PermanentFailure, TemporaryFailure, Transport, get_transport

if TYPE_CHECKING:
    from accounts.models import User

logger = logging.getLogger("sala.notifications")

TASK_CHUNK = 200  # deliveries per task when a fan-out is split between workers
DRAIN_BATCH = 200  # deliveries one drain round claims
QUERY_CHUNK = 1000  # ids per IN (...) query
MAX_RETRY_DELAY = timedelta(hours=6)
MODE_RANK = {Subscription.Mode.OFF: 0, Subscription.Mode.DAILY: 1, Subscription.Mode.IMMEDIATE: 2}


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def language_of(user: Any) -> str:
    language = getattr(user, "preferred_language", "") or "km"
    return language if language in ("km", "en") else "km"


def normalised(context: dict[str, Any]) -> dict[str, Any]:
    """Return the context as stored: JSON (dates become ISO text, lazy text is resolved)."""
    if not isinstance(context, dict):
        raise TypeError("The context of a notification is a dict")
    return json.loads(json.dumps(context, cls=DjangoJSONEncoder))


def preferences_of(user_ids: Iterable[int]) -> dict[int, Preferences]:
    """Return each person's channel preferences (defaults for people without a row)."""
    ids = list(user_ids)
    found: dict[int, Preferences] = {}
    for chunk in chunks(ids, QUERY_CHUNK):
        found.update({p.user_id: p for p in Preferences.objects.filter(user_id__in=chunk)})
    return {user_id: found.get(user_id) or Preferences(user_id=user_id) for user_id in ids}


def telegram_linked(user_ids: Iterable[int]) -> set[int]:
    from notifications.telegram import is_configured

    if not is_configured():
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


def enqueue_delivery(delivery_ids: Sequence[int], run_after: datetime | None = None) -> None:
    """Enqueue tasks for the deliveries; if enqueueing fails the sweep finds them later."""
    from notifications.tasks import deliver_notifications

    task = deliver_notifications
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # the sweep picks retries up when their time comes
        task = task.using(run_after=run_after)
    for chunk in chunks(list(delivery_ids), TASK_CHUNK):
        task.enqueue(list(chunk))


# --- Sending ------------------------------------------------------------------------


@dataclass
class DeliveryReport:
    claimed: int = 0
    sent: int = 0
    retry: int = 0
    dead: int = 0
    skipped: int = 0
    retry_ids: list[int] = field(default_factory=list)
    next_retry_at: datetime | None = None

    def add(self, other: DeliveryReport) -> None:
        for name in ("claimed", "sent", "retry", "dead", "skipped"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def retry_delay(attempts: int) -> timedelta:
    """Return the wait before the next attempt: doubling from SALA_NOTIFICATIONS_RETRY_SECONDS
    (1, 2, 4, 8 … minutes by default, at most six hours), give or take 10%."""
    base = settings.SALA_NOTIFICATIONS_RETRY_SECONDS * 2 ** max(attempts - 1, 0)
    delay = min(timedelta(seconds=base), MAX_RETRY_DELAY)
    return delay * random.uniform(0.9, 1.1)  # noqa: S311 - spreading retries, not secrets


def claim(delivery_ids: Sequence[int] | None, now: datetime, limit: int) -> tuple[str, list]:
    """Claim due deliveries (the given ones, or up to `limit` of any); return the claim
    token and the claimed rows. One conditional UPDATE: a row already claimed by a live
    worker, or sent, is not due, so no two workers ever hold the same row."""
    due = Delivery.objects.due(now)
    if delivery_ids is None:
        ids = list(due.order_by("next_attempt_at", "id").values_list("id", flat=True)[:limit])
    else:
        ids = list(delivery_ids)
    token = get_random_string(24)
    if not ids:
        return token, []
    lease = timedelta(seconds=settings.SALA_NOTIFICATIONS_LEASE_SECONDS)
    Delivery.objects.due(now).filter(id__in=ids).update(
        status=Delivery.Status.SENDING,
        claimed_by=token,
        claimed_until=now + lease,
        attempts=F("attempts") + 1,
    )
    rows = list(
        Delivery.objects.filter(claimed_by=token, status=Delivery.Status.SENDING)
        .select_related("notification__recipient")
        .order_by("channel", "id")
    )
    return token, rows


def deliver(
    delivery_ids: Sequence[int] | None = None,
    *,
    limit: int = DRAIN_BATCH,
    now: datetime | None = None,
) -> DeliveryReport:
    """Claim and send due deliveries: the given ones, or up to `limit` of any."""
    now = now or timezone.now()
    token, rows = claim(delivery_ids, now, limit)
    report = DeliveryReport(claimed=len(rows))
    if not rows:
        return report
    sender = Sender(token, rows)
    try:
        for delivery in rows:
            sender.send(delivery, report)
    finally:
        sender.close()
    if report.retry_ids:
        enqueue_delivery(report.retry_ids, run_after=report.next_retry_at)
    return report


class Sender:
    """Sends one claimed batch: transports kept open, preferences and subscriptions
    loaded once, each distinct message rendered once."""

    def __init__(self, token: str, rows: list[Delivery]) -> None:
        self.token = token
        self.transports: dict[str, Transport] = {}
        self.rendered: dict[tuple, Rendered] = {}
        user_ids = {d.notification.recipient_id for d in rows}
        self.preferences = preferences_of(user_ids)
        topics = {d.notification.topic for d in rows if d.notification.topic}
        self.subscriptions = {
            (s.user_id, s.topic): s
            for s in Subscription.objects.filter(user_id__in=user_ids, topic__in=topics)
        }

    def close(self) -> None:
        for transport in self.transports.values():
            transport.close()

    def unwanted(self, delivery: Delivery) -> str:
        """Return why the delivery should not go out any more, or ""."""
        notification = delivery.notification
        if not notification.recipient.is_active:
            return "The account is closed or disabled."
        if not self.preferences[notification.recipient_id].allows(delivery.channel):
            return "The person turned this channel off."
        if notification.topic:
            subscription = self.subscriptions.get((notification.recipient_id, notification.topic))
            if subscription is None or subscription.mode(delivery.channel) == "off":
                return "The person no longer follows this topic on this channel."
        return ""

    def render(self, notification: Notification) -> Rendered:
        key = (
            notification.event,
            notification.language,
            notification.url,
            json.dumps(notification.context, sort_keys=True),
        )
        if key not in self.rendered:
            self.rendered[key] = render_message(
                notification.event,
                notification.language,
                notification.context,
                url=notification.url,
            )
        return self.rendered[key]

    def send(self, delivery: Delivery, report: DeliveryReport) -> None:
        reason = self.unwanted(delivery)
        if reason:
            self.finish(delivery, Delivery.Status.SKIPPED, last_error=reason)
            report.skipped += 1
            return
        transport = self.transports.get(delivery.channel)
        if transport is None:
            transport = self.transports[delivery.channel] = get_transport(delivery.channel)
        address = transport.address(delivery.notification.recipient)
        if not address:
            self.finish(
                delivery, Delivery.Status.SKIPPED, last_error="No verified address or account."
            )
            report.skipped += 1
            return
        try:
            rendered = self.render(delivery.notification)
            provider_id = transport.send(delivery, rendered, address)
        except PermanentFailure as error:
            self.finish(delivery, Delivery.Status.DEAD, address=address, last_error=str(error))
            report.dead += 1
        except Exception as error:
            if not isinstance(error, TemporaryFailure):
                logger.exception("Delivery %s failed unexpectedly", delivery.pk)
            self.fail(delivery, address, f"{type(error).__name__}: {error}", report)
        else:
            self.finish(
                delivery,
                Delivery.Status.SENT,
                address=address,
                provider_id=provider_id[:100],
                sent_at=timezone.now(),
                last_error="",
            )
            report.sent += 1

    def fail(self, delivery: Delivery, address: str, error: str, report: DeliveryReport) -> None:
        if delivery.attempts >= settings.SALA_NOTIFICATIONS_MAX_ATTEMPTS:
            self.finish(delivery, Delivery.Status.DEAD, address=address, last_error=error)
            report.dead += 1
            return
        next_attempt_at = timezone.now() + retry_delay(delivery.attempts)
        self.finish(
            delivery,
            Delivery.Status.RETRY,
            address=address,
            last_error=error,
            next_attempt_at=next_attempt_at,
        )
        report.retry += 1
        report.retry_ids.append(delivery.pk)
        report.next_retry_at = max(report.next_retry_at or next_attempt_at, next_attempt_at)

    def finish(self, delivery: Delivery, status: str, **values: Any) -> None:
        """Record the outcome, if the claim is still ours (a lease that ran out while a
        provider hung may have passed the row to another worker)."""
        updated = Delivery.objects.filter(pk=delivery.pk, claimed_by=self.token).update(
            status=status, claimed_until=None, **values
        )
        if not updated:
            logger.warning("Delivery %s was reclaimed before it finished", delivery.pk)


# --- Dead letters and the sweep ---------------------------------------------------------


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


@dataclass
class SweepReport:
    due: int
    tasks: int
    digests: int


def sweep(now: datetime | None = None) -> SweepReport:
    """Enqueue drain tasks for every due delivery (new ones whose task was lost, retries
    whose time came, claims whose worker died) and send the daily digests when due."""
    from notifications.digests import do_send_due_digests
    from notifications.tasks import drain_outbox

    now = now or timezone.now()
    due = Delivery.objects.due(now).count()
    tasks = min(-(-due // DRAIN_BATCH), 4)
    for _number in range(tasks):
        drain_outbox.enqueue()
    return SweepReport(due=due, tasks=tasks, digests=do_send_due_digests(now))
