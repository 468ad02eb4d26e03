"""Whole journeys in a real Chromium: sign up with a mobile number (the national digital
ID's are in test_browser_national_id.py), invite a member to a business
and act for it, add a passkey (Chromium's virtual authenticator) and sign in with it."""

from __future__ import annotations

import re

import pytest
from allauth.mfa.models import Authenticator

from accounts.models import OrganisationMember, User
from accounts.tests.factories import PASSWORD, create_organisation, create_user
from core.testing import assert_no_axe_violations, assert_no_csp_violations, sign_in
from notifications import sms

pytestmark = pytest.mark.browser

NEW_PASSWORD = "a-new-long-password-for-tests"
CODE = re.compile(r"\b(\d{6})\b")
LINK = re.compile(r"https?://[^/\s]+(/\S+)")


def submit(page, selector: str = "main form [type=submit]") -> None:
    with page.expect_navigation():
        page.locator(selector).first.click()


def test_sign_up_with_a_mobile_number_and_the_sms_code(page, live_server):
    sms.outbox.clear()
    page.goto("/km/account/signup/")
    assert_no_axe_violations(page)
    page.fill("input[name=phone]", "០១២ ៣៤៥ ៦៧៨")
    page.fill("input[name=password1]", NEW_PASSWORD)
    page.fill("input[name=password2]", NEW_PASSWORD)
    submit(page)
    assert page.url.endswith("/km/account/phone/verify/")
    assert_no_axe_violations(page)
    page.fill("input[name=code]", CODE.search(sms.outbox[-1].text).group(1))
    submit(page, "main form:has(input[name=code]) [type=submit]")
    assert page.url.endswith("/km/account/")
    assert User.objects.get().mobile_verified
    assert_no_csp_violations(page)


def test_invite_a_member_who_accepts_and_acts_for_the_business(
    page, new_page, live_server, mailoutbox
):
    owner = create_user("sokha", name_latin="CHAN SOKHA")
    organisation = create_organisation(owner)
    create_user("dara", name_latin="SOK DARA")
    sign_in(page, "sokha", PASSWORD, language="en")
    page.goto(f"/en/account/organisations/{organisation.pk}/")
    assert_no_axe_violations(page)
    page.fill("input[name=address]", "dara@example.org")
    page.check("input[name=role][value=representative]")
    submit(page, "main form:has(input[name=address]) [type=submit]")
    assert page.locator(".notification-banner, [role=alert], [role=region]").first.is_visible()
    link = LINK.search(mailoutbox[-1].body).group(1)

    invitee = new_page()
    sign_in(invitee, "dara", PASSWORD, language="en")
    invitee.goto(link)
    assert_no_axe_violations(invitee)
    submit(invitee)
    assert invitee.url.endswith(f"/en/account/organisations/{organisation.pk}/")
    submit(invitee, "main button:has-text('Act for this organisation')")
    assert invitee.locator("header >> text=Acting for Sokha Coffee").is_visible()
    assert organisation.memberships.get(user__username="dara").role == (
        OrganisationMember.Role.REPRESENTATIVE
    )
    assert_no_csp_violations(invitee)


def test_add_a_passkey_and_sign_in_with_it(page, live_server):
    create_user("dara")
    authenticator = page.context.new_cdp_session(page)
    authenticator.send("WebAuthn.enable")
    authenticator.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    sign_in(page, "dara", PASSWORD, language="en")
    page.goto("/en/account/2fa/webauthn/add/")
    if "reauthenticate" in page.url:
        page.fill("input[name=password]", PASSWORD)
        submit(page)
    assert_no_axe_violations(page)
    passwordless = page.locator("input[name=passwordless]")
    if passwordless.count():
        passwordless.check()
    with page.expect_navigation():
        page.click("#mfa_webauthn_add")
    assert Authenticator.objects.filter(type=Authenticator.Type.WEBAUTHN).exists()
    page.wait_for_load_state()
    page.goto("/en/account/sign-out/")
    submit(page)

    page.goto("/en/account/sign-in/")
    with page.expect_navigation(url=re.compile(r"/en/account/$")):
        page.click("#passkey_login")
    assert_no_csp_violations(page)
