"""Issued documents (certificates, licences, letters) and their templates.

An `IssuedDocument` is what an office certifies about someone: a title, a holder and a
few ordered facts, signed with Ed25519 over its canonical content (documents.signing) and
rendered once as a PDF kept in private storage. The public verification page shows only
what the document certifies. What a document was issued for (a case, usually) is a
generic link, so this app depends on no app that issues documents.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.models import user_reference
from documents.codes import display_code


def in_language(km: str, en: str) -> str:
    return en if (get_language() or "km").startswith("en") and en else km


class Kind(models.TextChoices):
    CERTIFICATE = "certificate", _("Certificate")
    LICENCE = "licence", _("Licence")
    LETTER = "letter", _("Letter")
    RECEIPT = "receipt", _("Receipt")
    TICKET = "ticket", _("Ticket")


class DocumentTemplate(models.Model):
    """How one kind of document reads, per service: administrators edit these in the
    Django admin. `body_km` and `body_en` are Django template text rendered with
    `holder_name`, `office` (names), `issued_on`, `valid_from`, `valid_until` (dates as
    words, "" when not set) and `facts` (a dict of values by key)."""

    key = models.SlugField(_("key"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title_km = models.CharField(_("title in Khmer"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200)
    body_km = models.TextField(_("text in Khmer"), blank=True)
    body_en = models.TextField(_("text in English"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("document template")
        verbose_name_plural = _("document templates")
        ordering = ["key"]

    def __str__(self) -> str:
        return f"{self.key}: {self.title_en}"


class IssuedDocumentQuerySet(models.QuerySet):
    def for_subject(self, subject: models.Model) -> IssuedDocumentQuerySet:
        return self.filter(
            subject_type=ContentType.objects.get_for_model(subject), subject_id=str(subject.pk)
        )


class IssuedDocument(models.Model):
    """One issued document. Everything in `content` is signed; status is not (a document
    is revoked after it was signed), so revocation lives beside it."""

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")

    code = models.CharField(_("verification code"), max_length=16, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    template_key = models.SlugField(_("template"), max_length=60)
    title_km = models.CharField(_("title in Khmer"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200)
    holder_name = models.CharField(_("holder's name"), max_length=200)
    # [{"label_km", "label_en", "value_km", "value_en"}, ...] in the order printed.
    facts = models.JSONField(_("facts certified"), default=list)
    # Who may download the PDF besides the issuing office: a person, an organisation.
    holder = user_reference(_("holder's account"))
    holder_organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("holder's organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    office = models.ForeignKey(
        "geo.Facility",
        verbose_name=_("issuing office"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The office's names as they were on the day of issue (they are part of what is signed).
    issuer_name_km = models.CharField(_("issuer in Khmer"), max_length=200)
    issuer_name_en = models.CharField(_("issuer in English"), max_length=200)
    issued_at = models.DateTimeField(_("issued"))
    # The days it is in force (a permit, a licence); part of what is signed when set.
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    # Empty when the portal issued it itself (a receipt for a confirmed payment, a
    # certificate for a finished course).
    issued_by = user_reference(_("issued by"), on_delete=models.PROTECT)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.VALID
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = user_reference(_("revoked by"), on_delete=models.PROTECT)
    revocation_reason = models.TextField(_("reason for revoking"), blank=True)
    # Exactly the text that was signed (documents.signing.canonical_json).
    content = models.TextField(_("signed content"))
    signature = models.CharField(_("signature"), max_length=100)
    key_id = models.CharField(_("signing key id"), max_length=32)
    # A name in the "documents" storage (settings.STORAGES), never served directly.
    pdf_name = models.CharField(_("PDF file"), max_length=200, blank=True)
    # What it was issued for: usually a case (a generic link: this app imports no issuer).
    subject_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    subject_id = models.CharField(max_length=64, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")

    objects = IssuedDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("issued document")
        verbose_name_plural = _("issued documents")
        ordering = ["-issued_at"]
        indexes = [models.Index(fields=["subject_type", "subject_id"])]

    def __str__(self) -> str:
        return f"{self.display_code} {self.title_en}"

    def get_absolute_url(self) -> str:
        return reverse("documents:verify_code", kwargs={"code": self.code})

    @property
    def display_code(self) -> str:
        return display_code(self.code)

    @property
    def title(self) -> str:
        return in_language(self.title_km, self.title_en)

    @property
    def issuer_name(self) -> str:
        return in_language(self.issuer_name_km, self.issuer_name_en)

    @property
    def is_revoked(self) -> bool:
        return self.status == self.Status.REVOKED

    def standing_on(self, day: date) -> str:
        """Return "revoked", "expired", "not_yet_valid" or "valid" on `day`."""
        if self.is_revoked:
            return "revoked"
        if self.valid_until is not None and day > self.valid_until:
            return "expired"
        if self.valid_from is not None and day < self.valid_from:
            return "not_yet_valid"
        return "valid"

    @property
    def standing_today(self) -> str:
        """The document's standing_on today, in the portal's time zone."""
        return self.standing_on(timezone.localdate())

    # For accounts.permissions: the holder is the document's owner, the holder's
    # organisation its organisation (`office` is already the issuing office).
    @property
    def user(self) -> Any:
        return self.holder

    @property
    def organisation(self) -> Any:
        return self.holder_organisation
