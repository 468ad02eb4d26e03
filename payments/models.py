"""Payment requests: what a case owes, the KHQR to pay it with, and what became of it."""

from __future__ import annotations

import uuid

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PaymentRequest(models.Model):
    """One fee asked of the applicant of a case, payable by one dynamic KHQR until
    `expires_at`. Paid once: `paid_at` is set once and never changed."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for payment")
        PAID = "paid", _("Paid")
        EXPIRED = "expired", _("Expired")
        MISMATCH = "mismatch", _("Paid with a different amount")

    class Currency(models.TextChoices):
        KHR = "KHR", _("riel")
        USD = "USD", _("US dollars")

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("case"),
        on_delete=models.PROTECT,
        related_name="payment_requests",
    )
    reference = models.CharField(_("bill number"), max_length=25)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    payload = models.TextField(_("KHQR payload"))
    md5 = models.CharField(_("MD5 of the payload"), max_length=32, unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)
    paid_amount = models.DecimalField(
        _("amount paid"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    paid_currency = models.CharField(_("currency paid"), max_length=3, blank=True)
    transaction_hash = models.CharField(_("transaction hash"), max_length=64, blank=True)
    payer_account = models.CharField(_("paid from"), max_length=64, blank=True)
    checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)

    class Meta:
        verbose_name = _("payment request")
        verbose_name_plural = _("payment requests")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "expires_at"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.amount} {self.currency}"

    def get_absolute_url(self) -> str:
        return reverse("payments:pay", args=[self.public_id])

    @property
    def is_waiting(self) -> bool:
        return self.status == self.Status.PENDING and self.expires_at > timezone.now()


class CallbackEvent(models.Model):
    """A bank's payment callback, kept by its event id so that a replay is refused."""

    event_id = models.CharField(_("event id"), max_length=64, unique=True)
    md5 = models.CharField(_("MD5 of the payload"), max_length=32)
    received_at = models.DateTimeField(_("received"), default=timezone.now)

    class Meta:
        verbose_name = _("bank callback")
        verbose_name_plural = _("bank callbacks")

    def __str__(self) -> str:
        return self.event_id
