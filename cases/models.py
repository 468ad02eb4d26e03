"""Cases: a submitted application as the handling office works on it.

A `Case` is opened for each submitted `services.Application` (one per application) and
opened with the office stored on the application at submission (`office` None means the
national queue); only rerouting changes it, on the case and the application together
(`cases.actions.do_reroute_case`). Its `state` moves only through `cases.workflow`
(states and transitions are data, per service: `ServiceWorkflow`, `cases.definitions`);
`version` grows with every change so that a second click or a stale form is refused.
`CaseEvent` is the history (who, when, why, from which address); `CaseMessage` the
conversation with the applicant. Every officer's opening of a case, and every action, is
in the one audit log (`audit`), not in a table of this app.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.definitions import (
    DECISION_STATES,
    FINAL_STATES,
    Workflow,
    default_workflow,
    parse_workflow,
    workflow_errors,
)
from core.models import user_reference


class CaseQuerySet(models.QuerySet):
    def open(self) -> CaseQuerySet:
        return self.exclude(state__in=FINAL_STATES)

    def overdue(self, today=None) -> CaseQuerySet:
        return self.open().filter(due_date__lt=today or timezone.localdate())

    def national_queue(self) -> CaseQuerySet:
        return self.filter(office__isnull=True)


class Case(models.Model):
    """One submitted application being handled; see the module docstring."""

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    application = models.OneToOneField(
        "services.Application",
        verbose_name=_("application"),
        on_delete=models.PROTECT,
        related_name="case",
    )
    reference = models.CharField(_("reference"), max_length=24, unique=True)
    service = models.ForeignKey(
        "services.Service", verbose_name=_("service"), on_delete=models.PROTECT, related_name="+"
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.PROTECT,
        related_name="cases",
    )
    office = models.ForeignKey(
        "geo.Facility",
        verbose_name=_("handling office"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
        help_text=_("Empty: the national queue, which administrators handle."),
    )
    area = models.ForeignKey(
        "geo.Area",
        verbose_name=_("area"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    state = models.CharField(_("state"), max_length=32, default="received")
    version = models.PositiveIntegerField(_("version"), default=1)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    due_date = models.DateField(_("due"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    taken_at_counter_by = user_reference(_("taken at the counter by"), on_delete=models.PROTECT)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-received_at", "-pk"]
        indexes = [
            models.Index(fields=["office", "state", "-received_at"]),
            models.Index(fields=["office", "due_date"]),
            models.Index(fields=["assigned_to", "state"]),
        ]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("cases:office_case", args=[self.public_id])

    def get_applicant_url(self) -> str:
        return reverse("cases:my_case", args=[self.public_id])

    @property
    def user(self):
        """The applicant (for `accounts.permissions.is_owner_of_object`)."""
        return self.applicant

    @property
    def taken_at_counter(self) -> bool:
        return self.taken_at_counter_by_id is not None

    @property
    def in_national_queue(self) -> bool:
        return self.office_id is None

    @property
    def awaits_decision(self) -> bool:
        """Whether the office has yet to approve or reject (the due date still matters)."""
        return self.state not in FINAL_STATES and self.state not in DECISION_STATES

    @property
    def is_overdue(self) -> bool:
        return bool(
            self.due_date
            and self.state not in FINAL_STATES
            and self.due_date < timezone.localdate()
        )

    def state_label(self) -> str:
        return workflow_for(self.service).state_label(self.state)


class ServiceWorkflow(models.Model):
    """A service's own workflow (states and transitions as JSON, see `cases.workflow`).

    Services without one use the default workflow. Checked on save.
    """

    service = models.OneToOneField(
        "services.Service",
        verbose_name=_("service"),
        on_delete=models.CASCADE,
        related_name="workflow",
    )
    definition = models.JSONField(_("definition"))

    class Meta:
        verbose_name = _("service workflow")
        verbose_name_plural = _("service workflows")

    def __str__(self) -> str:
        return str(self.service)

    def clean(self) -> None:
        if errors := workflow_errors(self.definition):
            raise ValidationError({"definition": errors})


def workflow_for(service) -> Workflow:
    """Return the service's workflow (its own `ServiceWorkflow`, or the default)."""
    if not service.pk:
        return default_workflow()
    cache = getattr(service, "_case_workflow", None)
    if cache is None:
        own = ServiceWorkflow.objects.filter(service_id=service.pk).first()
        cache = service._case_workflow = (
            parse_workflow(own.definition) if own else default_workflow()
        )
    return cache


class CaseEvent(models.Model):
    """One entry in a case's history: a transition, an assignment, a re-routing, a note."""

    class Kind(models.TextChoices):
        OPENED = "opened", _("Received")
        TRANSITION = "transition", _("Status changed")
        ASSIGNED = "assigned", _("Assigned")
        REROUTED = "rerouted", _("Sent to another office")
        NOTE = "note", _("Internal note")
        DOCUMENT = "document", _("Document")
        REFUSED = "refused", _("Action refused")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    transition = models.CharField(_("action"), max_length=40, blank=True)
    from_state = models.CharField(_("from"), max_length=32, blank=True)
    to_state = models.CharField(_("to"), max_length=32, blank=True)
    actor = user_reference(_("by"), on_delete=models.PROTECT)
    text = models.TextField(_("reason or note"), blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.transition}".strip()


class CaseMessage(models.Model):
    """A message between the office and the applicant; files are `services.Attachment`s
    of the application (field "case-message")."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    from_office = models.BooleanField(_("from the office"))
    body = models.TextField(_("message"))
    attachments = models.ManyToManyField("services.Attachment", blank=True, related_name="+")
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:60]


class CounterIntake(models.Model):
    """An application an officer entered at the counter for a walk-in citizen."""

    application = models.OneToOneField(
        "services.Application", on_delete=models.CASCADE, related_name="counter_intake"
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    office = models.ForeignKey(
        "geo.Facility", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("taken"), default=timezone.now)

    class Meta:
        verbose_name = _("counter intake")
        verbose_name_plural = _("counter intakes")

    def __str__(self) -> str:
        return str(self.application)
