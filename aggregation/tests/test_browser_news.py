"""The news stream and the approval of a mailed draft, in a real Chromium."""

from __future__ import annotations

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.utils import timezone

from accounts.tests.factories import create_user, grant
from aggregation.models import Item
from aggregation.tests.factories import create_institution, create_item, create_source
from core.testing import (
    assert_no_axe_violations,
    assert_no_console_errors,
    assert_no_csp_violations,
    assert_page_budget,
    save_screenshots,
    sign_in_as,
)
from geo.tests.factories import create_area, create_facility

pytestmark = pytest.mark.browser


def create_news() -> dict:
    health = create_institution()
    education = create_institution(code="moeys", name_en="Ministry of Education",
                                   name_km="ក្រសួងអប់រំ យុវជន និងកីឡា")  # fmt: skip
    kampot = create_area("07", "Kampot", "កំពត")
    health_feed = create_source(institution=health)
    education_feed = create_source(institution=education, name_en="Ministry of Education news",
                                   name_km="ព័ត៌មានក្រសួងអប់រំ")  # fmt: skip
    now = timezone.now()
    measles = create_item(source=health_feed, title="Measles vaccination week in Kampot",
                          original_url="https://moh.gov.kh/en/news/measles",
                          published_at=now - timedelta(hours=2))  # fmt: skip
    measles.areas.add(kampot)
    create_item(source=health_feed, title="ការចាក់វ៉ាក់សាំងការពារជំងឺកញ្ជ្រិលនៅខេត្តកំពត",
                language="km", original_url="https://moh.gov.kh/km/news/measles",
                published_at=now - timedelta(hours=1))  # fmt: skip
    create_item(source=education_feed, title="New school year starts on 1 December",
                original_url="https://moeys.gov.kh/en/news/school-year",
                published_at=now - timedelta(days=1))  # fmt: skip
    mailbox = create_source(kind="imap", institution=health, name_en="MOH mailbox",
                            name_km="ប្រអប់សំបុត្រក្រសួងសុខាភិបាល")  # fmt: skip
    draft = create_item(source=mailbox, title="Health centre hours over the holidays",
                        status=Item.Status.DRAFT, original_url="")  # fmt: skip
    office = create_facility(create_area("12", "Phnom Penh", "ភ្នំពេញ"),
                             "provincial-department", code="moh-pp",
                             institution=health)  # fmt: skip
    return {"draft": draft, "office": office}


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_news_stream_is_accessible_light_and_filters(page, language):
    create_news()
    assert_page_budget(page, f"/{language}/news/")
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    assert_no_console_errors(page)
    save_screenshots(page, f"news-{language}")
    items = page.locator(".news-list__item")
    assert items.count() == 3

    page.locator("select[name=institution]").select_option("moeys")
    with page.expect_navigation():
        page.locator("form[action$='/news/'] button[type=submit]").click()
    assert items.count() == 1
    assert "school year" in items.first.inner_text()
    assert "institution=moeys" in page.url

    page.locator("select[name=institution]").select_option("")
    page.locator("select[name=area]").select_option("07")
    with page.expect_navigation():
        page.locator("form[action$='/news/'] button[type=submit]").click()
    assert items.count() == 1
    assert "Kampot" in items.first.inner_text()
    assert_no_axe_violations(page)


def test_the_stream_works_without_javascript(new_page):
    create_news()
    page = new_page(java_script_enabled=False)
    page.goto("/en/news/?language=km")
    assert page.locator(".news-list__item").count() == 1
    original = page.get_by_role("link", name="Original on moh.gov.kh")
    assert original.get_attribute("href") == "https://moh.gov.kh/km/news/measles"


def test_an_editor_approves_a_mailed_draft_and_it_appears_in_the_news(page, live_server):
    data = create_news()
    editor = create_user("sokha")
    grant(editor, data["office"], "editor")
    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={})
    page.goto("/en/news/")
    assert "Health centre hours" not in page.locator("main").inner_text()

    sign_in_as(page, editor, live_server.url)
    assert_page_budget(page, "/en/news/drafts/")
    assert_no_axe_violations(page)
    save_screenshots(page, "news-drafts-en")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert "Published: Health centre hours over the holidays" in page.locator("main").inner_text()
    assert "Nothing is waiting for approval." in page.locator("main").inner_text()

    page.goto("/en/news/")
    page.get_by_role("link", name="Health centre hours over the holidays").click()
    assert "This item comes from MOH mailbox" in page.locator("main").inner_text()
    assert_no_axe_violations(page)
    save_screenshots(page, "news-item-en")
