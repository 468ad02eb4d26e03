"""A finance officer reconciles in a real Chromium at phone width, Khmer and English:
signed out at a public page, signs in with the second factor, sees the office's payments
with totals per currency and the mismatches, filters, exports CSV and XLSX, and imports a
bank statement with a bad row."""

from __future__ import annotations

import io

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from openpyxl import load_workbook

from accounts.tests.factories import PASSWORD
from accounts.tests.totp import totp_code
from core.testing import (
    PHONE,
    assert_no_axe_violations,
    assert_no_csp_violations,
    save_screenshots,
    sign_in,
)
from payments.tests.finance_fixtures import confirm

pytestmark = pytest.mark.browser

TEXT = {
    "en": {"title": "Payments of your office", "riel": "60,000 riel", "dollars": "$12.50",
           "mismatch": "Not the bill's currency", "import": "Import a bank statement",
           "matched": "1 of 2 lines matched.", "bad": "The currency must be KHR or USD."},
    "km": {"title": "ការបង់ប្រាក់របស់ការិយាល័យអ្នក", "riel": "៦០,០០០ រៀល", "dollars": "$១២.៥០",
           "mismatch": "មិនមែនជារូបិយប័ណ្ណរបស់វិក្កយបត្រ", "import": "នាំចូលរបាយការណ៍ធនាគារ",
           "matched": "ជួរដេក ១ ក្នុងចំណោម ២ ត្រូវគ្នា។", "bad": "រូបិយប័ណ្ណត្រូវតែជា KHR ឬ USD។"},
}  # fmt: skip


def check(page, name: str) -> None:
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    save_screenshots(page, name)


def sign_in_with_second_factor(page, user, language: str) -> None:
    """Signed out at the home page, then the sign-in form and the authenticator's code."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    page.goto(f"/{language}/")
    sign_in(page, user.username, PASSWORD, language=language)
    assert "/account/2fa/authenticate/" in page.url
    page.fill("input[name=code]", totp_code(secret))
    with page.expect_navigation():
        page.locator("main form:has(input[name=code]) [type=submit]").first.click()


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_finance_officer_reconciles_exports_and_imports(
    new_page, live_server, books, finance, language
):
    confirm(books.waiting, currency="USD", amount=books.waiting.amount)
    page = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    sign_in_with_second_factor(page, finance, language)
    page.goto(f"/{language}/pay/finance/")
    text = TEXT[language]
    assert page.locator("h1").inner_text() == text["title"]
    content = page.content()
    assert text["riel"] in content and text["dollars"] in content and text["mismatch"] in content
    check(page, f"payments-reconciliation-{language}")

    page.locator("select[name=status]").select_option("expired")
    page.locator("form.finance-filters button[type=submit]").click()
    page.wait_for_load_state()
    assert books.expired.reference in page.content()
    assert books.paid.reference not in page.content()

    with page.expect_download() as csv_download:
        page.locator("a[href*='export.csv']").click()
    text_csv = open(csv_download.value.path(), encoding="utf-8-sig").read()
    assert books.expired.reference in text_csv and books.paid.reference not in text_csv
    with page.expect_download() as xlsx_download:
        page.locator("a[href*='export.xlsx']").click()
    book = load_workbook(io.BytesIO(open(xlsx_download.value.path(), "rb").read()))
    assert book.worksheets[0].cell(row=2, column=1).value == books.expired.reference

    page.get_by_role("link", name=text["import"]).click()
    page.wait_for_load_state()
    check(page, f"payments-statements-{language}")
    statement = (
        "date,amount,currency,reference,transaction_id\n"
        f"2026-12-07,20000,KHR,{books.paid.reference},hash-{books.paid.pk}\n"
        "2026-12-07,20000,EUR,X,BANK-2\n"
        "2026-12-07,5000,KHR,SALA-2099-000001-00,BANK-3\n"
    ).encode()
    page.set_input_files(
        "input[name=file]", {"name": "dec.csv", "mimeType": "text/csv", "buffer": statement}
    )
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    content = page.content()
    assert text["matched"] in content and text["bad"] in content
    check(page, f"payments-statement-{language}")
