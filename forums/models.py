"""Forums (boards, threads, posts, votes, follows, reports of abuse) and public
consultations (a question or draft, comments, supports, the institution's response)."""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.languages import in_language


class Board(models.Model):
    """A place to ask: by topic (run by an office of a ministry) or by area (one per
    province, and one a commune hall opens for its commune)."""

    class Kind(models.TextChoices):
        TOPIC = "topic", _("Topic")
        AREA = "area", _("Area")

    slug = models.SlugField(_("address"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title_km = models.CharField(_("title in Khmer"), max_length=160)
    title_en = models.CharField(_("title in English"), max_length=160)
    description_km = models.TextField(_("description in Khmer"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    area = models.ForeignKey(
        "geo.Area", verbose_name=_("area"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="forum_boards",
    )  # fmt: skip
    office = models.ForeignKey(
        "geo.Facility", verbose_name=_("moderating office"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="forum_boards",
        help_text=_("Its moderators keep the board; without one, administrators do."),
    )  # fmt: skip
    position = models.PositiveSmallIntegerField(_("position"), default=100)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("board")
        verbose_name_plural = _("boards")
        ordering = ["kind", "position", "title_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["area"], condition=Q(kind="area"), name="forums_board_one_per_area"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forums:board", args=[self.slug])

    @property
    def title(self) -> str:
        return in_language(self.title_km, self.title_en)

    @property
    def description(self) -> str:
        return in_language(self.description_km, self.description_en)


class Visibility(models.TextChoices):
    PUBLISHED = "published", _("Published")
    HELD = "held", _("Held for a moderator")
    HIDDEN = "hidden", _("Hidden by a moderator")


class Thread(models.Model):
    """A question asked on a board; its first post holds what was asked."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="threads")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="forum_threads"
    )
    title = models.CharField(_("title"), max_length=200)
    visibility = models.CharField(max_length=10, choices=Visibility.choices)
    accepted = models.ForeignKey(
        "Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-last_activity_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forums:thread", args=[self.public_id])


class Post(models.Model):
    """What one person wrote: the Markdown as written and the safe HTML made from it.
    An officer's answer names the office they answered for (the verified badge)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="forum_posts"
    )
    office = models.ForeignKey(
        "geo.Facility", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    body = models.TextField(_("text"))
    html = models.TextField()
    is_opening = models.BooleanField(default=False)
    visibility = models.CharField(max_length=10, choices=Visibility.choices)
    held_because = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.thread} #{self.pk}"

    def get_absolute_url(self) -> str:
        return f"{self.thread.get_absolute_url()}#post-{self.public_id}"


class Vote(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="forums_vote_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.post}"


class Follow(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="forums_follow_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.thread}"


class MailReply(models.Model):
    """A mail read from the reply mailbox, remembered by its Message-ID so the same
    message delivered twice posts once; what became of it, for the operators."""

    class Outcome(models.TextChoices):
        POSTED = "posted", _("Posted")
        REFUSED = "refused", _("Refused by the posting rules")
        BAD_TOKEN = "bad-token", _("Unknown or expired reply address")
        WRONG_SENDER = "wrong-sender", _("Not sent by the person the address belongs to")

    message_key = models.CharField(max_length=64, unique=True)  # sha256 of the Message-ID
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    thread = models.ForeignKey(Thread, null=True, on_delete=models.SET_NULL, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    post = models.ForeignKey(Post, null=True, on_delete=models.SET_NULL, related_name="+")
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("mail reply")
        verbose_name_plural = _("mail replies")

    def __str__(self) -> str:
        return f"{self.outcome} {self.message_key[:12]}"


class AbuseReport(models.Model):
    """Someone's report that a post or comment breaks the rules, and what a moderator did."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Advertising or spam")
        ABUSE = "abuse", _("Insults, threats or hate")
        PRIVATE = "private", _("Someone's private information")
        FALSE = "false", _("False or misleading information")
        OTHER = "other", _("Something else")

    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    comment = models.ForeignKey(
        "Comment", null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    note = models.TextField(_("what is wrong"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(post__isnull=False, comment__isnull=True)
                | Q(post__isnull=True, comment__isnull=False),
                name="forums_report_one_target",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.created_at:%Y-%m-%d})"

    @property
    def item(self) -> Post | Comment:
        """The reported post or comment (exactly one is set)."""
        return self.post or self.comment  # type: ignore[return-value]


class Consultation(models.Model):
    """A question or draft an institution or commune puts to the public until a closing
    date. Once `threshold` people support it, the office owes a public response within
    `response_days`."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(
        "geo.Facility", verbose_name=_("office"), on_delete=models.PROTECT,
        related_name="consultations",
    )  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    title_km = models.CharField(_("title in Khmer"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200)
    body_km = models.TextField(_("question or draft in Khmer"))
    body_en = models.TextField(_("question or draft in English"))
    html_km = models.TextField()
    html_en = models.TextField()
    opened_at = models.DateTimeField(default=timezone.now)
    closes_at = models.DateTimeField(_("closes at"))
    threshold = models.PositiveIntegerField(_("supports that oblige a response"))
    response_days = models.PositiveSmallIntegerField(_("days to respond"))
    response_due_at = models.DateTimeField(null=True, blank=True)
    response_km = models.TextField(blank=True)
    response_en = models.TextField(blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-opened_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forums:consultation", args=[self.public_id])

    @property
    def title(self) -> str:
        return in_language(self.title_km, self.title_en)

    @property
    def html(self) -> str:
        return in_language(self.html_km, self.html_en)

    @property
    def response(self) -> str:
        return in_language(self.response_km, self.response_en)

    def is_open(self, now: datetime.datetime | None = None) -> bool:
        return (now or timezone.now()) < self.closes_at


class Comment(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("comment"))
    html = models.TextField()
    visibility = models.CharField(max_length=10, choices=Visibility.choices)
    held_because = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.consultation} #{self.pk}"


class Support(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="supports"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["consultation", "user"], name="forums_support_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.consultation}"
