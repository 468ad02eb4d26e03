"""Sign in with the national digital ID in a real Chromium, as a person does: from a public
page, signed out, "Sign in with CamDigiKey", choose a demo citizen at the CamDigiKey
stand-in (standins.camdigikey, on loopback), and come back signed in; in Khmer and English,
on a phone and a desktop screen."""

from __future__ import annotations

import pytest

from accounts.models import User
from core.testing import assert_no_axe_violations, assert_no_csp_violations

pytestmark = pytest.mark.browser

CASES = {
    "km": {
        "width": 390,
        "sign_in": "ចូលគណនី",
        "with_camdigikey": "ចូលគណនីដោយប្រើ CamDigiKey",
        "at_provider": "ចូលដោយ CamDigiKey",
        "as_person": "ចូលជា ចាន់ សុខា",
        "verified": "បានផ្ទៀងផ្ទាត់",
    },
    "en": {
        "width": 1280,
        "sign_in": "Sign in",
        "with_camdigikey": "Sign in with CamDigiKey",
        "at_provider": "Sign in with CamDigiKey",
        "as_person": "Sign in as CHAN SOKHA",
        "verified": "Verified",
    },
}


def sign_in_with_camdigikey(page, national_id, language: str) -> None:
    text = CASES[language]
    page.goto(f"/{language}/")
    page.locator("header nav").get_by_role("link", name=text["sign_in"], exact=True).click()
    page.wait_for_url(f"**/{language}/account/sign-in/")
    page.locator("main").get_by_role("button", name=text["with_camdigikey"]).click()
    page.wait_for_url(f"{national_id.url}/login/**")  # at the CamDigiKey stand-in
    assert page.locator("h1").inner_text() == text["at_provider"]
    page.get_by_role("button", name=text["as_person"]).click()


@pytest.mark.parametrize("language", ["km", "en"])
def test_sign_in_with_camdigikey_from_a_public_page(page, live_server, national_id, language):
    text = CASES[language]
    page.set_viewport_size({"width": text["width"], "height": 900})
    national_id.allow_redirect_uri(
        f"{live_server.url}/{language}/account/oidc/national-id/login/callback/"
    )
    sign_in_with_camdigikey(page, national_id, language)
    page.wait_for_url(f"{live_server.url}/{language}/account/")
    assert page.locator("main").get_by_text(text["verified"]).first.is_visible()
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    user = User.objects.get()
    assert user.is_identity_verified
    assert (user.name_km, user.name_latin, user.national_id) == (
        "ចាន់ សុខា",
        "CHAN SOKHA",
        "012345678",
    )


def test_a_second_sign_in_comes_back_to_the_same_account(page, live_server, national_id):
    national_id.allow_redirect_uri(f"{live_server.url}/en/account/oidc/national-id/login/callback/")
    sign_in_with_camdigikey(page, national_id, "en")
    page.wait_for_url(f"{live_server.url}/en/account/")
    page.context.clear_cookies()  # signed out: a new visit
    sign_in_with_camdigikey(page, national_id, "en")
    page.wait_for_url(f"{live_server.url}/en/account/")
    assert User.objects.count() == 1
