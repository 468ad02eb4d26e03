"""Health: danger-sign screening first, then questions to health workers and appointments.

`DangerSignTable` is a versioned decision table of yes/no danger signs (WHO IMCI general
danger signs for a sick child, the maternal danger signs in pregnancy). A draft is edited
in the back office; publishing it (health-ministry role only) retires the one before, and
every `Screening` records the version whose advice it gave. A screening holds no personal
data: it may be answered signed out.

After a clear screen, a signed-in person may send a `Question` to the health workers
(officers with the clinician role) of a health centre; the thread is `QuestionMessage`.

Health centres publish `Slot`s: a service in a morning or afternoon window with a daily
capacity, or at an exact time with its own; a `Booking` holds a place, with a ticket
number and a signed ticket document.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.formatting import format_time
from core.languages import in_language
from core.models import user_reference


class Group(models.TextChoices):
    CHILD = "child", _("A child from 2 months to 5 years")
    PREGNANCY = "pregnancy", _("A woman who is pregnant")
    OTHER = "other", _("Someone else")


class DangerSignTableQuerySet(models.QuerySet):
    def published(self) -> DangerSignTableQuerySet:
        return self.filter(status=DangerSignTable.Status.PUBLISHED)


class DangerSignTable(models.Model):
    """One version of the danger signs. Only one is published at a time; a published or
    retired version is never edited again (screenings point at it)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        RETIRED = "retired", _("Retired")

    version = models.PositiveIntegerField(_("version"), unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    source = models.CharField(
        _("source"), max_length=300, blank=True, help_text=_("Where the signs come from.")
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = user_reference(_("published by"), on_delete=models.PROTECT)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = DangerSignTableQuerySet.as_manager()

    class Meta:
        verbose_name = _("danger-sign table")
        verbose_name_plural = _("danger-sign tables")
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["status"],
                condition=models.Q(status="published"),
                name="health_one_published_danger_sign_table",
            )
        ]

    def __str__(self) -> str:
        return f"{_('Danger signs')} v{self.version} ({self.get_status_display()})"


class DangerSign(models.Model):
    """One yes/no question of a table; a "yes" means: go to care now."""

    table = models.ForeignKey(
        DangerSignTable, verbose_name=_("table"), on_delete=models.CASCADE, related_name="signs"
    )
    group = models.CharField(_("for whom"), max_length=10, choices=Group.choices)
    code = models.SlugField(_("code"), max_length=40)
    question_km = models.CharField(_("question in Khmer"), max_length=300)
    question_en = models.CharField(_("question in English"), max_length=300)
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    class Meta:
        verbose_name = _("danger sign")
        verbose_name_plural = _("danger signs")
        ordering = ["table", "group", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["table", "group", "code"], name="health_unique_sign_code"
            )
        ]

    def __str__(self) -> str:
        return self.question

    @property
    def question(self) -> str:
        return in_language(self.question_km, self.question_en)


class Screening(models.Model):
    """One answered danger-sign screen: which table version, for whom, which signs were
    present, and the advice given. Nothing here says who answered."""

    class Outcome(models.TextChoices):
        URGENT = "urgent", _("Go to care now")
        NO_DANGER_SIGN = "clear", _("No danger sign")

    class Channel(models.TextChoices):
        WEB = "web", _("Web")
        SMS = "sms", _("SMS")
        TELEGRAM = "telegram", _("Telegram")

    table = models.ForeignKey(
        DangerSignTable,
        verbose_name=_("table"),
        on_delete=models.PROTECT,
        related_name="screenings",
    )
    group = models.CharField(_("for whom"), max_length=10, choices=Group.choices)
    signs_present = models.JSONField(_("danger signs present"), default=list, blank=True)
    outcome = models.CharField(_("advice"), max_length=10, choices=Outcome.choices)
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.WEB
    )
    answered_at = models.DateTimeField(_("answered"), auto_now_add=True)

    class Meta:
        verbose_name = _("danger-sign screening")
        verbose_name_plural = _("danger-sign screenings")
        ordering = ["-answered_at"]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} (v{self.table.version})"

    @property
    def is_urgent(self) -> bool:
        return self.outcome == self.Outcome.URGENT


class Who(models.TextChoices):
    SELF = "self", _("Me")
    CHILD = "child", _("A child I care for")
    OTHER = "other", _("Another person I care for")


class QuestionQuerySet(models.QuerySet):
    def waiting(self) -> QuestionQuerySet:
        return self.filter(status=Question.Status.WAITING)


