"""The catalogue of public services, their versioned application forms, and applications.

A `Service` is catalogue data in Khmer and English. Its online form is a `FormVersion`:
a JSON definition (see `services.definitions`) that administrators edit in the back
office; once published a version never changes, and each `Application` keeps the version
it was started with. An application is a draft until it is submitted
(`services.submitting`); submitting decides its office once (`services.routing`), stores
it in `Application.office` and hands it to the handler the `cases` app registers
(`services.lifecycle`), which opens its case. From then on only the case's rerouting
action changes the office.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.languages import in_language
from core.models import NamedInKhmerAndEnglish
from services.definitions import definition_errors, parse_definition
from services.fees import fee_for, fee_rule_errors


class CatalogueHeading(NamedInKhmerAndEnglish):
    """Abstract base for the headings the catalogue is browsed by, in the editors' order."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name_km = models.CharField(_("name in Khmer"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    class Meta:
        abstract = True
        ordering = ["position", "slug"]


class Topic(CatalogueHeading):
    """A subject people browse the catalogue by (identity documents, business, land…)."""

    class Meta(CatalogueHeading.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class LifeEvent(CatalogueHeading):
    """A moment in life that needs several services (a birth, a marriage, starting a business)."""

    class Meta(CatalogueHeading.Meta):
        verbose_name = _("life event")
        verbose_name_plural = _("life events")


class ServiceQuerySet(models.QuerySet):
    def published(self) -> ServiceQuerySet:
        return self.filter(status=Service.Status.PUBLISHED)


class Service(models.Model):
    """A public service in the catalogue, in Khmer and English.

    `processing_level` says which office handles applications (see `services.routing`);
    `handling_office_type` overrides the usual office type for that level (a school, a
    provincial department). Lists of documents and eligibility are one item per line.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        RETIRED = "retired", _("Retired")

    class Level(models.TextChoices):
        COMMUNE = "commune", _("Commune or sangkat")
        DISTRICT = "district", _("District, khan or municipality")
        PROVINCE = "province", _("Province or capital")
        MINISTRY = "ministry", _("Ministry (national)")

    class Channel(models.TextChoices):
        ONLINE = "online", _("Online")
        OFFICE = "office", _("At an office")
        BOTH = "both", _("Online or at an office")
        EXTERNAL = "external", _("On another website")

    class FeeKind(models.TextChoices):
        FREE = "free", _("Free")
        FIXED = "fixed", _("Fixed fee")
        COMPUTED = "computed", _("Depends on the answers")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_km = models.CharField(_("name in Khmer"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200)
    summary_km = models.TextField(_("summary in Khmer"))
    summary_en = models.TextField(_("summary in English"))
    description_km = models.TextField(_("description in Khmer"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    institution = models.ForeignKey(
        "geo.Institution",
        verbose_name=_("institution responsible"),
        on_delete=models.PROTECT,
        related_name="services",
    )
    for_citizens = models.BooleanField(_("for citizens"), default=True)
    for_businesses = models.BooleanField(_("for businesses"), default=False)
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), related_name="services", blank=True
    )
    life_events = models.ManyToManyField(
        LifeEvent, verbose_name=_("life events"), related_name="services", blank=True
    )
    eligibility_km = models.TextField(_("who can apply, in Khmer"), blank=True)
    eligibility_en = models.TextField(_("who can apply, in English"), blank=True)
    documents_km = models.TextField(_("documents needed, in Khmer"), blank=True)
    documents_en = models.TextField(_("documents needed, in English"), blank=True)
    fee_kind = models.CharField(
        _("fee"), max_length=10, choices=FeeKind.choices, default=FeeKind.FREE
    )
    fee_khr = models.DecimalField(
        _("fee in riel"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    fee_usd = models.DecimalField(
        _("fee in US dollars"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    fee_rules = models.JSONField(
        _("fee rules"),
        default=list,
        blank=True,
        help_text=_(
            'For fees that depend on the answers: a list of {"when": condition, "khr": '
            'amount, "usd": amount}; every rule whose condition holds is added.'
        ),
    )
    fee_note_km = models.CharField(_("note on the fee, in Khmer"), max_length=300, blank=True)
    fee_note_en = models.CharField(_("note on the fee, in English"), max_length=300, blank=True)
    sla_working_days = models.PositiveSmallIntegerField(
        _("processing time (working days)"), null=True, blank=True
    )
    validity_months = models.PositiveSmallIntegerField(
        _("validity (months)"),
        null=True,
        blank=True,
        help_text=_(
            "How long a document issued for this service stays in force, in months. "
            "Leave empty when it does not expire."
        ),
    )
    processing_level = models.CharField(
        _("processing level"), max_length=10, choices=Level.choices, default=Level.COMMUNE
    )
    handling_office_type = models.ForeignKey(
        "geo.FacilityType",
        verbose_name=_("type of the office that handles it"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leave empty for the usual office of the processing level."),
    )
    channel = models.CharField(
        _("where it can be done"), max_length=10, choices=Channel.choices, default=Channel.BOTH
    )
    external_url = models.URLField(_("address of the other website"), blank=True)
    requires_verified_identity = models.BooleanField(
        _("needs a verified identity"),
        default=False,
        help_text=_("Applicants must have signed in with the national digital ID."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("services:service", args=[self.slug])

    def clean(self) -> None:
        if self.channel == self.Channel.EXTERNAL and not self.external_url:
            raise ValidationError(
                {"external_url": _("A service done on another website needs its address.")}
            )
        if self.fee_kind == self.FeeKind.FIXED and self.fee_khr is None and self.fee_usd is None:
            raise ValidationError({"fee_khr": _("A fixed fee needs an amount in riel or dollars.")})
        if self.fee_rules:
            if errors := fee_rule_errors(self.fee_rules):
                raise ValidationError({"fee_rules": errors})

    @property
    def name(self) -> str:
        return in_language(self.name_km, self.name_en)

    @property
    def summary(self) -> str:
        return in_language(self.summary_km, self.summary_en)

    @property
    def description(self) -> str:
        return in_language(self.description_km, self.description_en)

    @property
    def eligibility(self) -> list[str]:
        return _lines(in_language(self.eligibility_km, self.eligibility_en))

    @property
    def documents(self) -> list[str]:
        return _lines(in_language(self.documents_km, self.documents_en))

    @property
    def fee_note(self) -> str:
        return in_language(self.fee_note_km, self.fee_note_en)

    @property
    def is_online(self) -> bool:
        return self.channel in (self.Channel.ONLINE, self.Channel.BOTH)

    def published_form(self) -> FormVersion | None:
        """Return the newest published form version, or None."""
        return (
            self.form_versions.filter(status=FormVersion.Status.PUBLISHED)
            .order_by("-number")
            .first()
        )


def _lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in text.splitlines() if line.strip(" -•\t")]


class FormVersion(models.Model):
    """One version of a service's application form, a JSON definition.

    Drafts can be edited; publishing freezes the version for good (`save` refuses any
    change to a published definition). Editing a published form means copying it into a
    new draft version (the admin's "new draft from this" action).
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        RETIRED = "retired", _("Retired")

    service = models.ForeignKey(
        Service, verbose_name=_("service"), on_delete=models.CASCADE, related_name="form_versions"
    )
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    definition = models.JSONField(_("definition"), default=dict)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("form version")
        verbose_name_plural = _("form versions")
        ordering = ["service", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "number"], name="services_form_version_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service.slug} v{self.number}"

    def save(self, *args, **kwargs) -> None:
        if self.pk:
            stored = FormVersion.objects.filter(pk=self.pk).values("status", "definition").first()
            if (
                stored
                and stored["status"] != self.Status.DRAFT
                and stored["definition"] != self.definition
            ):
                raise ValidationError(_("A published form version cannot be changed."))
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if errors := definition_errors(self.definition):
            raise ValidationError({"definition": errors})

    def form(self):
        """Return the parsed definition (`services.definitions.FormDefinition`)."""
        cached = getattr(self, "_parsed", None)
        if cached is None:
            cached = self._parsed = parse_definition(self.definition)
        return cached


class ApplicationQuerySet(models.QuerySet):
    def drafts(self) -> ApplicationQuerySet:
        return self.filter(state=Application.State.DRAFT)

    def submitted(self) -> ApplicationQuerySet:
        return self.filter(state=Application.State.SUBMITTED)


class Application(models.Model):
    """A person's application for a service, made with one form version.

    `answers` maps field keys to JSON values (see `services.definitions` for each type's
    shape); `area` is where the application is handled for (routing), taken from the
    form's area field or the applicant's home area. `organisation` is set when the person
    applied on behalf of a business (`accounts.acting`). `office` is empty while it is a
    draft; submitting stores the office routing gives (None: the national queue), and
    only a rerouting of its case changes it. Officers' rights follow it (`services.rules`).
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    service = models.ForeignKey(
        Service, verbose_name=_("service"), on_delete=models.PROTECT, related_name="applications"
    )
    form_version = models.ForeignKey(
        FormVersion,
        verbose_name=_("form version"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    area = models.ForeignKey(
        "geo.Area",
        verbose_name=_("area"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    office = models.ForeignKey(
        "geo.Facility",
        verbose_name=_("handling office"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Set when the application is submitted; changed only by rerouting its case."),
    )
    reference = models.CharField(_("reference"), max_length=24, unique=True, null=True, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    # What the registries answered for this application's form, asked once (see
    # services.prefilling): {field key: {"source", "value"} or {"source", "failed"}}.
    prefilled = models.JSONField(_("filled in from registries"), default=dict, blank=True)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["user", "state"])]

    def __str__(self) -> str:
        return self.reference or f"{self.service.slug} ({self.get_state_display()})"

    def get_absolute_url(self) -> str:
        if self.is_draft:
            return reverse("services:resume", args=[self.public_id])
        return reverse("services:submitted", args=[self.public_id])

    @property
    def is_draft(self) -> bool:
        return self.state == self.State.DRAFT

    @property
    def is_submitted(self) -> bool:
        return self.state == self.State.SUBMITTED

    def fee(self) -> tuple[Decimal | None, Decimal | None]:
        """Return the fee (riel, dollars) for these answers."""
        return fee_for(self.service, self.answers)


class Attachment(models.Model):
    """A file uploaded as the answer to a file field.

    The file lives in the private `attachments` storage (`services.attachments`) under
    `stored_name`; it is never given a public URL, only served through `access`.
    """

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    field_key = models.CharField(_("field"), max_length=120)
    stored_name = models.CharField(
        _("name in the attachments storage"), max_length=255, unique=True
    )
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("services:attachment", args=[self.public_id])

    @property
    def user(self):
        """The applicant (for `accounts.permissions.is_owner_of_object`)."""
        return self.application.user

    @property
    def office(self):
        """The application's handling office (empty while it is a draft)."""
        return self.application.office

    @property
    def is_submitted(self) -> bool:
        return self.application.is_submitted
