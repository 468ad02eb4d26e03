"""Paying a fee in a real Chromium at phone width: signed out, the citizen sees the fee,
signs in, applies, opens the payment page, pays in the stand-in bank; the portal asks
Bakong (the polling task, called here); the citizen downloads the receipt and checks it at
/verify/, and the officer, signed in with their second factor, sees it paid."""

from __future__ import annotations

from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.cache import cache
from django.utils.translation import override

from accounts.tests.factories import PASSWORD
from accounts.tests.totp import totp_code
from cases.models import Case
from core.testing import (
    PHONE,
    assert_no_axe_violations,
    assert_no_csp_violations,
    save_screenshots,
    sign_in,
)
from payments.polling import poll_payments

pytestmark = pytest.mark.browser

FORM = {
    "pages": [{
        "key": "about",
        "title": {"km": "អំពីអ្នក", "en": "About you"},
        "fields": [{"key": "full_name", "type": "text",
                    "label": {"km": "ឈ្មោះពេញ", "en": "Full name"}}],
    }],
    "declaration": {"km": "ខ្ញុំបញ្ជាក់ថាចម្លើយរបស់ខ្ញុំពិតប្រាកដ។",
                    "en": "I confirm that my answers are true."},
}  # fmt: skip
AMOUNT = {"en": "20,000 riel", "km": "២០,០០០ រៀល"}
PAID = {"en": "Fee paid", "km": "បានបង់ថ្លៃសេវារួចហើយ"}
WAITING = {"en": "Waiting for payment", "km": "កំពុងរង់ចាំការបង់ប្រាក់"}


RECEIPT = {"en": "Payment receipt", "km": "បង្កាន់ដៃបង់ប្រាក់"}
VALID = {"en": "This document is valid", "km": "ឯកសារនេះមានសុពលភាព"}
DOWNLOAD = {"en": "Download the receipt (PDF)", "km": "ទាញយកបង្កាន់ដៃ (PDF)"}


def sign_in_with_second_factor(page, user, language: str) -> None:
    """Sign in through the forms: password, then the authenticator app's code."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    page.goto(f"/{language}/")
    sign_in(page, user.username, PASSWORD, language=language)
    assert "/account/2fa/authenticate/" in page.url
    page.fill("input[name=code]", totp_code(secret))
    with page.expect_navigation():
        page.locator("main form:has(input[name=code]) [type=submit]").first.click()


def check(page, name: str) -> None:
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    save_screenshots(page, name)


@pytest.mark.parametrize("language", ["en", "km"])
def test_apply_pay_in_the_bank_and_see_it_paid(new_page, live_server, world, bakong, language):
    from services.tests.factories import create_service

    cache.clear()  # allauth remembers used codes per user id; the other run's are stale
    create_service("residence", form=FORM, sla_working_days=5, fee_kind="fixed", fee_khr=20000)
    world.citizen.home_area = world.tree.village
    world.citizen.save(update_fields=["home_area"])
    page = new_page(viewport={"width": PHONE.width, "height": PHONE.height})

    page.goto(f"/{language}/services/residence/")
    assert AMOUNT[language] in page.content()
    sign_in(page, world.citizen.username, PASSWORD, language=language)
    page.goto(f"/{language}/services/residence/")
    page.locator("button.button--start").click()
    page.wait_for_load_state()
    page.get_by_role("textbox").first.fill("Sok Dara")
    page.locator("button[name=_continue]").click()
    page.wait_for_load_state()
    assert AMOUNT[language] in page.content()  # check your answers
    page.locator("#declaration").check()
    page.locator("form button.button[type=submit]").last.click()
    page.wait_for_load_state()
    case = Case.objects.get(service__slug="residence")
    payment = case.payment_requests.get()
    with override(language):
        url = payment.get_absolute_url()

    page.locator(f"a[href='{url}']").first.click()
    page.wait_for_load_state()
    assert AMOUNT[language] in page.content()
    assert page.locator("svg.pay-qr__image").is_visible()
    check(page, f"payments-pay-{language}")

    bank = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    bank.goto(page.locator("a[target=_blank]").get_attribute("href"))
    assert case.reference in bank.content()
    bank.get_by_role("button").click()
    bank.wait_for_load_state()
    assert "Paid" in bank.content()

    assert poll_payments().recorded == 1
    page.reload()
    assert PAID[language] in page.content()
    check(page, f"payments-paid-{language}")
    with page.expect_download() as download:
        page.get_by_role("link", name=DOWNLOAD[language]).click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    page.locator("a[href*='/verify/']").first.click()
    page.wait_for_load_state()
    assert RECEIPT[language] in page.content() and VALID[language] in page.content()
    assert AMOUNT[language] in page.content() and case.reference in page.content()
    check(page, f"payments-receipt-verified-{language}")
    page.goto(f"/{language}/cases/")
    assert case.reference in page.content() and WAITING[language] not in page.content()
    assert PAID[language] in page.content()

    officer = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    sign_in_with_second_factor(officer, world.clerk, language)
    officer.goto(url)
    assert PAID[language] in officer.content() and DOWNLOAD[language] in officer.content()
