"""The finance officers' reconciliation screen and its exports: who gets in, what each
sees, filters and totals per currency, bad filters kept with a message, CSV and XLSX."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from django.utils.translation import override
from openpyxl import load_workbook

from audit.models import AuditEntry
from payments.models import Mismatch
from payments.tests.finance_fixtures import confirm

pytestmark = pytest.mark.django_db

URL = "/en/pay/finance/"


def page(client, user, url=URL, **params):
    client.force_login(user)
    return client.get(url, params)


def test_signed_out_people_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/account/sign-in/" in response["Location"]


@pytest.mark.parametrize("who", ["citizen", "clerk", "approver", "head", "outsider"])
def test_citizens_and_officers_without_the_finance_role_are_refused(client, world, books, who):
    for url in (URL, "/en/pay/finance/export.csv", "/en/pay/finance/statements/"):
        assert page(client, getattr(world, who), url).status_code == 403


def test_a_clinician_is_refused(client, world, books):
    from accounts.tests.factories import create_user, grant

    nurse = create_user("nurse")
    grant(nurse, world.hall, "clinician")
    assert page(client, nurse).status_code == 403


def test_the_finance_officer_of_another_office_sees_nothing_of_this_one(
    client, world, books, other_finance
):
    response = page(client, other_finance, date_from="")
    assert response.status_code == 200
    assert books.paid.reference not in response.content.decode()
    assert page(client, other_finance, office=world.hall.code).status_code == 403
    assert page(client, other_finance, "/en/pay/finance/export.csv", office=world.hall.code)\
        .status_code == 403  # fmt: skip


def test_the_finance_officer_sees_every_status_with_totals_per_currency(client, books, finance):
    with override("en"):
        response = page(client, finance)
    html = response.content.decode()
    for payment in (books.paid, books.waiting, books.expired, books.dollars):
        assert payment.reference in html
    status = {row.key: row for row in response.context["summary"].by_status}
    assert status["paid"].sums == {"KHR": Decimal(20000), "USD": Decimal("12.50")}
    assert status["pending"].counts == {"KHR": 1, "USD": 0}
    assert status["expired"].counts == {"KHR": 1, "USD": 0}
    total = response.context["summary"].total
    assert total.sums == {"KHR": Decimal(60000), "USD": Decimal("12.50")}
    assert "60,000 riel" in html and "$12.50" in html


def test_filters_by_status_service_and_day(client, books, finance, dollar_service):
    expired = page(client, finance, status="expired").context["page"].object_list
    assert [p.reference for p in expired] == [books.expired.reference]
    dollars = page(client, finance, service=dollar_service.slug).context["page"].object_list
    assert [p.pk for p in dollars] == [books.dollars.pk]
    today = timezone.localdate()
    assert len(page(client, finance, date_from=str(today)).context["page"].object_list) == 4
    tomorrow = today + timedelta(days=1)
    assert not page(client, finance, date_from=str(tomorrow)).context["page"].object_list
    assert not page(client, finance, date_to="2020-01-01").context["page"].object_list


def test_a_mismatched_and_a_refunded_payment_are_shown_as_such(client, books, finance):
    from payments.models import PaymentRequest

    PaymentRequest.objects.filter(pk=books.paid.pk).update(status="refunded")
    confirm(books.waiting, amount=Decimal(100))
    response = page(client, finance)
    states = {p.pk: p.state for p in response.context["page"].object_list}
    assert states[books.paid.pk] == "refunded" and states[books.waiting.pk] == "mismatch"
    (mismatch,) = response.context["mismatches"]
    assert mismatch.reason == "amount" and mismatch.amount == Decimal(100)


def test_mismatches_for_no_known_bill_are_shown_to_every_finance_officer(
    client, world, books, finance, other_finance
):
    Mismatch.objects.create(source="callback", reason="unknown", amount=5, currency="USD")
    assert len(page(client, finance).context["mismatches"]) == 1
    assert len(page(client, other_finance).context["mismatches"]) == 1
    confirm(books.waiting, currency="USD")
    assert len(page(client, finance).context["mismatches"]) == 2
    assert len(page(client, other_finance).context["mismatches"]) == 1


def test_a_bad_filter_is_reported_in_both_languages_and_kept(client, books, finance):
    for language, message in [
        ("en", "The end date is before the start date."),
        ("km", "កាលបរិច្ឆេទបញ្ចប់នៅមុនកាលបរិច្ឆេទចាប់ផ្តើម។"),
    ]:
        client.force_login(finance)
        response = client.get(
            f"/{language}/pay/finance/", {"date_from": "2026-12-07", "date_to": "2026-12-01"}
        )
        html = response.content.decode()
        assert response.status_code == 200 and message in html
        assert 'value="2026-12-01"' in html and 'value="2026-12-07"' in html
    response = page(client, finance, date_from="yesterday")
    assert "Enter a date as year-month-day" in response.content.decode()
    assert 'value="yesterday"' in response.content.decode()


def test_the_csv_export_has_the_filtered_list_and_is_audited(client, world, books, finance):
    response = page(client, finance, "/en/pay/finance/export.csv", status="paid")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:6] == ["Bill number", "Service", "Office", "Status", "Amount", "Currency"]
    assert sorted((r[0], r[3], r[4], r[5]) for r in rows[1:]) == sorted([
        (books.paid.reference, "Paid", "20000.00", "KHR"),
        (books.dollars.reference, "Paid", "12.50", "USD"),
    ])  # fmt: skip
    entry = AuditEntry.objects.get(action="payments.reconciliation.exported")
    assert entry.actor == finance and entry.data["format"] == "csv"


def test_the_khmer_csv_has_khmer_headers(client, books, finance):
    client.force_login(finance)
    text = client.get("/km/pay/finance/export.csv").content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("លេខវិក្កយបត្រ")


def test_the_xlsx_export_has_the_payments_and_the_mismatches(client, books, finance):
    confirm(books.waiting, currency="USD", transaction_hash="=HYPERLINK(1)")
    response = page(client, finance, "/en/pay/finance/export.xlsx")
    book = load_workbook(io.BytesIO(response.content))
    payments, mismatches = book.worksheets
    values = [[cell.value for cell in row] for row in payments.iter_rows()]
    assert values[0][0] == "Bill number" and len(values) == 5
    dollars = next(row for row in values if row[0] == books.dollars.reference)
    assert (dollars[4], dollars[5]) == (12.5, "USD")
    rows = [[cell.value for cell in row] for row in mismatches.iter_rows()]
    assert rows[1][2] == "Not the bill's currency"
    assert rows[1][6] == "'=HYPERLINK(1)"  # a formula from outside is never run


def test_a_finance_officer_opens_the_payment_page_of_their_office_only(
    client, books, finance, other_finance
):
    url = books.paid.get_absolute_url()
    assert page(client, finance, url).status_code == 200
    assert page(client, other_finance, url).status_code == 403
