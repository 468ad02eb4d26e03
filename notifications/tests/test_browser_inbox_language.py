"""Issue 16, as a new user meets it: a person whose messages were written in one language
signs in, reads the portal in the other, and finds the inbox and each message in the
language they are reading. Khmer and English."""

from __future__ import annotations

import pytest

from accounts.tests.factories import PASSWORD
from core.testing import (
    assert_no_axe_violations,
    assert_no_csp_violations,
    save_screenshots,
    sign_in,
)
from notifications.api import notify
from notifications.tests.factories import APPROVED, create_person

pytestmark = pytest.mark.browser

SHOWN = {
    "km": ("ពាក្យស្នើសុំ S-៧ បានអនុម័ត", "ពាក្យស្នើសុំរបស់អ្នក S-៧ ឥឡូវនេះបានអនុម័ត។"),
    "en": ("Application S-7 is approved", "Your application S-7 is now approved."),
}


@pytest.mark.parametrize(("written", "read"), [("en", "km"), ("km", "en")])
def test_the_inbox_is_in_the_language_the_person_reads(page, live_server, written, read):
    dara = create_person("dara", language=written)
    notify(dara, "tests.case_updated", {"reference": "S-7", "status": APPROVED, "url": "/km/"})
    page.goto(f"/{read}/")  # signed out, at the front door
    sign_in(page, "dara", PASSWORD, language=read)
    page.goto(f"/{read}/notifications/")
    title, body = SHOWN[read]
    assert page.locator(".message-list__title").inner_text() == title
    assert_no_axe_violations(page)
    save_screenshots(page, f"notifications-inbox-read-in-{read}")
    page.locator(".message-list__title a").click()
    assert page.locator("article.message h1").inner_text() == title
    assert body in page.locator("article.message").inner_text()
    assert page.locator("article.message").get_attribute("lang") == read
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
