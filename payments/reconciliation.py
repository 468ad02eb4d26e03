"""Reconciliation for finance officers: an office's payment requests and mismatches,
filtered by day, service, office and status, with counts and totals per currency (riel and
dollars are never added together).

Who sees what: the finance officers (accounts role `finance-officer`) of an office see the
payments of the cases of that office, and the mismatches recorded for it; a mismatch for a
bill the portal never issued has no office and is shown to every finance officer (someone
must refund it). Administrators see every office.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import (
    Case,
    CharField,
    Count,
    DecimalField,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from accounts.officers import offices_of
from audit.log import log_action
from geo.models import Facility
from payments.models import Mismatch, PaymentRequest, Refund
from services.models import Service

CURRENCIES = ("KHR", "USD")
DEFAULT_DAYS = 7


def finance_offices(user) -> QuerySet[Facility]:
    """The offices whose payments the user reconciles (every office with payments for an
    administrator)."""
    if user.is_authenticated and user.is_superuser:
        return Facility.objects.filter(
            pk__in=PaymentRequest.objects.values("case__office_id")
        ).order_by("name_en")
    return offices_of(user, [Role.FINANCE_OFFICER])


def is_finance_officer(user) -> bool:
    return finance_offices(user).exists()


class StatusChoice:
    """The statuses a finance officer filters by: a pending request past its expiry is
    shown as expired (polling marks it so a day later)."""

    CHOICES = [
        ("paid", _("Paid")),
        ("pending", _("Waiting for payment")),
        ("expired", _("Expired")),
        ("mismatch", _("Mismatched")),
        ("refunded", _("Refunded")),
    ]


class ReconciliationFilter(forms.Form):
    """The filters of the reconciliation screen and its exports (GET)."""

    office = forms.ChoiceField(label=_("Office"), required=False)
    service = forms.ChoiceField(label=_("Service"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any")), *StatusChoice.CHOICES],
        error_messages={"invalid_choice": _("Choose a status from the list.")},
    )
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        error_messages={"invalid": _("Enter a date as year-month-day, e.g. 2026-12-01.")},
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        error_messages={"invalid": _("Enter a date as year-month-day, e.g. 2026-12-31.")},
    )

    def __init__(self, data, *, offices: QuerySet[Facility]) -> None:
        super().__init__(data)
        self.offices = list(offices)
        cast(forms.ChoiceField, self.fields["office"]).choices = [
            ("", _("All my offices")),
            *((office.code, office.name) for office in self.offices),
        ]
        self.fields["office"].error_messages["invalid_choice"] = _(
            "You do not reconcile the payments of that office."
        )
        services = Service.objects.filter(
            pk__in=PaymentRequest.objects.filter(case__office__in=self.offices).values(
                "case__service_id"
            )
        ).order_by("name_en")
        cast(forms.ChoiceField, self.fields["service"]).choices = [
            ("", _("Any")),
            *((service.slug, service.name) for service in services),
        ]
        self.fields["service"].error_messages["invalid_choice"] = _(
            "Choose a service from the list."
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned


@dataclass(frozen=True)
class Filters:
    offices: list[Facility]
    service: str = ""
    status: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None

    def as_query(self) -> dict[str, str]:
        """The filters as GET parameters (for the export links and the pages)."""
        return {
            key: value
            for key, value in {
                "office": self.offices[0].code if len(self.offices) == 1 else "",
                "service": self.service,
                "status": self.status,
                "date_from": self.date_from.isoformat() if self.date_from else "",
                "date_to": self.date_to.isoformat() if self.date_to else "",
            }.items()
            if value
        }


def read_filters(data, user) -> tuple[ReconciliationFilter, Filters]:
    """The filters asked for; invalid ones are reported on the form and left out. Asking
    for an office the user does not reconcile is refused (403), not silently widened."""
    offices = finance_offices(user)
    if not offices.exists():
        raise PermissionDenied
    if data.get("office") and not offices.filter(code=data["office"]).exists():
        raise PermissionDenied
    if not data:
        today = timezone.localdate()
        data = {"date_from": (today - datetime.timedelta(days=DEFAULT_DAYS - 1)).isoformat()}
    form = ReconciliationFilter(data, offices=offices)
    form.is_valid()
    cleaned = {k: v for k, v in form.cleaned_data.items() if k not in form.errors}
    chosen = [o for o in form.offices if o.code == cleaned.get("office")] or form.offices
    return form, Filters(
        offices=chosen,
        service=cleaned.get("service") or "",
        status=cleaned.get("status") or "",
        date_from=cleaned.get("date_from"),
        date_to=cleaned.get("date_to"),
    )


def do_record_export(officer, filters: Filters, kind: str) -> None:
    """Audit an export (payment data leaving the portal), once per office it covers."""
    with transaction.atomic():
        for office in filters.offices:
            log_action(
                officer,
                "payments.reconciliation.exported",
                office,
                {"format": kind, **filters.as_query()},
                office=office,
            )


def payments(filters: Filters) -> QuerySet[PaymentRequest]:
    """The payment requests the filters select, each with `state` (its status, "expired"
    for one pending past its expiry) and `day` (the local day it was paid, else asked)."""
    now = timezone.now()
    rows = (
        PaymentRequest.objects.filter(case__office__in=filters.offices)
        .select_related("case__service", "case__office")
        .annotate(
            state=Case(
                When(status="pending", expires_at__lte=now, then=Value("expired")),
                default=F("status"),
                output_field=CharField(),
            ),
            day=TruncDate(Coalesce("paid_at", "created_at")),
        )
    )
    if filters.service:
        rows = rows.filter(case__service__slug=filters.service)
    if filters.status:
        rows = rows.filter(state=filters.status)
    if filters.date_from:
        rows = rows.filter(day__gte=filters.date_from)
    if filters.date_to:
        rows = rows.filter(day__lte=filters.date_to)
    return rows.order_by("-day", "-created_at", "-pk")


def _refunds_of_mismatch(status: str) -> Subquery:
    """The sum of a mismatch's refunds in `status` (a subquery: no join to count twice)."""
    return Subquery(
        Refund.objects.filter(mismatch=OuterRef("pk"), status=status)
        .order_by()
        .values("mismatch")
        .annotate(total=Sum("amount"))
        .values("total")
    )


