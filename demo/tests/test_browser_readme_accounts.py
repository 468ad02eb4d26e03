"""The README's demo accounts in a real Chromium, as someone trying the demo meets them
(issue 16): signed out on the home page, sign in with the printed password, type the code
of the demo TOTP secret (a field with the phone's digit keyboard), and land where the
README says. The `editor` edits the ministry's page in /cms/ and submits it; the
`approver` approves and it is live. The `clerk` reaches the hall's queue and opens a case.
Khmer and English; the other accounts are checked over HTTP (test_readme_accounts.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from accounts.tests.totp import totp_code
from cases.models import Case
from content.models import InstitutionPage
from core.testing import (
    assert_no_axe_violations,
    assert_no_csp_violations,
    save_screenshots,
    sign_in,
)
from demo.accounts import demo_passwords, load_demo_accounts
from demo.cases import load_demo_cases
from demo.content import load_demo_content
from demo.officers import DEMO_TOTP_SECRET, load_demo_officers
from demo.places import load_demo_places
from geo.tests.factories import create_area

pytestmark = [pytest.mark.browser, pytest.mark.timeout(1500)]

WORDS = {
    "km": {"sign_in": "ចូលគណនី", "queue": "សំណុំរឿងរបស់ការិយាល័យអ្នក (ការិយាល័យខាងក្រោយ)"},
    "en": {"sign_in": "Sign in", "queue": "Your office's cases (back office)"},
}


@pytest.fixture(autouse=True)
def _fresh_cache():
    """allauth remembers used TOTP codes per user id for a period, and the restored database
    gives the demo accounts the same ids in every test: the other language's run may have
    used this period's code already."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo(live_server, settings, tmp_path) -> dict[str, str]:
    """The demo's accounts, offices, ministry pages and cases over a small gazetteer."""
    settings.VAR_DIR = tmp_path
    phnom_penh = create_area("12", "Phnom Penh", "ភ្នំពេញ")
    daun_penh = create_area("1202", "Doun Penh", "ដូនពេញ", phnom_penh)
    commune = create_area("120201", "Phsar Thmei Ti Muoy", "ផ្សារថ្មីទី១", daun_penh)
    create_area("12020101", "Phum 1", "ភូមិ១", commune)
    load_demo_accounts()
    load_demo_places()
    load_demo_officers()
    load_demo_content()
    load_demo_cases()
    return demo_passwords()


def sign_in_with_the_demo_code(page, username: str, password: str, language: str) -> None:
    """From the home page, signed out: password, then the demo TOTP code."""
    page.goto(f"/{language}/")
    assert page.get_by_role("link", name=WORDS[language]["sign_in"], exact=True).count()
    sign_in(page, username, password, language=language)
    assert "/account/2fa/authenticate/" in page.url
    code = page.locator("main input[name=code]")
    assert code.get_attribute("inputmode") == "numeric"
    code.fill(totp_code(DEMO_TOTP_SECRET))
    with page.expect_navigation():
        page.locator("main form:has(input[name=code]) [type=submit]").first.click()
    assert "/2fa/" not in page.url and "/sign-in/" not in page.url


def check(page, name: str) -> None:
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    save_screenshots(page, name)


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_editor_submits_a_ministry_page_and_the_approver_publishes_it(
    demo, browser, live_server, language
):
    mptc = InstitutionPage.objects.get(slug="mptc", locale__language_code="km")
    edited = f"{mptc.title} ({language})"

    editing = browser.new_context(base_url=live_server.url)
    page = editing.new_page()
    sign_in_with_the_demo_code(page, "editor", demo["editor"], language)
    response = page.goto("/cms/")
    assert response is not None and response.status == 200 and page.url.endswith("/cms/")
    page.goto(f"/cms/pages/{mptc.pk}/edit/")
    page.locator("#id_title").fill(edited)
    with page.expect_navigation():  # "Submit to Institution review" in the actions menu
        page.locator("button[name=action-submit]").dispatch_event("click")
    mptc.refresh_from_db()
    assert mptc.title != edited  # submitted, not published: the editor cannot publish
    assert mptc.workflow_in_progress
    editing.close()

    approving = browser.new_context(base_url=live_server.url)
    page = approving.new_page()
    sign_in_with_the_demo_code(page, "approver", demo["approver"], language)
    page.goto(f"/cms/pages/{mptc.pk}/edit/")
    approve = page.locator(
        "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    )
    with page.expect_navigation():  # "Approve" in the actions menu
        approve.dispatch_event("click")
    mptc.refresh_from_db()
    assert mptc.title == edited and mptc.live
    page.goto("/km/institutions/mptc/")
    expect(page.locator("h1")).to_have_text(edited)
    approving.close()


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_clerk_reaches_the_halls_queue_and_opens_a_case(demo, page, language):
    case = Case.objects.filter(office__code="commune-hall-120201", state="received").first()
    sign_in_with_the_demo_code(page, "clerk", demo["clerk"], language)
    page.goto(f"/{language}/account/")
    with page.expect_navigation():
        page.get_by_role("link", name=WORDS[language]["queue"]).click()
    assert page.url.endswith(f"/{language}/office/")
    link = page.get_by_role("link", name=case.reference)
    expect(link).to_be_visible()
    check(page, f"demo-clerk-queue-{language}")
    with page.expect_navigation():
        link.click()
    assert page.url.endswith(f"/{language}/office/cases/{case.public_id}/")
    expect(page.locator("main")).to_contain_text(case.reference)
    check(page, f"demo-clerk-case-{language}")
