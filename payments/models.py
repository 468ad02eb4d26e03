"""Payment requests: what a case owes, the KHQR to pay it with, and what became of it."""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import user_reference


class PaymentRequest(models.Model):
    """One fee asked of the applicant of a case, payable by one dynamic KHQR until
    `expires_at`. Paid once: `paid_at` is set once and never changed."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for payment")
        PAID = "paid", _("Paid")
        EXPIRED = "expired", _("Expired")
        MISMATCH = "mismatch", _("Paid with a different amount")
        REFUNDED = "refunded", _("Refunded")

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
    # The signed receipt, issued once when the payment is confirmed (payments.receipts).
    receipt = models.OneToOneField(
        "documents.IssuedDocument",
        verbose_name=_("receipt"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # What approved refunds gave back so far (payments.refunds), in `paid_currency`.
    refunded_amount = models.DecimalField(
        _("amount refunded"), max_digits=14, decimal_places=2, default=Decimal(0)
    )

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

    @property
    def refundable_amount(self) -> Decimal:
        """What was paid and not yet given back (0 for a request nobody paid)."""
        return max((self.paid_amount or Decimal(0)) - self.refunded_amount, Decimal(0))

    @property
    def refund_standing(self) -> str:
        """ "refunded", "partly_refunded" or "" (nothing given back)."""
        if not self.refunded_amount:
            return ""
        return "refunded" if self.refundable_amount == 0 else "partly_refunded"


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


class Refund(models.Model):
    """Money given back, in full or in part, for a payment request or for a mismatch (money
    that did not pay a bill, even one the portal never issued): asked for by one officer,
    approved or rejected by another (four eyes). Exactly one of `payment` and `mismatch`
    is set."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    payment = models.ForeignKey(
        PaymentRequest,
        verbose_name=_("payment"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="refunds",
    )
    mismatch = models.ForeignKey(
        "payments.Mismatch",
        verbose_name=_("payment mismatch"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="refunds",
    )
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    currency = models.CharField(
        _("currency"), max_length=3, choices=PaymentRequest.Currency.choices
    )
    reason = models.TextField(_("reason"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    requested_by = user_reference(_("requested by"), on_delete=models.PROTECT)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    decided_by = user_reference(_("decided by"), on_delete=models.PROTECT)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("note on the decision"), blank=True)

    class Meta:
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.amount} {self.currency} ({self.status})"

    def get_absolute_url(self) -> str:
        return reverse("payments:refund", args=[self.public_id])


class Source(models.TextChoices):
    """Where the portal heard of a payment."""

    BAKONG = "bakong", _("Bakong (checked by the portal)")
    BANK_CALLBACK = "callback", _("Bank callback")
    STATEMENT = "statement", _("Bank statement")


class Mismatch(models.Model):
    """Money reported as paid that the portal did not take as a bill paid: kept as it
    arrived, with why, for a finance officer to refund or settle. Never marks a bill paid."""

    class Reason(models.TextChoices):
        UNKNOWN_BILL = "unknown", _("No such bill")
        EXPIRED = "expired", _("Paid after the bill expired")
        WRONG_AMOUNT = "amount", _("Not the bill's amount")
        WRONG_CURRENCY = "currency", _("Not the bill's currency")
        ALREADY_PAID = "twice", _("The bill was already paid")
        UNCONFIRMED = "unconfirmed", _("In the bank statement, not yet confirmed by the bank")

    source = models.CharField(_("reported by"), max_length=10, choices=Source.choices)
    reason = models.CharField(_("why it does not match"), max_length=12, choices=Reason.choices)
    payment = models.ForeignKey(
        PaymentRequest,
        verbose_name=_("payment request"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mismatches",
    )
    office = models.ForeignKey(
        "geo.Facility",
        verbose_name=_("office"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    md5 = models.CharField(_("MD5 of the payload"), max_length=32, blank=True)
    reference = models.CharField(_("bill number"), max_length=64, blank=True)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    transaction_hash = models.CharField(_("transaction"), max_length=64, blank=True)
    payer_account = models.CharField(_("paid from"), max_length=64, blank=True)
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now)

    class Meta:
        verbose_name = _("payment mismatch")
        verbose_name_plural = _("payment mismatches")
        ordering = ["-received_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "transaction_hash"],
                condition=~models.Q(transaction_hash=""),
                name="payments_mismatch_once_per_transaction",
            )
        ]

    def __str__(self) -> str:
        return f"{self.reason} {self.reference or self.md5} {self.amount} {self.currency}"


class BankStatement(models.Model):
    """A bank statement (CSV) a finance officer imported for an office, with the counts of
    its lines by outcome and the rows that could not be read."""

    office = models.ForeignKey(
        "geo.Facility", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("imported"), default=timezone.now)
    file_name = models.CharField(_("file name"), max_length=200)
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    matched = models.PositiveIntegerField(_("matched"), default=0)
    already_matched = models.PositiveIntegerField(_("already matched"), default=0)
    unmatched = models.PositiveIntegerField(_("not matched"), default=0)
    bad_rows = models.JSONField(_("rows that could not be read"), default=list, blank=True)

    class Meta:
        verbose_name = _("bank statement")
        verbose_name_plural = _("bank statements")
        ordering = ["-imported_at", "-pk"]

    def __str__(self) -> str:
        return self.file_name


class StatementLine(models.Model):
    """One line of a bank statement and what it was matched to."""

    class Outcome(models.TextChoices):
        MATCHED = "matched", _("Matched")
        ALREADY_MATCHED = "already", _("Already matched")
        UNMATCHED = "unmatched", _("Not matched")

    statement = models.ForeignKey(
        BankStatement, verbose_name=_("statement"), on_delete=models.CASCADE, related_name="lines"
    )
    row = models.PositiveIntegerField(_("row"))
    booked_on = models.DateField(_("date"))
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    reference = models.CharField(_("bill number"), max_length=64, blank=True)
    bank_transaction_id = models.CharField(_("bank transaction"), max_length=64)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    payment = models.ForeignKey(
        PaymentRequest,
        verbose_name=_("payment request"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="statement_lines",
    )
    mismatch = models.ForeignKey(
        Mismatch,
        verbose_name=_("mismatch"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("bank statement line")
        verbose_name_plural = _("bank statement lines")
        ordering = ["statement", "row"]
        indexes = [models.Index(fields=["bank_transaction_id"])]

    def __str__(self) -> str:
        return f"{self.row}: {self.bank_transaction_id}"
