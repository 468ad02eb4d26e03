"""Account journeys in a real Chromium: sign up, verify the email, sign in, TOTP."""

from __future__ import annotations

import re

import pytest

from accounts.tests.factories import PASSWORD, create_user
from accounts.tests.totp import totp_code
from core.testing import assert_no_axe_violations, assert_no_csp_violations

pytestmark = pytest.mark.browser

NEW_PASSWORD = "a-new-long-password-for-tests"
LINK = re.compile(r"https?://[^/\s]+(/\S+)")


def fill_sign_in(page, login: str, password: str, language: str = "en") -> None:
    page.goto(f"/{language}/account/sign-in/")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("form:has(input[name=password]) [type=submit]")


def test_sign_up_verify_the_email_and_sign_in(page, mailoutbox):
    page.goto("/en/account/signup/")
    assert_no_axe_violations(page)
    page.fill("input[name=email]", "sreypov@example.org")
    page.fill("input[name=password1]", NEW_PASSWORD)
    page.fill("input[name=password2]", NEW_PASSWORD)
    with page.expect_navigation():
        page.click("main [type=submit]")
    assert page.url.endswith("/en/account/confirm-email/")
    assert_no_axe_violations(page)

    page.goto(LINK.search(mailoutbox[-1].body).group(1))
    assert_no_axe_violations(page)
    with page.expect_navigation():
        page.click("main [type=submit]")

    fill_sign_in(page, "sreypov@example.org", NEW_PASSWORD)
    assert page.url.endswith("/en/account/")
    assert_no_csp_violations(page)


def test_the_sign_in_page_explains_a_wrong_password_accessibly(page, live_server):
    create_user("dara")
    fill_sign_in(page, "dara", "wrong", language="km")
    assert page.locator(".error-summary").is_visible()
    assert page.locator("input[name=login]").input_value() == "dara"
    assert_no_axe_violations(page)


def test_set_up_totp_and_sign_in_with_it(page, live_server):
    create_user("dara")
    fill_sign_in(page, "dara", PASSWORD)
    page.goto("/en/account/2fa/totp/activate/")
    page.fill("input[name=password]", PASSWORD)  # allauth asks for the password again
    with page.expect_navigation():
        page.click("main [type=submit]")
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    secret = page.locator("#authenticator_secret").input_value()
    page.fill("input[name=code]", totp_code(secret))
    with page.expect_navigation():
        page.click("main form:has(input[name=code]) [type=submit]")

    page.goto("/en/account/sign-out/")
    with page.expect_navigation():
        page.click("main [type=submit]")
    fill_sign_in(page, "dara", PASSWORD)
    assert page.url.endswith("/en/account/2fa/authenticate/")
    assert_no_axe_violations(page)
    page.fill("input[name=code]", totp_code(secret, offset=-2))  # a code that is too old
    with page.expect_navigation():
        page.click("main form:has(input[name=code]) [type=submit]")
    assert page.locator(".error-summary").is_visible()
    page.fill("input[name=code]", totp_code(secret))
    with page.expect_navigation():
        page.click("main form:has(input[name=code]) [type=submit]")
    assert page.url.endswith("/en/account/")
