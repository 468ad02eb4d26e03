"""Every content page type in a real Chromium, in Khmer and English: accessible (axe),
under the page budget, within the CSP; the missing-translation notice; and the editorial
journey (an editor drafts and submits, the institution's approver approves)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from accounts.tests.factories import create_user, grant
from content.models import InstitutionPage, NewsPage
from core.testing import (
    assert_no_axe_violations,
    assert_no_console_errors,
    assert_no_csp_violations,
    assert_page_budget,
    save_screenshots,
)
from core.testing.browser import sign_in_as
from demo.content import load_demo_content
from geo.models import Area, Facility, FacilityType, Institution
from geo.tests.factories import create_area, create_facility

pytestmark = pytest.mark.browser

PAGES = {
    "home": "",
    "information": "institutions/",
    "topic": "topics/health/",
    "life-event": "topics/having-a-baby/",
    "guide": "topics/starting-a-business/start-a-business/",
    "institution": "institutions/mptc/",
    "news-index": "news/",
    "news": "news/flood-warning-battambang/",
}


@pytest.fixture
def demo_content(live_server):
    from demo.places import load_demo_places

    load_demo_places()
    load_demo_content()


def mptc_office() -> Facility:
    """The ministry's office that the demo's MPTC page names, made again if a flushed
    database (live-server tests) lost the rows that migrations create."""
    institution = InstitutionPage.objects.get(slug="mptc", locale__language_code="km").institution
    if institution is None:
        institution = Institution.objects.create(code="mptc", name_km="ក្រសួង", name_en="MPTC")
        InstitutionPage.objects.filter(slug="mptc").update(institution=institution)
    kind, _created = FacilityType.objects.get_or_create(
        code="ministry", defaults={"name_km": "ក្រសួង", "name_en": "Ministry"}
    )
    area = Area.objects.filter(code="12").first() or create_area("12", "Phnom Penh", "ភ្នំពេញ")
    office = Facility.objects.filter(institution=institution, type=kind).first()
    return office or create_facility(
        area, "ministry", code="ministry-mptc", institution=institution
    )


@pytest.mark.parametrize("language", ["km", "en"])
def test_every_page_type_is_accessible_light_and_within_the_csp(demo_content, page, language):
    for kind, path in PAGES.items():
        assert_page_budget(page, f"/{language}/{path}")
        assert page.locator("html").get_attribute("lang") == language, kind
        if kind not in ("home", "information", "topic", "life-event", "news-index"):
            assert page.locator("script[type='application/ld+json']").count() == 1, kind
        assert_no_axe_violations(page)
        assert_no_csp_violations(page)
        assert_no_console_errors(page)
        save_screenshots(page, f"content-{kind}-{language}")


def test_the_urgent_banner_and_the_missing_translation_notice(demo_content, page):
    page.goto("/en/place/02/")
    banner = page.locator(".urgent-alert")
    expect(banner).to_contain_text("Flood warning in Battambang province")
    assert_no_axe_violations(page)
    save_screenshots(page, "content-urgent-banner-en")
    NewsPage.objects.get(locale__language_code="en", slug="dengue-prevention").unpublish()
    response = page.goto("/en/news/dengue-prevention/")
    assert response is not None and response.status == 404
    assert_no_axe_violations(page)
    page.get_by_role("link", name="ការពារជំងឺគ្រុនឈាមក្នុងរដូវវស្សា").click()
    page.wait_for_url("**/km/news/dengue-prevention/")
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)


def test_an_editor_drafts_and_submits_and_the_approver_publishes(
    demo_content, live_server, browser
):
    office = mptc_office()
    editor, approver = create_user("mptc-editor"), create_user("mptc-approver")
    for user, code in ((editor, Role.EDITOR), (approver, Role.APPROVER)):
        Role.objects.get_or_create(code=code, defaults={"name_km": code, "name_en": code})
        grant(user, office, code)
    news_index = NewsPage.objects.filter(locale__language_code="km").first().get_parent()

    editing = browser.new_context(base_url=live_server.url)
    page = editing.new_page()
    sign_in_as(page, editor, live_server.url)
    page.goto(f"/cms/pages/add/content/newspage/{news_index.pk}/")
    page.locator("#id_title").fill("សេវាប្រៃសណីយ៍ថ្មី")
    page.locator("#id_institution").select_option(label="ក្រសួងប្រៃសណីយ៍ និងទូរគមនាគមន៍")
    page.locator("[data-contentpath=body] [contenteditable=true]").fill("ការិយាល័យប្រៃសណីយ៍បើកសេវាថ្មី។")
    page.locator('[href="#tab-promote"]').click()
    page.locator("#id_slug").fill("new-postal-service")
    with page.expect_navigation():  # "Submit to Institution review" in the actions menu
        page.locator("button[name=action-submit]").dispatch_event("click")
    news = NewsPage.objects.get(slug="new-postal-service")
    assert not news.live
    editing.close()

    approving = browser.new_context(base_url=live_server.url)
    page = approving.new_page()
    sign_in_as(page, approver, live_server.url)
    page.goto(f"/cms/pages/{news.pk}/edit/")
    approve = page.locator(
        "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    )
    with page.expect_navigation():  # "Approve" in the actions menu
        approve.dispatch_event("click")
    news.refresh_from_db()
    assert news.live
    page.goto("/km/news/new-postal-service/")
    expect(page.locator("h1")).to_have_text("សេវាប្រៃសណីយ៍ថ្មី")
    approving.close()
