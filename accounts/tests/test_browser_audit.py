"""The audit pages in a real Chromium: a citizen signs in and reads "Who used my data"; a
head of office signs in with the second factor and reads the office's audit log. Both in
Khmer and English, checked with axe and CSP, screenshots at 390 and 1280 px."""

from __future__ import annotations

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.db import transaction

from accounts.tests.factories import PASSWORD, create_user, grant
from accounts.tests.totp import totp_code
from audit.log import log_access, log_action
from core.testing import (
    assert_no_axe_violations,
    assert_no_csp_violations,
    save_screenshots,
    sign_in,
)
from geo.tests.factories import create_facility, create_tree

pytestmark = pytest.mark.browser

TITLE = {"km": "អ្នកណាបានប្រើទិន្នន័យរបស់ខ្ញុំ", "en": "Who used my data"}
AUDIT = {"km": "កំណត់ត្រាសវនកម្ម", "en": "Audit log"}


def check(page, name: str) -> None:
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    save_screenshots(page, name)


@pytest.fixture
def office_and_people():
    hall = create_facility(create_tree().commune)
    head, citizen = create_user("head"), create_user("dara")
    grant(head, hall, "head-of-office")
    secret = generate_totp_secret()
    TOTP.activate(head, secret)
    with transaction.atomic():
        # A change about the citizen that leaves them a citizen (an office role would make
        # them an officer, who signs in with a second factor).
        log_action(head, "cases.counter.taken", citizen, {}, office=hall, person=citizen)
    log_access(head, "cases.case.viewed", citizen, office=hall, person=citizen)
    return hall, head, citizen, secret


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_citizen_reads_who_used_their_data(page, office_and_people, language):
    page.goto(f"/{language}/")
    sign_in(page, "dara", PASSWORD, language=language)
    page.goto(f"/{language}/account/")
    page.get_by_role("link", name=TITLE[language]).click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == TITLE[language]
    rows = page.locator("main tbody tr")
    assert rows.count() == 2
    text = page.locator("main").inner_text()
    if language == "km":
        assert "មន្ត្រីបានបើកមើលពាក្យស្នើសុំ" in text
        assert not re.search(r"[0-9]{4}", text)
        assert re.search(r"[០-៩]{4}", text)
    else:
        assert "An officer opened the application" in text
        assert "An application was taken at the counter" in text
    check(page, f"accounts-data-use-{language}")


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_head_of_office_signs_in_with_the_second_factor_and_reads_the_office_log(
    page, office_and_people, language
):
    hall, _, _, secret = office_and_people
    page.goto(f"/{language}/")
    sign_in(page, "head", PASSWORD, language=language)
    assert page.url.endswith(f"/{language}/account/2fa/authenticate/")
    page.fill("input[name=code]", totp_code(secret))
    with page.expect_navigation():
        page.click("main form:has(input[name=code]) [type=submit]")
    page.goto(f"/{language}/account/offices/")
    page.get_by_role("link", name=re.compile(AUDIT[language])).click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/{language}/account/offices/{hall.code}/audit/")
    assert page.locator("main tbody tr").count() == 2
    check(page, f"accounts-office-audit-{language}")