class Question(models.Model):
    """A health question from a signed-in person to the health workers of one health
    centre, asked after a clear danger-sign screen. Personal health data: only the person
    and the clinicians of `office` see it (`health.questions.access_*`)."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for a health worker")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="health_questions",
    )
    office = models.ForeignKey(
        "geo.Facility",
        verbose_name=_("health centre"),
        on_delete=models.PROTECT,
        related_name="health_questions",
    )
    screening = models.OneToOneField(
        Screening,
        verbose_name=_("danger-sign screening"),
        on_delete=models.PROTECT,
        related_name="question",
    )
    who = models.CharField(_("who is ill"), max_length=10, choices=Who.choices)
    age_years = models.PositiveSmallIntegerField(_("age in years"))
    symptoms = models.TextField(_("symptoms"), max_length=2000)
    since = models.CharField(_("since when"), max_length=100)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WAITING
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    due_at = models.DateTimeField(_("answer due"))
    updated_at = models.DateTimeField(_("last change"), auto_now=True)
    carer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("carer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="health_questions_cared_for",
        help_text=_("Someone the person named, who may read and write in the thread."),
    )
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    rated_at = models.DateTimeField(_("rated"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("health workers reminded"), null=True, blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("health question")
        verbose_name_plural = _("health questions")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["office", "status", "due_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="health_question_rating_1_to_5",
            )
        ]

    def __str__(self) -> str:
        # No health content: this appears in the audit log.
        return f"{_('Health question')} {self.reference}"

    def get_absolute_url(self) -> str:
        return reverse("health:question", args=[self.public_id])

    @property
    def reference(self) -> str:
        return str(self.public_id)[:8].upper()

    def get_office_url(self) -> str:
        return reverse("health:office_question", args=[self.public_id])

    def is_overdue(self, now=None) -> bool:
        return self.status == self.Status.WAITING and self.due_at < (now or timezone.now())


class QuestionMessage(models.Model):
    """One message of a question's private thread: the person's follow-up or a health
    worker's answer."""

    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    from_health_worker = models.BooleanField(_("from a health worker"), default=False)
    body = models.TextField(_("message"), max_length=4000)
    referral = models.ForeignKey(
        "geo.Facility",
        verbose_name=_("referred to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{_('Message')} {self.pk}"


class QuestionPhoto(models.Model):
    """A photo sent with a question or with the person's later message: kept in the private
    attachments storage, shown only through `health.photos.access_photo`."""

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="photos"
    )
    message = models.ForeignKey(
        QuestionMessage,
        verbose_name=_("message"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="photos",
    )
    stored_name = models.CharField(_("stored name"), max_length=300)
    content_type = models.CharField(_("content type"), max_length=40)
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{_('Photo')} {str(self.public_id)[:8].upper()}"

    def get_absolute_url(self) -> str:
        return reverse("health:photo", args=[self.public_id])


class HealthService(models.TextChoices):
    CONSULTATION = "consultation", _("Consultations")
    VACCINATION = "vaccination", _("Vaccination")
    ANTENATAL = "antenatal", _("Antenatal care")
    DELIVERY = "delivery", _("Giving birth")
    FAMILY_PLANNING = "family-planning", _("Family planning")
    EMERGENCY = "emergency", _("Emergency care")
    SURGERY = "surgery", _("Surgery")
    LABORATORY = "laboratory", _("Laboratory tests")


class FacilityService(models.Model):
    """A health service a facility offers (for the finder), kept by administrators."""

    facility = models.ForeignKey(
        "geo.Facility",
        verbose_name=_("facility"),
        on_delete=models.CASCADE,
        related_name="health_services",
    )
    service = models.CharField(_("service"), max_length=20, choices=HealthService.choices)

    class Meta:
        verbose_name = _("health service of a facility")
        verbose_name_plural = _("health services of facilities")
        ordering = ["facility", "service"]
        constraints = [
            models.UniqueConstraint(
                fields=["facility", "service"], name="health_unique_facility_service"
            )
        ]

    def __str__(self) -> str:
        return self.get_service_display()


class AppointmentService(models.TextChoices):
    VACCINATION = "vaccination", _("Vaccination")
    ANTENATAL = "antenatal", _("Antenatal care")
    CONSULTATION = "consultation", _("Consultation")


class Window(models.TextChoices):
    MORNING = "morning", _("Morning (7:00 to 11:00)")
    AFTERNOON = "afternoon", _("Afternoon (14:00 to 17:00)")


class SlotQuerySet(models.QuerySet):
    def upcoming(self, today=None) -> SlotQuerySet:
        return self.filter(date__gte=today or timezone.localdate())

    def open(self) -> SlotQuerySet:
        """The times the health centre has not closed."""
        return self.filter(closed_at__isnull=True)


class Slot(models.Model):
    """A time window of one service at a health centre on one day, with a daily capacity;
    or, where the centre prefers, an exact time (`starts_at`, lasting `minutes`) with its
    own capacity, in the morning or afternoon window it falls in.
    `booked` counts the bookings that hold a place; it never exceeds `capacity` (checked
    by the database, and by the conditional update that books). A closed time
    (`closed_at`) is kept, for its cancelled bookings, but no longer offered."""

    office = models.ForeignKey(
        "geo.Facility",
        verbose_name=_("health centre"),
        on_delete=models.PROTECT,
        related_name="health_slots",
    )
    service = models.CharField(_("service"), max_length=20, choices=AppointmentService.choices)
    date = models.DateField(_("date"))
    window = models.CharField(_("time"), max_length=10, choices=Window.choices)
    starts_at = models.TimeField(
        _("exact time"),
        null=True,
        blank=True,
        help_text=_("Empty for the whole window; a time such as 08:20 for an exact slot."),
    )
    minutes = models.PositiveSmallIntegerField(
        _("minutes"), default=20, help_text=_("How long an exact slot lasts.")
    )
    capacity = models.PositiveSmallIntegerField(_("places"))
    booked = models.PositiveSmallIntegerField(_("places taken"), default=0)
    closed_at = models.DateTimeField(
        _("closed"),
        null=True,
        blank=True,
        help_text=_("When the health centre closed this time; no one can book it then."),
    )

    objects = SlotQuerySet.as_manager()

    class Meta:
        verbose_name = _("appointment slot")
        verbose_name_plural = _("appointment slots")
        ordering = ["date", "window", "starts_at", "service"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "service", "date", "window"],
                condition=models.Q(starts_at__isnull=True),
                name="health_unique_slot",
            ),
            models.UniqueConstraint(
                fields=["office", "service", "date", "starts_at"],
                condition=models.Q(starts_at__isnull=False),
                name="health_unique_exact_slot",
            ),
            models.CheckConstraint(
                condition=models.Q(booked__lte=models.F("capacity")),
                name="health_slot_not_overbooked",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_service_display()} {self.date} {self.time_label}"

    @property
    def time_label(self) -> str:
        """The exact time (08:20, in the page's digits) or the window with its hours."""
        if self.starts_at is None:
            return self.get_window_display()
        return format_time(self.starts_at, get_language())

    @property
    def places_left(self) -> int:
        return self.capacity - self.booked


class Booking(models.Model):
    """A person's place in a slot, with its ticket number and signed ticket document.

    Moving to another time closes the booking as `moved` and opens a new one in the new
    slot, with its own number and ticket; `moved_to` links the two."""

    class Status(models.TextChoices):
        BOOKED = "booked", _("Booked")
        CANCELLED = "cancelled", _("Cancelled")
        MOVED = "moved", _("Moved to another time")
        CHECKED_IN = "checked_in", _("Checked in")
        NO_SHOW = "no_show", _("Did not come")

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    slot = models.ForeignKey(
        Slot, verbose_name=_("slot"), on_delete=models.PROTECT, related_name="bookings"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="health_bookings",
    )
    number = models.PositiveSmallIntegerField(_("ticket number"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.BOOKED
    )
    document = models.ForeignKey(
        "documents.IssuedDocument",
        verbose_name=_("ticket"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("booked"), auto_now_add=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    moved_to = models.OneToOneField(
        "self",
        verbose_name=_("moved to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="moved_from",
    )

    class Meta:
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["slot", "number"], name="health_unique_ticket_number"),
            models.UniqueConstraint(
                fields=["slot", "user"],
                condition=models.Q(status="booked"),
                name="health_one_booking_per_person_and_slot",
            ),
        ]

    def __str__(self) -> str:
        return f"{_('Appointment')} {self.ticket}"

    def get_absolute_url(self) -> str:
        return reverse("health:booking", args=[self.public_id])

    @property
    def ticket(self) -> str:
        """Return the number people say at the desk: M-007 (morning) or A-012, or for an
        exact time its hour and minute, 0820-01."""
        if self.slot.starts_at is not None:
            return f"{self.slot.starts_at:%H%M}-{self.number:02d}"
        return f"{self.slot.window[0].upper()}-{self.number:03d}"

    @property
    def office(self):
        return self.slot.office
