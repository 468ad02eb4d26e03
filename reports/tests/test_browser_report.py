"""A resident reports a broken road from a phone: signed out on the public reports page,
signs in when reporting, chooses the problem and the commune with a map point, is told a
file that is not a picture was refused, sends a photo; the report is public with its
status; the commune hall's clerk signs in with the second factor and sets the status
with a note; the resident is told and reads the note. Khmer and English, at 390 px."""

from __future__ import annotations

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from accounts.tests.factories import PASSWORD
from accounts.tests.totp import totp_code
from core.testing import (
    PHONE,
    assert_no_axe_violations,
    assert_no_csp_violations,
    assert_page_budget,
    save_screenshots,
    sign_in,
)
from reports.models import Report
from reports.tests.conftest import jpeg

pytestmark = pytest.mark.browser

TEXT = {
    "en": {"report": "Report a problem", "road": "Road damage", "reported": "Reported",
           "fixed": "Fixed", "told": r"Report \S{8}: Fixed", "photo": "Photo 1"},
    "km": {"report": "រាយការណ៍បញ្ហា", "road": "ផ្លូវខូច", "reported": "បានរាយការណ៍",
           "fixed": "បានជួសជុលរួច", "told": r"ស្ថានភាពរបាយការណ៍ \S{8}៖ បានជួសជុលរួច",
           "photo": "រូបថតទី ១"},
}  # fmt: skip
NOT_A_PHOTO = {"name": "road.jpg", "mimeType": "image/jpeg", "buffer": b"%PDF-1.4 not a photo"}
ROAD_PHOTO = {"name": "road.jpg", "mimeType": "image/jpeg", "buffer": jpeg()}
NOTE = "Filled with asphalt on Monday."


def check(page, name: str) -> None:
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    save_screenshots(page, name)


def submit(page) -> None:
    with page.expect_navigation():
        page.locator("main form:not(.filters) button[type=submit]").last.click()


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


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_road_reported_from_a_phone_and_fixed(new_page, live_server, world, language):
    text = TEXT[language]
    page = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    assert_page_budget(page, f"/{language}/reports/")
    check(page, f"reports-index-{language}")
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name=text["report"]).first.click()
    assert "/account/sign-in/" in page.url
    form = page.locator("form:has(input[name=password])")
    form.locator("input[name=login]").fill("dara")
    form.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        form.locator("[type=submit]").click()
    assert page.url.endswith(f"/{language}/reports/new/")

    page.locator("input[name=latitude]").fill("48.8566")
    page.locator("input[name=longitude]").fill("2.3522")
    submit(page)  # no problem chosen, no commune, a point in Paris: errors, form kept
    assert page.locator(".error-summary").is_visible()
    assert page.locator("input[name=latitude]").input_value() == "48.8566"
    check(page, f"reports-new-errors-{language}")
    page.get_by_label(text["road"]).check()
    page.locator("input[name=area]").fill(world.tree.commune.code)
    page.locator("input[name=latitude]").fill("13.3600")
    page.locator("input[name=longitude]").fill("103.8600")
    submit(page)
    check(page, f"reports-details-{language}")
    page.locator("textarea[name=description]").fill("A deep pothole by the school gate.")
    page.locator("input[name=place]").fill("Street 6")
    page.set_input_files("input[name=photos]", [NOT_A_PHOTO])
    submit(page)
    assert page.locator(".error-summary").is_visible()  # not a picture: refused, text kept
    assert page.locator("input[name=place]").input_value() == "Street 6"
    check(page, f"reports-details-bad-photo-{language}")
    page.set_input_files("input[name=photos]", [ROAD_PHOTO])
    submit(page)
    report = Report.objects.get()
    assert page.url.endswith(f"/{language}/reports/{report.reference}/")
    assert page.locator("main .tag").first.inner_text() == text["reported"]
    assert page.get_by_role("img", name=text["photo"]).is_visible()
    check(page, f"reports-report-sent-{language}")

    visitor = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    visitor.goto(f"/{language}/reports/{report.reference}/")
    assert "A deep pothole by the school gate." in visitor.content()
    assert visitor.get_by_role("img", name=text["photo"]).count() == 0

    clerk = new_page()
    sign_in_with_second_factor(clerk, world.clerk, language)
    clerk.goto(f"/{language}/reports/office/")
    check(clerk, f"reports-office-{language}")
    with clerk.expect_navigation():
        clerk.locator(f"main a[href$='/reports/{report.reference}/']").click()
    assert "dara@example.org" in clerk.content()
    clerk.locator("select[name=status]").select_option("fixed")
    clerk.locator("textarea[name=note]").fill(NOTE)
    check(clerk, f"reports-report-office-{language}")
    submit(clerk)
    report.refresh_from_db()
    assert report.status == Report.Status.FIXED

    page.goto(f"/{language}/notifications/")
    # The inbox may write the reference's digits in Khmer on Khmer pages.
    assert page.get_by_text(re.compile(text["told"])).first.is_visible()
    page.goto(f"/{language}/reports/{report.reference}/")
    assert page.get_by_text(NOTE).is_visible()
    assert page.locator("main .tag").first.inner_text() == text["fixed"]
    check(page, f"reports-report-fixed-{language}")
