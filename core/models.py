from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.languages import in_language

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def user_reference(
    verbose_name: StrOrPromise, on_delete: Any = models.SET_NULL
) -> models.ForeignKey[Any, Any]:
    """Return a field for the user who did something (decided, published, ended...): empty
    until someone has, and without a reverse accessor on the user."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=on_delete,
        related_name="+",
    )


class NamedInKhmerAndEnglish(models.Model):
    """Abstract base for a record with `name_km` and `name_en` fields: `name` is the one in
    the reader's language (the other when that one is empty). It adds no columns."""

    name_km: str
    name_en: str

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_language(self.name_km, self.name_en)


class WorkerHeartbeat(models.Model):
    """A row per running task worker, touched every few seconds; /readyz reads it."""

    worker_id = models.CharField(_("worker id"), max_length=64, unique=True)
    hostname = models.CharField(_("host name"), max_length=255)
    pid = models.PositiveIntegerField(_("process id"))
    started_at = models.DateTimeField(_("started at"))
    last_seen_at = models.DateTimeField(_("last seen at"), db_index=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self) -> str:
        return f"{self.hostname}:{self.pid}"
