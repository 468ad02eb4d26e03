"""A refund in a real Chromium at phone width, four eyes: the clerk, signed in with their
second factor, asks for part of a cash payment back (a mistyped amount first, the form
kept); the approver, signed in the same way, approves it; the payment shows it partly
refunded. Khmer and English."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from cases.tests.factories import submit
from core.testing import PHONE
from payments.cash import do_record_cash
from payments.tests.test_browser_paying import check, sign_in_with_second_factor

pytestmark = pytest.mark.browser

ASK = {"en": "Ask for a refund", "km": "ស្នើសុំសងប្រាក់វិញ"}
NOT_AN_AMOUNT = {"en": "Enter an amount above zero, in digits.",
                 "km": "សូមបញ្ចូលចំនួនទឹកប្រាក់លើសពីសូន្យ ជាលេខ។"}  # fmt: skip
WAITING = {"en": "Waiting for approval", "km": "កំពុងរង់ចាំការអនុម័ត"}
APPROVE = {"en": "Approve the refund", "km": "អនុម័តការសងប្រាក់វិញ"}
PARTLY = {"en": "Partly refunded", "km": "បានសងវិញមួយផ្នែក"}


@pytest.mark.parametrize("language", ["en", "km"])
def test_a_refund_asked_by_the_clerk_and_approved_by_the_approver(
    new_page, live_server, world, paid_service, language
):
    cache.clear()  # allauth remembers used codes per user id; the other run's are stale
    payment = submit(world.citizen, paid_service, area=world.tree.village).payment_requests.get()
    do_record_cash(world.clerk, payment)
    reason = "ថតចម្លងមិនបានធ្វើ / The copy was not made"

    clerk = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    sign_in_with_second_factor(clerk, world.clerk, language)
    clerk.goto(f"/{language}/pay/{payment.public_id}/")
    clerk.get_by_role("link", name=ASK[language]).click()
    clerk.wait_for_load_state()
    clerk.locator("textarea[name=reason]").fill(reason)
    clerk.locator("input[name=amount]").fill("five thousand")
    clerk.locator("main form button[type=submit]").click()
    clerk.wait_for_load_state()
    assert NOT_AN_AMOUNT[language] in clerk.content()
    assert clerk.locator("textarea[name=reason]").input_value() == reason  # kept
    check(clerk, f"payments-refund-request-{language}")
    clerk.locator("input[name=amount]").fill("5000")
    clerk.locator("main form button[type=submit]").click()
    clerk.wait_for_load_state()
    assert WAITING[language] in clerk.content()
    refund_url = clerk.locator("main a[href*='/pay/refunds/']").first.get_attribute("href")

    approver = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    sign_in_with_second_factor(approver, world.approver, language)
    approver.goto(refund_url)
    assert reason in approver.content()
    check(approver, f"payments-refund-approve-{language}")
    approver.get_by_role("button", name=APPROVE[language]).click()
    approver.wait_for_load_state()
    assert PARTLY[language] in approver.content()
    check(approver, f"payments-refunded-{language}")
