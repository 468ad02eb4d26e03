"""Content pages in a real Chromium: accessible, light, within the CSP, in both languages."""

from __future__ import annotations

import pytest

from content.demo import load_demo_content
from content.models import NewsPage
from core.testing import (
    assert_no_axe_violations,
    assert_no_console_errors,
    assert_no_csp_violations,
    assert_page_budget,
    save_screenshots,
)

pytestmark = pytest.mark.browser

PAGES = {
    "institution": "institutions/mptc/",
    "guide": "topics/having-a-baby/register-a-birth/",
    "news": "news/flood-warning-battambang/",
}


@pytest.fixture
def demo_content(live_server):
    load_demo_content()


@pytest.mark.parametrize("language", ["km", "en"])
@pytest.mark.parametrize("kind", sorted(PAGES))
def test_content_pages_are_accessible_light_and_within_the_csp(demo_content, page, kind, language):
    assert_page_budget(page, f"/{language}/{PAGES[kind]}")
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("script[type='application/ld+json']").count() == 1
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    assert_no_console_errors(page)
    save_screenshots(page, f"content-{kind}-{language}")


def test_the_missing_translation_notice_is_accessible(demo_content, page):
    NewsPage.objects.get(locale__language_code="en", slug="dengue-prevention").unpublish()
    response = page.goto("/en/news/dengue-prevention/")
    assert response is not None and response.status == 404
    page.get_by_role("link", name="ការពារជំងឺគ្រុនឈាមក្នុងរដូវវស្សា").click()
    page.wait_for_url("**/km/news/dengue-prevention/")
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
