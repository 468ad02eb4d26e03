"""Citizen reports of a problem in a public place (a broken road, a flooded street) and
the Open311 keys of the applications that may send them.

A report is public (its category, place, description, status and status notes); who sent
it, their contact details and the photos are not (`reports.access`).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.languages import in_language


class Category(models.Model):
    """A kind of problem; its `code` is the Open311 service_code. A category may name the
    catalogue service whose routing it follows; without one the commune hall handles it."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_km = models.CharField(_("name in Khmer"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120)
    description_km = models.CharField(_("description in Khmer"), max_length=300, blank=True)
    description_en = models.CharField(_("description in English"), max_length=300, blank=True)
    service = models.ForeignKey(
        "services.Service",
        verbose_name=_("service it is routed as"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="report_categories",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("accepts reports"), default=True)

    class Meta:
        verbose_name = _("report category")
        verbose_name_plural = _("report categories")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_language(self.name_km, self.name_en)

    @property
    def description(self) -> str:
        return in_language(self.description_km, self.description_en)


class ReportQuerySet(models.QuerySet):
    def public(self) -> ReportQuerySet:
        return self.select_related("category", "area__parent__parent", "office")


class Report(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Reported")
        IN_PROGRESS = "in_progress", _("Being fixed")
        FIXED = "fixed", _("Fixed")
        CLOSED = "closed", _("Closed without a fix")

    CLOSED_STATUSES = (Status.FIXED, Status.CLOSED)

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(_("reference"), max_length=12, unique=True)
    token = models.UUIDField(_("Open311 token"), default=uuid.uuid4, unique=True, editable=False)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="reports"
    )
    area = models.ForeignKey(
        "geo.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="reports"
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    place = models.CharField(_("where exactly"), max_length=200, blank=True)
    description = models.TextField(_("description"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    office = models.ForeignKey(
        "geo.Facility",
        verbose_name=_("office"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reports",
    )
    # Who sent it: private (reports.access).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reporter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
    )
    contact_name = models.CharField(_("reporter's name"), max_length=120, blank=True)
    contact_email = models.EmailField(_("reporter's email"), blank=True)
    contact_phone = models.CharField(_("reporter's phone"), max_length=20, blank=True)
    api_key = models.ForeignKey(
        "reports.ApiKey",
        verbose_name=_("sent through the key"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
    )
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    updated_at = models.DateTimeField(_("last change"), auto_now=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("citizen report")
        verbose_name_plural = _("citizen reports")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["category", "status", "created_at"]),
            models.Index(fields=["office", "status"]),
        ]

    def __str__(self) -> str:
        return f"{_('Report')} {self.reference}"

    def get_absolute_url(self) -> str:
        return reverse("reports:report", args=[self.reference])

    @property
    def is_closed(self) -> bool:
        return self.status in self.CLOSED_STATUSES

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class StatusNote(models.Model):
    """A public note of the office on a report, with the status it set."""

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="notes"
    )
    status = models.CharField(_("status"), max_length=12, choices=Report.Status.choices)
    note = models.TextField(_("note"), max_length=1000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        on_delete=models.PROTECT,
        related_name="report_notes",
    )
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        verbose_name = _("status note")
        verbose_name_plural = _("status notes")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.report} {self.get_status_display()}"


class Photo(models.Model):
    """A photo sent with a report, in the private attachments storage (reports.photos)."""

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="photos"
    )
    stored_name = models.CharField(_("stored name"), max_length=300)
    content_type = models.CharField(_("content type"), max_length=40)
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("report photo")
        verbose_name_plural = _("report photos")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{_('Photo')} {str(self.public_id)[:8].upper()}"

    def get_absolute_url(self) -> str:
        return reverse("reports:photo", args=[self.public_id])


class ApiKey(models.Model):
    """A key an administrator issues to an application that sends reports by Open311.
    Only its SHA-256 is kept; the key is shown once, when it is made (reports.keys)."""

    name = models.CharField(_("application"), max_length=120)
    prefix = models.CharField(_("first characters"), max_length=8, editable=False)
    key_hash = models.CharField(_("SHA-256 of the key"), max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("issued"), default=timezone.now, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("Open311 API key")
        verbose_name_plural = _("Open311 API keys")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
