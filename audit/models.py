"""The one audit log: who did what to which object, when and from where.

Every app writes to it through `audit.log.log_action` (a change, in the change's own
transaction) or `audit.log.log_access` (an officer opening personal data). `audit` sits
just above `core`: it imports no other app, so that `geo` and `accounts` can log their own
actions. The office an entry concerns is kept as a plain id (`office_id`, a
`geo.Facility` pk) for the same reason; `person` is the person the entry is about, who may
read it.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import user_reference


class AuditEntryQuerySet(models.QuerySet):
    def for_object(self, obj: models.Model) -> AuditEntryQuerySet:
        return self.filter(
            object_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
        )

    def for_offices(self, office_ids) -> AuditEntryQuerySet:
        """Return the entries about the offices with these ids (a list or a subquery)."""
        return self.filter(office_id__in=office_ids)

    def about_person(self, user) -> AuditEntryQuerySet:
        """Return the entries about `user`: what others did with their data or for them."""
        return self.filter(person=user)


class AuditEntry(models.Model):
    """One entry of the audit log, never changed once written.

    `action` is a dotted name, `<app>.<object>.<verb>` (`cases.case.approved`,
    `accounts.role.granted`, `cases.case.viewed`); `data` holds the facts an auditor needs
    (a reason, the states before and after) and never the personal content itself (no
    health question, no national ID number, no uploaded file).
    """

    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty when the portal itself acted (a task, a rule)."),
    )
    actor_address = models.GenericIPAddressField(_("from address"), null=True, blank=True)
    request_id = models.CharField(_("request id"), max_length=64, blank=True)
    action = models.CharField(_("action"), max_length=64, db_index=True)
    allowed = models.BooleanField(
        _("allowed"), default=True, help_text=_("False for a refused attempt to open something.")
    )
    object_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of object"), on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=200)
    office_id = models.PositiveBigIntegerField(_("office"), null=True, blank=True, db_index=True)
    person = user_reference(_("person concerned"))
    data = models.JSONField(_("details"), default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["object_type", "object_id", "created_at"]),
            models.Index(fields=["person", "created_at"]),
            models.Index(fields=["office_id", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"
