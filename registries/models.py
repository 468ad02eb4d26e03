"""The portal's message log of registry lookups through CamDX: one row per call, kept
whatever the outcome (X-Road's message log, on the client's side)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Lookup(models.Model):
    class Registry(models.TextChoices):
        POPULATION = "population", _("Population register")
        BUSINESS = "business", _("Business register")

    class Outcome(models.TextChoices):
        ANSWERED = "answered", _("answered")
        NOT_FOUND = "not_found", _("not found")
        LATE = "late", _("no answer in time")
        WRONG = "wrong", _("answer about another record")
        BAD_SIGNATURE = "bad_signature", _("answer not signed by the registry")
        UNAVAILABLE = "unavailable", _("registry unavailable")

    created_at = models.DateTimeField(_("asked at"), auto_now_add=True, db_index=True)
    registry = models.CharField(_("registry"), max_length=20, choices=Registry.choices)
    client = models.CharField(_("client"), max_length=200)
    service = models.CharField(_("service"), max_length=200)
    record = models.CharField(_("record asked for"), max_length=40)
    user_id = models.CharField(_("citizen's national ID number"), max_length=20, blank=True)
    issue = models.CharField(_("case reference"), max_length=40, blank=True)
    purpose = models.CharField(_("purpose"), max_length=200, blank=True)
    fields = models.JSONField(_("fields"), default=list, blank=True)
    request_id = models.UUIDField(_("request id"), default=uuid.uuid4, unique=True)
    x_road_id = models.CharField(_("exchange message id"), max_length=64, blank=True)
    response_hash = models.CharField(_("answer's SHA-256"), max_length=64, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), default=0)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registry_lookups",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("registry lookup")
        verbose_name_plural = _("registry lookups")

    def __str__(self) -> str:
        return f"{self.registry} {self.record} ({self.outcome})"
