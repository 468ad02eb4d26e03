"""Sending the outbox's deliveries: claiming due rows and handing each to its channel.

A worker claims a row with one conditional UPDATE (status, claim token, lease), so two
workers never send the same row, and a row whose worker died becomes claimable again when
its lease runs out. A failed attempt is retried after an exponentially growing delay; after
SALA_NOTIFICATIONS_MAX_ATTEMPTS attempts the delivery is dead: administrators see it in
the back office and can replay it (`outbox.do_replay`). The tasks in `tasks.py` call
`deliver` and enqueue the retries it reports.
"""

from __future__ import annotations

import json
import logging
import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import get_random_string

from notifications.channels import get_transport
from notifications.models import Delivery, Notification, Preferences, Subscription
from notifications.rendering import Rendered, render_message
from notifications.transports import PermanentFailure, TemporaryFailure, Transport

logger = logging.getLogger("sala.notifications")

DRAIN_BATCH = 200  # deliveries one drain round claims
QUERY_CHUNK = 1000  # ids per IN (...) query
MAX_RETRY_DELAY = timedelta(hours=6)


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def preferences_of(user_ids: Iterable[int]) -> dict[int, Preferences]:
    """Return each person's channel preferences (defaults for people without a row)."""
    ids = list(user_ids)
    found: dict[int, Preferences] = {}
    for chunk in chunks(ids, QUERY_CHUNK):
        found.update({p.user_id: p for p in Preferences.objects.filter(user_id__in=chunk)})
    return {user_id: found.get(user_id) or Preferences(user_id=user_id) for user_id in ids}


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
    """Claim and send due deliveries: the given ones, or up to `limit` of any. The report
    lists the deliveries to retry; the task that called this enqueues them."""
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
