"""Issue 16, blocker 1, as a new user meets it: on a service page, signed out, "Start
now" leads to sign in (or sign up, or the second factor) and from there straight to the
form's first page, or back to the draft the person already has. Khmer and English."""

from __future__ import annotations

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.cache import cache

from accounts.models import User
from accounts.tests.factories import PASSWORD, create_user
from accounts.tests.totp import totp_code
from core.testing import assert_no_axe_violations, assert_no_csp_violations, save_screenshots
from notifications import sms
from services.models import Application
from services.tests.factories import create_service

pytestmark = pytest.mark.browser

CODE = re.compile(r"\b(\d{6})\b")
NEW_PASSWORD = "a-new-long-password-for-tests"
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
WORDS = {
    "km": {"start": "ចាប់ផ្តើមឥឡូវនេះ", "first_page": "អំពីអ្នក"},
    "en": {"start": "Start now", "first_page": "About you"},
}


def click(page, locator) -> None:
    with page.expect_navigation():
        locator.click()


def press_start_now(page, language: str) -> None:
    page.goto(f"/{language}/services/residence/")
    assert "/account/" not in page.url
    click(page, page.get_by_role("button", name=WORDS[language]["start"]))
    assert f"/{language}/account/sign-in/" in page.url


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_new_user_signs_up_from_start_now_and_lands_on_the_first_page(
    page, live_server, language
):
    create_service("residence", form=FORM)
    cache.clear()  # the sign-up limit per address counts every test's sign-ups
    sms.outbox.clear()
    press_start_now(page, language)
    click(page, page.locator("main a[href*='/account/signup/']"))
    page.fill("input[name=phone]", "០១២ ៣៤៥ ៦៧៨" if language == "km" else "012 345 678")
    page.fill("input[name=password1]", NEW_PASSWORD)
    page.fill("input[name=password2]", NEW_PASSWORD)
    click(page, page.locator("main form [type=submit]").first)
    assert "/account/phone/verify/" in page.url
    page.fill("input[name=code]", CODE.search(sms.outbox[-1].text).group(1))
    click(page, page.locator("main form:has(input[name=code]) [type=submit]").first)

    application = Application.objects.get(user=User.objects.get())
    assert page.url.endswith(f"/{language}/services/apply/{application.public_id}/about/")
    assert page.locator("h1").inner_text() == WORDS[language]["first_page"]
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    save_screenshots(page, f"services-first-page-after-sign-up-{language}")


@pytest.mark.parametrize("language", ["km", "en"])
def test_signing_in_with_a_second_factor_from_start_now_goes_back_to_the_draft(
    page, live_server, language
):
    service = create_service("residence", form=FORM)
    user = create_user("dara")
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    draft = Application.objects.create(
        service=service, form_version=service.published_form(), user=user,
        answers={"full_name": "Sok Dara"},
    )  # fmt: skip

    press_start_now(page, language)
    page.fill("input[name=login]", "dara")
    page.fill("input[name=password]", PASSWORD)
    click(page, page.locator("main form:has(input[name=password]) [type=submit]"))
    assert "/account/2fa/authenticate/" in page.url
    page.fill("input[name=code]", totp_code(secret))
    click(page, page.locator("main form:has(input[name=code]) [type=submit]").first)

    # The draft is complete: the person is back at "Check your answers", not a new draft.
    assert page.url.endswith(f"/{language}/services/apply/{draft.public_id}/check/")
    assert Application.objects.filter(user=user).count() == 1
    assert "Sok Dara" in page.locator("main").inner_text()
    assert_no_csp_violations(page)


@pytest.mark.parametrize("language", ["km", "en"])
def test_signing_in_from_start_now_without_javascript_lands_on_the_first_page(
    new_page, live_server, language
):
    create_service("residence", form=FORM)
    user = create_user("dara")
    page = new_page(java_script_enabled=False)
    press_start_now(page, language)
    page.fill("input[name=login]", "dara")
    page.fill("input[name=password]", PASSWORD)
    click(page, page.locator("main form:has(input[name=password]) [type=submit]"))
    application = Application.objects.get(user=user)
    assert page.url.endswith(f"/{language}/services/apply/{application.public_id}/about/")
    assert page.locator("h1").inner_text() == WORDS[language]["first_page"]
