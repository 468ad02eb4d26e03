"""Importing a bank statement: each line matched by transaction or by bill number, amount
and currency; what does not match is listed with why and kept as a mismatch; bad rows
reported in Khmer and English while the rest is imported; re-importing matches nothing
twice; the import is audited."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import override

from audit.models import AuditEntry
from payments.models import BankStatement, Mismatch, StatementLine
from payments.statements import StatementError, do_import_statement

pytestmark = pytest.mark.django_db

HEADER = "date,amount,currency,reference,transaction_id\n"


def statement_of(books) -> bytes:
    return (
        HEADER
        + f"2026-12-07,20000,KHR,{books.paid.reference},hash-{books.paid.pk}\n"  # by hash
        + f"07/12/2026,12.50,USD,{books.dollars.reference},BANK-2\n"  # by bill and amount
        + f'2026-12-07,"20,000",KHR,{books.waiting.reference},BANK-3\n'  # not confirmed
        + f"2026-12-07,20000,KHR,{books.expired.reference},BANK-4\n"  # paid after expiry
        + "2026-12-07,20000,KHR,SALA-2099-999999-99,BANK-5\n"  # no such bill
        + f"2026-12-07,15000,KHR,{books.paid.reference},BANK-6\n"  # wrong amount
        + "2026-13-07,20000,KHR,X,BANK-7\n"  # bad date
        + "2026-12-07,-5,KHR,X,BANK-8\n"  # bad amount
        + "2026-12-07,20000,EUR,X,BANK-9\n"  # bad currency
        + "2026-12-07,20000,KHR,X,\n"  # no transaction
        + "2026-12-07,20000,KHR,X,BANK-5\n"  # the same transaction twice in the file
        + "\n"
    ).encode()


def outcomes(statement: BankStatement) -> dict[str, tuple[str, str]]:
    return {
        line.bank_transaction_id: (line.outcome, line.mismatch.reason if line.mismatch else "")
        for line in statement.lines.select_related("mismatch")
    }


def test_each_line_is_matched_or_listed_with_why(world, books, finance):
    statement = do_import_statement(finance, world.hall, "dec.csv", statement_of(books))
    assert outcomes(statement) == {
        f"hash-{books.paid.pk}": ("matched", ""),
        "BANK-2": ("matched", ""),
        "BANK-3": ("unmatched", "unconfirmed"),
        "BANK-4": ("unmatched", "expired"),
        "BANK-5": ("unmatched", "unknown"),
        "BANK-6": ("unmatched", "amount"),
    }
    assert (statement.matched, statement.already_matched, statement.unmatched) == (2, 0, 4)
    assert [row["row"] for row in statement.bad_rows] == [8, 9, 10, 11, 12]
    assert statement.bad_rows[0]["en"].startswith("The date is not valid")
    assert statement.bad_rows[0]["km"].startswith("កាលបរិច្ឆេទមិនត្រឹមត្រូវ")
    assert statement.bad_rows[4]["en"].startswith("This transaction id is already")
    unknown = Mismatch.objects.get(transaction_hash="BANK-5")
    assert (unknown.source, unknown.office, unknown.amount) == ("statement", world.hall, 20000)
    books.waiting.refresh_from_db()
    assert books.waiting.status == "pending"  # a statement line never marks a bill paid
    entry = AuditEntry.objects.get(action="payments.statement.imported")
    assert entry.actor == finance and entry.data["matched"] == 2 and entry.data["bad_rows"] == 5


def test_importing_the_same_statement_again_matches_nothing_twice(world, books, finance):
    do_import_statement(finance, world.hall, "dec.csv", statement_of(books))
    again = do_import_statement(finance, world.hall, "dec.csv", statement_of(books))
    assert (again.matched, again.already_matched, again.unmatched) == (0, 2, 4)
    assert StatementLine.objects.filter(outcome="matched").count() == 2
    assert Mismatch.objects.filter(source="statement").count() == 4


def test_a_second_bank_line_for_a_paid_bill_is_money_received_twice(world, books, finance):
    content = (
        HEADER
        + f"2026-12-07,12.50,USD,{books.dollars.reference},BANK-1\n"
        + f"2026-12-08,12.50,USD,{books.dollars.reference},BANK-2\n"
    ).encode()
    statement = do_import_statement(finance, world.hall, "dec.csv", content)
    assert outcomes(statement) == {"BANK-1": ("matched", ""), "BANK-2": ("unmatched", "twice")}


def test_another_office_s_bills_are_not_matched_by_this_office(world, books, other_finance):
    statement = do_import_statement(other_finance, world.other_hall, "dec.csv", statement_of(books))
    assert statement.matched == 0
    assert not StatementLine.objects.filter(payment__isnull=False).exists()


@pytest.mark.parametrize(
    ("content", "english"),
    [
        (b"\xff\xfe not utf-8", "not CSV text in UTF-8"),
        (b"when,how much\n2026-12-07,5\n", "Missing: date, amount, currency"),
        (b"x" * 2_000_001, "too large"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_whole(world, finance, content, english):
    with pytest.raises(StatementError) as refused:
        do_import_statement(finance, world.hall, "bad.csv", content)
    assert english in refused.value.en and refused.value.km
    assert not BankStatement.objects.exists()


def test_the_upload_page_imports_and_shows_the_counts(client, world, books, finance):
    client.force_login(finance)
    upload = SimpleUploadedFile("dec.csv", statement_of(books), content_type="text/csv")
    response = client.post(
        "/en/pay/finance/statements/", {"office": world.hall.code, "file": upload}, follow=True
    )
    with override("en"):
        html = response.content.decode()
    assert "2 of 6 lines matched." in html
    assert "Row 8: The date is not valid" in html
    assert "No such bill" in html and "In the bank statement, not yet confirmed" in html
    statement = BankStatement.objects.get()
    assert response.redirect_chain[-1][0].endswith(f"/statements/{statement.pk}/")


def test_a_bad_upload_keeps_the_form_with_the_reason(client, world, finance):
    client.force_login(finance)
    for language, message in [("en", "Missing: date"), ("km", "ខ្វះ៖ date")]:
        upload = SimpleUploadedFile("bad.csv", b"a,b\n1,2\n", content_type="text/csv")
        response = client.post(
            f"/{language}/pay/finance/statements/", {"office": world.hall.code, "file": upload}
        )
        assert response.status_code == 400 and message in response.content.decode()
    empty = client.post("/en/pay/finance/statements/", {"office": world.hall.code})
    assert "Choose the statement file to import." in empty.content.decode()


def test_statements_of_another_office_are_refused(client, world, books, finance, other_finance):
    statement = do_import_statement(finance, world.hall, "dec.csv", statement_of(books))
    client.force_login(other_finance)
    assert client.get(f"/en/pay/finance/statements/{statement.pk}/").status_code == 403
    upload = SimpleUploadedFile("dec.csv", statement_of(books), content_type="text/csv")
    response = client.post(
        "/en/pay/finance/statements/", {"office": world.hall.code, "file": upload}
    )
    assert response.status_code == 400 and BankStatement.objects.count() == 1
    assert Decimal(0) == sum(
        (line.amount for line in StatementLine.objects.filter(statement__office=world.other_hall)),
        Decimal(0),
    )
