"""A finance officer refunds money that paid no bill, in a real Chromium at phone width,
Khmer and English: signed out at a public page, signs in with the second factor, follows
the mismatch's "Refund" link from reconciliation, sees the paying account and asks."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone

from core.testing import PHONE
from payments.mismatches import record_mismatch
from payments.models import Mismatch, Refund
from payments.tests.test_browser_reconciliation import check, sign_in_with_second_factor

pytestmark = pytest.mark.browser

DONE = {
    "en": "The refund is asked for. Another finance officer approves it.",
    "km": "បានស្នើសុំការសងប្រាក់វិញហើយ។ មន្ត្រីហិរញ្ញវត្ថុម្នាក់ទៀតនឹងអនុម័តវា។",
}


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_finance_officer_asks_to_refund_money_for_an_unknown_bill(
    new_page, live_server, finance, language
):
    mismatch = record_mismatch(
        source="bakong", reason=Mismatch.Reason.UNKNOWN_BILL, amount=Decimal(20000),
        currency="KHR", transaction_hash="u" * 64, md5="0" * 32,
        payer_account="dara@aclb", paid_at=timezone.now(),
    )  # fmt: skip
    page = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    sign_in_with_second_factor(page, finance, language)
    page.goto(f"/{language}/pay/finance/")
    with page.expect_navigation():
        page.locator(f"a[href$='/mismatches/{mismatch.pk}/refund/']").click()
    assert "dara@aclb" in page.content()
    check(page, f"payments-mismatch-refund-{language}")
    page.fill("input[name=amount]", "20000")
    page.fill("textarea[name=reason]", "Paid by mistake")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert DONE[language] in page.content()
    assert Refund.objects.get().mismatch == mismatch
