"""The inbox, the durable outbox, subscriptions and the back office's template overrides.

A `Notification` is one message to one person: it is the inbox entry (title and body in
the person's language) and the parent of one `Delivery` per outside channel (email, SMS,
Telegram). Both are written in the transaction of the change that causes them; workers
then claim deliveries (`notifications.outbox`) and record what happened on the row, so
the table itself is the queue and nothing depends on a task having survived.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import user_reference


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    SMS = "sms", _("Text message (SMS)")
    TELEGRAM = "telegram", _("Telegram")


class NotificationQuerySet(models.QuerySet):
    def in_inbox(self) -> NotificationQuerySet:
        return self.filter(in_inbox=True, archived_at__isnull=True)

    def archived(self) -> NotificationQuerySet:
        return self.filter(in_inbox=True, archived_at__isnull=False)

    def unread(self) -> NotificationQuerySet:
        return self.in_inbox().filter(read_at__isnull=True)


class Notification(models.Model):
    """One message to one person, and their inbox entry.

    `key` makes `notify()` idempotent: a second call with the same key for the same
    person returns the first notification. Digests are notifications too, kept out of the
    inbox (`in_inbox=False`) because their items are already there.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    event = models.CharField(_("event"), max_length=100)
    context = models.JSONField(_("context"), default=dict, blank=True)
    key = models.CharField(_("idempotency key"), max_length=200, blank=True)
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=2)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("body"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    in_inbox = models.BooleanField(_("shown in the inbox"), default=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"],
                condition=~Q(key=""),
                name="notifications_one_per_key",
            ),
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notifications_inbox"),
            models.Index(
                fields=["recipient"],
                condition=Q(read_at__isnull=True, archived_at__isnull=True, in_inbox=True),
                name="notifications_unread",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.recipient_id}: {self.title}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class DeliveryQuerySet(models.QuerySet):
    def due(self, now: datetime) -> DeliveryQuerySet:
        """Deliveries a worker may claim now: waiting ones whose time has come, and ones
        claimed by a worker whose lease ran out (it died or hung)."""
        return self.filter(
            Q(status__in=[Delivery.Status.PENDING, Delivery.Status.RETRY], next_attempt_at__lte=now)
            | Q(status=Delivery.Status.SENDING, claimed_until__lt=now)
        )


class Delivery(models.Model):
    """One notification through one outside channel: at most one row per channel, so a
    message can never be queued twice for the same channel."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Sending")
        RETRY = "retry", _("Will try again")
        HELD = "held", _("Held for the daily digest")
        SENT = "sent", _("Sent")
        DIGESTED = "digested", _("Sent in a digest")
        SKIPPED = "skipped", _("Not sent")
        DEAD = "dead", _("Failed")

    notification = models.ForeignKey(
        Notification,
        verbose_name=_("notification"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    claimed_by = models.CharField(_("claimed by"), max_length=32, blank=True)
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    address = models.CharField(_("address"), max_length=254, blank=True)
    provider_id = models.CharField(_("provider's message id"), max_length=100, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    digest = models.ForeignKey(
        Notification,
        verbose_name=_("digest"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["notification", "channel"], name="notifications_one_delivery_per_channel"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="notifications_due"),
        ]

    def __str__(self) -> str:
        return f"{self.channel} #{self.notification_id}: {self.status}"


class Preferences(models.Model):
    """Which outside channels a person allows at all (the inbox is always on). Without a
    row every channel is allowed; a channel still needs a verified address or a linked
    account before anything is sent."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
    )
    email = models.BooleanField(_("email"), default=True)
    sms = models.BooleanField(_("text messages (SMS)"), default=True)
    telegram = models.BooleanField(_("Telegram"), default=True)

    class Meta:
        verbose_name = _("notification preferences")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return f"preferences of {self.user_id}"

    def allows(self, channel: str) -> bool:
        return bool(getattr(self, channel))


class Subscription(models.Model):
    """A person follows a topic ("area:1202", "institution:moh") and chooses, per channel,
    immediate messages, a daily digest or nothing. Topics are defined by the apps that
    register them (`notifications.topics`)."""

    class Mode(models.TextChoices):
        IMMEDIATE = "immediate", _("At once")
        DAILY = "daily", _("Daily digest")
        OFF = "off", _("Off")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    topic = models.CharField(_("topic"), max_length=200)
    email = models.CharField(_("email"), max_length=10, choices=Mode.choices, default=Mode.DAILY)
    sms = models.CharField(
        _("text messages (SMS)"), max_length=10, choices=Mode.choices, default=Mode.OFF
    )
    telegram = models.CharField(
        _("Telegram"), max_length=10, choices=Mode.choices, default=Mode.IMMEDIATE
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["topic"]
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="notifications_follow_once"),
        ]
        indexes = [models.Index(fields=["topic"], name="notifications_topic")]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.topic}"

    def mode(self, channel: str) -> str:
        return str(getattr(self, channel))


class TelegramAccount(models.Model):
    """The Telegram chat a person linked through the bot's one-time deep link."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    chat_id = models.BigIntegerField(_("chat id"), unique=True)
    username = models.CharField(_("Telegram username"), max_length=64, blank=True)
    linked_at = models.DateTimeField(_("linked at"), default=timezone.now)

    class Meta:
        verbose_name = _("Telegram account")
        verbose_name_plural = _("Telegram accounts")

    def __str__(self) -> str:
        return f"{self.user_id} ↔ {self.chat_id}"


class TelegramLinkToken(models.Model):
    """A one-time token for https://t.me/<bot>?start=<token>; valid for a short time."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    token = models.CharField(_("token"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("Telegram link token")
        verbose_name_plural = _("Telegram link tokens")

    def __str__(self) -> str:
        return f"Telegram link token of {self.user_id}"


class TemplateOverride(models.Model):
    """An administrator's wording of one part of an event's message in one language,
    used instead of the default the registering app ships."""

    class Part(models.TextChoices):
        TITLE = "title", _("Inbox title")
        BODY = "body", _("Inbox text")
        SUBJECT = "subject", _("Email subject")
        TEXT = "text", _("Email text")
        HTML = "html", _("Email HTML")
        SHORT = "short", _("Short text (SMS and Telegram)")

    event = models.CharField(_("event"), max_length=100)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    part = models.CharField(_("part"), max_length=10, choices=Part.choices)
    text = models.TextField(_("text"))
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    updated_by = user_reference(_("updated by"))

    class Meta:
        verbose_name = _("message template")
        verbose_name_plural = _("message templates")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "language", "part"], name="notifications_one_override"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} [{self.language}] {self.part}"


class Broadcast(models.Model):
    """An announcement an administrator sent to everyone following an area."""

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sender"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topic = models.CharField(_("topic"), max_length=200)
    title_km = models.CharField(_("title in Khmer"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200)
    body_km = models.TextField(_("text in Khmer"))
    body_en = models.TextField(_("text in English"))
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("broadcast")
        verbose_name_plural = _("broadcasts")
        ordering = ["-created_at"]
        permissions = [("send_broadcast", _("Can send an announcement to subscribers"))]

    def __str__(self) -> str:
        return f"{self.topic}: {self.title_en}"