def mismatches(filters: Filters) -> QuerySet[Mismatch]:
    """The mismatches of the offices (and those for no known bill), by the day received,
    each with `refunded` (approved refunds) and `refund_asked` (refunds awaiting approval)."""
    zero = Value(Decimal(0), output_field=DecimalField(max_digits=14, decimal_places=2))
    rows = (
        Mismatch.objects.filter(Q(office__in=filters.offices) | Q(office__isnull=True))
        .select_related("payment__case__service", "office")
        .annotate(
            day=TruncDate("received_at"),
            refunded=Coalesce(_refunds_of_mismatch(Refund.Status.APPROVED), zero),
            refund_asked=Coalesce(_refunds_of_mismatch(Refund.Status.REQUESTED), zero),
        )
    )
    if filters.service:
        rows = rows.filter(payment__case__service__slug=filters.service)
    if filters.date_from:
        rows = rows.filter(day__gte=filters.date_from)
    if filters.date_to:
        rows = rows.filter(day__lte=filters.date_to)
    return rows.order_by("-received_at", "-pk")


@dataclass
class TotalRow:
    """One row of a totals table: its group key, a label and, per currency, a count and
    a sum."""

    key: object
    label: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CURRENCIES, 0))
    sums: dict[str, Decimal] = field(default_factory=lambda: dict.fromkeys(CURRENCIES, Decimal(0)))

    def cells(self) -> list[tuple[int, Decimal, str]]:
        return [(self.counts[c], self.sums[c], c) for c in CURRENCIES]


def totals(rows: QuerySet[PaymentRequest], by: str, labels: dict) -> list[TotalRow]:
    """Counts and totals of the bills' amounts grouped by `by` (an annotation or field),
    one column per currency; `labels` names the group keys."""
    table: dict[object, TotalRow] = {}
    grouped = (
        rows.order_by()
        .values(by, "currency")
        .annotate(n=Count("pk"), total=Sum("amount"))
        .order_by(by)
    )
    for group in grouped:
        key = group[by]
        row = table.setdefault(key, TotalRow(key, str(labels.get(key, key))))
        row.counts[group["currency"]] += group["n"]
        row.sums[group["currency"]] += group["total"] or Decimal(0)
    return list(table.values())


def grand_total(rows: list[TotalRow]) -> TotalRow:
    total = TotalRow("total", str(_("Total")))
    for row in rows:
        for currency in CURRENCIES:
            total.counts[currency] += row.counts[currency]
            total.sums[currency] += row.sums[currency]
    return total


@dataclass
class Summary:
    by_status: list[TotalRow]
    by_day: list[TotalRow]
    by_service: list[TotalRow]
    by_office: list[TotalRow]
    total: TotalRow
    mismatch_total: TotalRow


def summarise(rows: QuerySet[PaymentRequest], found: QuerySet[Mismatch]) -> Summary:
    statuses = dict(StatusChoice.CHOICES)
    order = list(statuses)
    by_status = sorted(totals(rows, "state", statuses), key=lambda row: order.index(str(row.key)))
    by_day = totals(rows, "day", {})[::-1]
    services = {s.pk: s.name for s in Service.objects.filter(pk__in=rows.values("case__service"))}
    offices = {o.pk: o.name for o in Facility.objects.filter(pk__in=rows.values("case__office"))}
    mismatch_total = TotalRow("mismatch", str(_("Mismatches")))
    for group in found.order_by().values("currency").annotate(n=Count("pk"), s=Sum("amount")):
        if group["currency"] in CURRENCIES:
            mismatch_total.counts[group["currency"]] = group["n"]
            mismatch_total.sums[group["currency"]] = group["s"] or Decimal(0)
    return Summary(
        by_status=by_status,
        by_day=by_day,
        by_service=totals(rows, "case__service", services),
        by_office=totals(rows, "case__office", offices),
        total=grand_total(by_status),
        mismatch_total=mismatch_total,
    )


def refund_standing(mismatch: Mismatch) -> str:
    """What became of the money of a mismatch from `mismatches()`, in words."""
    refunded, asked = mismatch.refunded, mismatch.refund_asked  # type: ignore[attr-defined]
    if refunded >= mismatch.amount:
        return str(_("Refunded"))
    if asked:
        return str(_("Refund waiting for approval"))
    if refunded:
        return str(_("Partly refunded"))
    return str(_("Not refunded"))
