"""The reconciliation list as a spreadsheet: CSV (UTF-8 with a byte-order mark, which
spreadsheet programs need to read Khmer) and XLSX (openpyxl, write-only, streamed rows).

Headers are in the page's language; amounts are numbers, each with its own currency
column (riel and dollars are never summed together). A text cell that a spreadsheet would
run as a formula (=, +, -, @) is written with a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from payments.models import Mismatch, PaymentRequest
from payments.reconciliation import StatusChoice, refund_standing

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def headers() -> list[str]:
    return [
        _("Bill number"),
        _("Service"),
        _("Office"),
        _("Status"),
        _("Amount"),
        _("Currency"),
        _("Amount paid"),
        _("Currency paid"),
        _("Day"),
        _("Asked on"),
        _("Paid on"),
        _("Transaction"),
        _("Paid from"),
    ]


def rows(payments: QuerySet[PaymentRequest]) -> Iterator[list[object]]:
    statuses = dict(StatusChoice.CHOICES)
    for p in payments.iterator(chunk_size=2000):
        yield [
            p.reference,
            p.case.service.name,
            p.case.office.name if p.case.office else "",
            str(statuses.get(p.state, p.state)),  # type: ignore[attr-defined]
            p.amount,
            p.currency,
            p.paid_amount if p.paid_amount is not None else "",
            p.paid_currency,
            p.day,  # type: ignore[attr-defined]
            _local(p.created_at),
            _local(p.paid_at),
            p.transaction_hash,
            p.payer_account,
        ]


def mismatch_headers() -> list[str]:
    return [
        _("Received"),
        _("Reported by"),
        _("Why it does not match"),
        _("Bill number"),
        _("Amount"),
        _("Currency"),
        _("Transaction"),
        _("Paid from"),
        _("Refund"),
        _("Amount refunded"),
    ]


def mismatch_rows(found: QuerySet[Mismatch]) -> Iterator[list[object]]:
    for m in found.iterator(chunk_size=2000):
        yield [
            _local(m.received_at),
            m.get_source_display(),
            m.get_reason_display(),
            m.reference,
            m.amount,
            m.currency,
            m.transaction_hash,
            m.payer_account,
            refund_standing(m),
            m.refunded,  # type: ignore[attr-defined]
        ]


def _local(moment) -> object:
    """A moment as the office's local time, without the zone (spreadsheets want naive)."""
    return timezone.localtime(moment).replace(tzinfo=None) if moment else ""


def safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def as_csv(lines: Iterable[Sequence[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    for line in lines:
        writer.writerow(["" if v is None else _csv_text(safe(v)) for v in line])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_text(value: object) -> object:
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if hasattr(value, "isoformat"):
        return value.isoformat(sep=" ") if hasattr(value, "hour") else value.isoformat()
    return value


def as_xlsx(sheets: list[tuple[str, list[str], Iterable[list[object]]]]) -> bytes:
    """One sheet per (title, headers, rows)."""
    book = Workbook(write_only=True)
    for title, header, lines in sheets:
        sheet = book.create_sheet(title[:31])
        sheet.append(header)
        for line in lines:
            sheet.append([safe(v) for v in line])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
