"""Importing a bank statement (CSV) and matching it line by line, never guessing.

The file is UTF-8 CSV with a header row naming these columns, in any order (docs/
operations.md, "Bank statements"):

    date            the day the bank booked it: 2026-12-07 (or 07/12/2026)
    amount          20000 or 12.50 (a thousands comma is allowed: 20,000)
    currency        KHR or USD (or 116, 840)
    reference       the bill number, which is the case reference (may be empty)
    transaction_id  the bank's id of the transaction (the Bakong hash for KHQR payments)

A line is **matched** to a paid request of the office with the same transaction hash, or
the same bill number, amount and currency; **already matched** when the same transaction
was matched by an earlier import (re-importing a statement matches nothing twice); else
**not matched**, and kept as a `Mismatch` saying why (no such bill, expired, another
amount or currency, a second payment of a paid bill, or not yet confirmed by the bank's
network). A row that cannot be read is reported with its reason in Khmer and English and
the other rows are imported.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from audit.log import log_action
from geo.models import Facility
from payments.mismatches import reason_against, record_mismatch
from payments.models import BankStatement, Mismatch, PaymentRequest, Source, StatementLine

COLUMNS = ("date", "amount", "currency", "reference", "transaction_id")
MAX_BYTES = 2_000_000
MAX_ROWS = 20_000
CURRENCY_CODES = {"KHR": "KHR", "116": "KHR", "USD": "USD", "840": "USD"}
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
PAID_STATES = (PaymentRequest.Status.PAID, PaymentRequest.Status.REFUNDED)


class StatementError(Exception):
    """The file as a whole cannot be imported; `km` and `en` say why."""

    def __init__(self, km: str, en: str) -> None:
        super().__init__(en)
        self.km, self.en = km, en


@dataclass(frozen=True)
class Row:
    number: int
    booked_on: datetime.date
    amount: Decimal
    currency: str
    reference: str
    transaction_id: str


@dataclass(frozen=True)
class BadRow:
    number: int
    km: str
    en: str


def read_rows(content: bytes) -> tuple[list[Row], list[BadRow]]:
    """The readable rows and the bad ones (with why), or StatementError for the file."""
    if len(content) > MAX_BYTES:
        raise StatementError(
            "ឯកសារធំពេក (លើសពី ២ មេកាបៃ)។ សូមបំបែកវាជាច្រើនឯកសារ។",
            "The file is too large (over 2 MB). Split it into several files.",
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise StatementError(
            "ឯកសារនេះមិនមែនជាអត្ថបទ CSV ជា UTF-8 ទេ។ សូមរក្សាទុកវាជា CSV UTF-8 ហើយព្យាយាមម្តងទៀត។",
            "This file is not CSV text in UTF-8. Save it as CSV UTF-8 and try again.",
        ) from exc
    reader = csv.DictReader(io.StringIO(text))
    header = [(name or "").strip().lower() for name in reader.fieldnames or []]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        names = ", ".join(missing)
        raise StatementError(
            f"ជួរទីមួយត្រូវតែដាក់ឈ្មោះជួរឈរ៖ {', '.join(COLUMNS)}។ ខ្វះ៖ {names}។",
            f"The first row must name the columns {', '.join(COLUMNS)}. Missing: {names}.",
        )
    reader.fieldnames = header
    rows: list[Row] = []
    bad: list[BadRow] = []
    seen: set[str] = set()
    for number, record in enumerate(reader, start=2):
        if number - 1 > MAX_ROWS:
            raise StatementError(
                "ឯកសារមានជួរដេកច្រើនពេក (លើសពី ២០ ០០០)។ សូមបំបែកវា។",
                "The file has too many rows (over 20,000). Split it.",
            )
        if not any((value or "").strip() for value in record.values() if isinstance(value, str)):
            continue
        row = _row(number, record)
        if isinstance(row, BadRow):
            bad.append(row)
        elif row.transaction_id in seen:
            bad.append(
                BadRow(
                    number,
                    "លេខប្រតិបត្តិការនេះមានម្តងរួចហើយនៅក្នុងឯកសារនេះ។",
                    "This transaction id is already on an earlier row of this file.",
                )
            )
        else:
            seen.add(row.transaction_id)
            rows.append(row)
    return rows, bad


def _row(number: int, record: dict) -> Row | BadRow:
    value = {column: (record.get(column) or "").strip() for column in COLUMNS}
    booked_on = _date(value["date"])
    if booked_on is None:
        return BadRow(
            number,
            "កាលបរិច្ឆេទមិនត្រឹមត្រូវ៖ សូមសរសេរជា ឆ្នាំ-ខែ-ថ្ងៃ ឧ. 2026-12-07។",
            "The date is not valid: write it as year-month-day, e.g. 2026-12-07.",
        )
    currency = CURRENCY_CODES.get(value["currency"].upper())
    if currency is None:
        return BadRow(
            number,
            "រូបិយប័ណ្ណត្រូវតែជា KHR ឬ USD។",
            "The currency must be KHR or USD.",
        )
    amount = _amount(value["amount"], currency)
    if amount is None:
        return BadRow(
            number,
            "ចំនួនទឹកប្រាក់មិនត្រឹមត្រូវ៖ លេខវិជ្ជមាន (រៀលគ្មានទសភាគ ដុល្លារមានទសភាគពីរខ្ទង់)។",
            "The amount is not valid: a positive number (riel whole, dollars with at most "
            "two decimals).",
        )
    if not value["transaction_id"] or len(value["transaction_id"]) > 64:
        return BadRow(
            number,
            "ខ្វះលេខប្រតិបត្តិការរបស់ធនាគារ (ឬវាវែងជាង ៦៤ តួ)។",
            "The bank's transaction id is missing (or longer than 64 characters).",
        )
    return Row(
        number, booked_on, amount, currency, value["reference"][:64], value["transaction_id"]
    )


def _date(text: str) -> datetime.date | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _amount(text: str, currency: str) -> Decimal | None:
    try:
        amount = Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None
    places = 0 if currency == "KHR" else 2
    if not amount.is_finite() or amount <= 0 or amount != round(amount, places):
        return None
    return amount.quantize(Decimal("0.01"))


def do_import_statement(officer, office: Facility, file_name: str, content: bytes) -> BankStatement:
    """Import the statement for `office` and match its lines (one transaction, audited);
    StatementError if the file cannot be read at all (then nothing is kept)."""
    rows, bad = read_rows(content)
    with transaction.atomic():
        statement = BankStatement.objects.create(
            office=office,
            imported_by=officer,
            file_name=file_name[:200],
            sha256=hashlib.sha256(content).hexdigest(),
            bad_rows=[{"row": b.number, "km": b.km, "en": b.en} for b in bad],
        )
        outcomes = [_match(statement, row) for row in rows]
        statement.matched = outcomes.count(StatementLine.Outcome.MATCHED)
        statement.already_matched = outcomes.count(StatementLine.Outcome.ALREADY_MATCHED)
        statement.unmatched = outcomes.count(StatementLine.Outcome.UNMATCHED)
        statement.save(update_fields=["matched", "already_matched", "unmatched"])
        log_action(
            officer,
            "payments.statement.imported",
            statement,
            {"file": statement.file_name, "sha256": statement.sha256, "lines": len(rows),
             "matched": statement.matched, "already_matched": statement.already_matched,
             "unmatched": statement.unmatched, "bad_rows": len(bad)},
            office=office,
        )  # fmt: skip
    return statement


def _match(statement: BankStatement, row: Row) -> str:
    """Match one line and save it; return its outcome."""
    line = StatementLine(
        statement=statement,
        row=row.number,
        booked_on=row.booked_on,
        amount=row.amount,
        currency=row.currency,
        reference=row.reference,
        bank_transaction_id=row.transaction_id,
    )
    earlier = (
        StatementLine.objects.filter(
            bank_transaction_id=row.transaction_id, statement__office=statement.office
        )
        .exclude(statement=statement)
        .order_by("pk")
        .first()
    )
    if earlier is not None and earlier.outcome != StatementLine.Outcome.UNMATCHED:
        line.outcome, line.payment_id = StatementLine.Outcome.ALREADY_MATCHED, earlier.payment_id
    else:
        payment, reason = _find(statement.office, row)
        line.payment = payment
        if reason is None:
            line.outcome = StatementLine.Outcome.MATCHED
        else:
            line.outcome = StatementLine.Outcome.UNMATCHED
            line.mismatch = record_mismatch(
                source=Source.STATEMENT,
                reason=reason,
                amount=row.amount,
                currency=row.currency,
                transaction_hash=row.transaction_id,
                payment=payment,
                office=statement.office,
                reference=row.reference,
                paid_at=None,
            )
    line.save()
    return line.outcome


def _find(office: Facility, row: Row) -> tuple[PaymentRequest | None, str | None]:
    """The office's request the line pays and None, or the closest request (or None) and
    why the line does not pay it."""
    requests = PaymentRequest.objects.filter(case__office=office).select_related("case")
    by_hash = requests.filter(transaction_hash=row.transaction_id).first()
    if by_hash is not None:
        candidates = [by_hash]
    elif row.reference:
        candidates = list(requests.filter(reference=row.reference).order_by("-created_at"))
    else:
        candidates = []
    if not candidates:
        return None, Mismatch.Reason.UNKNOWN_BILL
    paid = next((r for r in candidates if r.status in PAID_STATES), None)
    if paid is None:
        closest = candidates[0]
        if closest.status == PaymentRequest.Status.MISMATCH and closest == by_hash:
            known = closest.mismatches.order_by("pk").first()
            return closest, known.reason if known else Mismatch.Reason.WRONG_AMOUNT
        late = closest.expires_at <= timezone.now()
        reason = reason_against(closest, row.amount, row.currency, late=late)
        return closest, reason or Mismatch.Reason.UNCONFIRMED
    if paid.paid_currency != row.currency:
        return paid, Mismatch.Reason.WRONG_CURRENCY
    if paid.paid_amount != row.amount:
        return paid, Mismatch.Reason.WRONG_AMOUNT
    taken = StatementLine.objects.filter(
        payment=paid, outcome=StatementLine.Outcome.MATCHED
    ).exists()
    return paid, Mismatch.Reason.ALREADY_PAID if taken else None
