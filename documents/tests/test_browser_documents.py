"""The verification pages in a real Chromium: opened from the QR code's address in Khmer
and English, accessible, within the CSP and the page budget; screenshots of each state."""

from __future__ import annotations

import pytest

from core.testing import (
    assert_no_axe_violations,
    assert_no_console_errors,
    assert_no_csp_violations,
    assert_page_budget,
    save_screenshots,
)
from documents.codes import display_code
from documents.issuing import do_revoke_document
from documents.tests.factories import create_user, issue
from geo.tests.factories import create_facility, create_tree

pytestmark = pytest.mark.browser


@pytest.fixture
def documents_issued(live_server):
    office = create_facility(create_tree().commune, "commune-hall")
    valid = issue(office=office)
    revoked = issue(office=office)
    do_revoke_document(revoked, by=create_user("head"), reason="Replaced")
    return valid, revoked


@pytest.mark.parametrize(
    ("language", "valid_text"),
    [("km", "ឯកសារនេះមានសុពលភាព"), ("en", "This document is valid")],
)
def test_the_qr_code_address_opens_the_verification_in_the_readers_language(
    new_page, documents_issued, language, valid_text
):
    valid, revoked = documents_issued
    page = new_page(locale="km-KH" if language == "km" else "en-GB")
    page.goto(f"/verify/{valid.code}")  # exactly what the QR code holds
    assert page.url.endswith(f"/{language}/verify/{valid.code}/")
    assert valid_text in page.locator(".notification-banner").inner_text()
    assert valid.display_code in page.locator("main").inner_text()
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    assert_no_console_errors(page)
    save_screenshots(page, f"documents-verify-valid-{language}")
    assert_page_budget(page, f"/{language}/verify/{valid.code}/")

    page.goto(f"/{language}/verify/{revoked.code}/")
    assert page.locator(".tag--red").count() == 1
    assert_no_axe_violations(page)
    save_screenshots(page, f"documents-verify-revoked-{language}")


@pytest.mark.parametrize("language", ["km", "en"])
def test_typing_a_code_checks_it_and_garbage_gets_a_message(new_page, documents_issued, language):
    valid, _revoked = documents_issued
    page = new_page()
    page.goto(f"/{language}/verify/")
    assert_no_axe_violations(page)
    assert_page_budget(page, f"/{language}/verify/")
    page.fill("#id_code", "not a code")
    page.click("main form button[type=submit]")
    assert page.locator(".error-summary").count() == 1
    assert page.input_value("#id_code") == "not a code"
    assert_no_axe_violations(page)
    save_screenshots(page, f"documents-verify-form-error-{language}")
    page.fill("#id_code", display_code(valid.code).lower())
    page.click("main form button[type=submit]")
    assert page.url.endswith(f"/{language}/verify/{valid.code}/")

    response = page.goto(f"/{language}/verify/0000000000000000/")
    assert response.status == 404
    assert_no_axe_violations(page)
    save_screenshots(page, f"documents-verify-unknown-{language}")
