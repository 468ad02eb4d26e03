"""Issue 16, major 5, as people meet it: the applicant's "Withdraw my application" and the
officers' approve, reject and revoke each ask "Are you sure?" on a page of their own (so
it works with JavaScript off) and do nothing until the person says yes. Everyone starts
signed out on a public page; officers sign in with their second factor. Khmer and English.
"""

from __future__ import annotations

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from accounts.tests.factories import PASSWORD
from accounts.tests.totp import totp_code
from cases.models import Case
from cases.tests.factories import submit
from cases.workflow import do_transition
from core.testing import (
    assert_no_axe_violations,
    assert_no_csp_violations,
    save_screenshots,
    sign_in,
)

pytestmark = pytest.mark.browser

WORDS = {
    "km": {
        "withdraw?": "ដកពាក្យស្នើសុំរបស់អ្នកវិញឬ?",
        "approve?": "អនុម័តពាក្យស្នើសុំនេះឬ?",
        "reject?": "បដិសេធពាក្យស្នើសុំនេះឬ?",
        "revoke?": "ដកហូតឯកសារឬ?",
        "keep": "ទេ រក្សាពាក្យស្នើសុំរបស់ខ្ញុំទុក",
        "withdraw": "ដកពាក្យស្នើសុំរបស់ខ្ញុំវិញ",
        "no_reason": "សូមសរសេរមូលហេតុ",
    },
    "en": {
        "withdraw?": "Withdraw your application?",
        "approve?": "Approve this application?",
        "reject?": "Reject this application?",
        "revoke?": "Revoke the document?",
        "keep": "No, keep my application",
        "withdraw": "Withdraw my application",
        "no_reason": "Write the reason",
    },
}


def click(page, locator) -> None:
    with page.expect_navigation():
        locator.click()


def sign_in_with_second_factor(page, user, language: str) -> None:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    page.goto(f"/{language}/")
    sign_in(page, user.username, PASSWORD, language=language)
    assert "/account/2fa/authenticate/" in page.url
    page.fill("input[name=code]", totp_code(secret))
    click(page, page.locator("main form:has(input[name=code]) [type=submit]").first)


def state(case: Case) -> str:
    return Case.objects.get(pk=case.pk).state


@pytest.mark.parametrize("language", ["km", "en"])
def test_withdrawing_asks_first_without_javascript(new_page, live_server, world, language):
    words = WORDS[language]
    case = submit(world.citizen, world.service, area=world.tree.village)
    page = new_page(java_script_enabled=False)
    page.goto(f"/{language}/")
    sign_in(page, "dara", PASSWORD, language=language)
    page.goto(f"/{language}/cases/")
    click(page, page.get_by_role("link", name=case.reference))
    click(page, page.get_by_role("button", name=words["withdraw"]))

    assert page.locator("h1").inner_text() == words["withdraw?"]
    assert state(case) == "received"
    save_screenshots(page, f"cases-confirm-withdraw-{language}")
    click(page, page.get_by_role("link", name=words["keep"]))
    assert page.url.endswith(case.get_applicant_url().replace("/en/", f"/{language}/"))
    assert state(case) == "received"

    click(page, page.get_by_role("button", name=words["withdraw"]))
    click(page, page.locator("main form button[type=submit]"))
    assert state(case) == "withdrawn"


@pytest.mark.parametrize("language", ["km", "en"])
def test_officers_confirm_approving_rejecting_and_revoking(
    page, new_page, live_server, world, language
):
    words = WORDS[language]
    to_approve, to_reject, to_revoke = (
        submit(world.citizen, world.service, area=world.tree.village) for _ in range(3)
    )
    for case in (to_approve, to_reject):
        do_transition(case, "start_review", actor=world.clerk)
    for key in ("start_review", "approve", "issue_document"):
        do_transition(to_revoke, key, actor=world.head)

    sign_in_with_second_factor(page, world.approver, language)
    page.goto(f"/{language}/office/cases/{to_approve.public_id}/")
    click(page, page.locator("button[value=approve]"))
    assert page.locator("h1").inner_text() == words["approve?"]
    assert state(to_approve) == "in_review"
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    save_screenshots(page, f"cases-confirm-approve-{language}")
    click(page, page.locator("main form button[type=submit]"))
    assert state(to_approve) == "approved"

    page.goto(f"/{language}/office/cases/{to_reject.public_id}/")
    click(page, page.locator("button[value=reject]"))
    assert words["no_reason"] in page.locator(".form-group--error").inner_text()
    page.fill("textarea[name=reason]", "Not in this commune")
    click(page, page.locator("button[value=reject]"))
    assert page.locator("h1").inner_text() == words["reject?"]
    assert "Not in this commune" in page.locator("main").inner_text()
    assert state(to_reject) == "in_review"
    save_screenshots(page, f"cases-confirm-reject-{language}")
    click(page, page.locator("main form button[type=submit]"))
    assert state(to_reject) == "rejected"

    head = new_page(java_script_enabled=False)
    sign_in_with_second_factor(head, world.head, language)
    head.goto(f"/{language}/office/cases/{to_revoke.public_id}/")
    head.fill("textarea[name=reason]", "Issued to the wrong person")
    click(head, head.locator("button[value=revoke_document]"))
    assert head.locator("h1").inner_text() == words["revoke?"]
    assert state(to_revoke) == "document_issued"
    click(head, head.locator("main form button[type=submit]"))
    assert state(to_revoke) == "document_revoked"
