"""The base layout in a real Chromium: accessible, light, same-origin, usable without JS."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from core.testing import (
    PAGE_BUDGET_BYTES,
    assert_no_axe_violations,
    assert_no_console_errors,
    assert_no_csp_violations,
    assert_page_budget,
    page_log,
    save_screenshots,
    sign_in_as,
)

pytestmark = pytest.mark.browser

KHMER_FONT = "Noto Sans Khmer"


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_home_page_is_accessible_light_and_self_contained(page, language):
    weight = assert_page_budget(page, f"/{language}/", max_bytes=PAGE_BUDGET_BYTES)
    assert page.locator("html").get_attribute("lang") == language
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    assert_no_console_errors(page)
    assert weight.other_origins == []
    save_screenshots(page, f"home-{language}")


def test_the_language_switch_keeps_the_visitor_on_the_same_page(page, live_server):
    page.goto("/km/search/?q=x")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{live_server.url}/en/search/?q=x")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("link", name="ខ្មែរ").get_attribute("href") == "/km/search/?q=x"
    assert_no_csp_violations(page)


def test_searching_from_the_header_works_without_javascript(new_page, live_server):
    page = new_page(java_script_enabled=False)
    page.goto("/km/")
    box = page.get_by_role("banner").get_by_role("searchbox")
    box.fill("លិខិតឆ្លងដែន")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/km/search/\?"))
    address = urlsplit(page.url)
    assert f"{address.scheme}://{address.netloc}{address.path}" == f"{live_server.url}/km/search/"
    assert parse_qs(address.query)["q"] == ["លិខិតឆ្លងដែន"]
    assert page.get_by_role("main").is_visible()
    assert_no_csp_violations(page)


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_404_page_is_accessible_in_both_languages(page, language):
    response = page.goto(f"/{language}/no-such-page/")
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == language
    assert page.get_by_role("main").is_visible()
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    # The document's own 404 is the point of this page; anything else is a bug.
    assert_no_console_errors(page, allow=[r"status of 404 \(Not Found\) \(.*/no-such-page/:"])
    save_screenshots(page, f"404-{language}")


def test_the_design_page_is_accessible_for_staff(page, live_server, django_user_model):
    designer = django_user_model.objects.create_user(
        username="designer", password="a long test password", is_staff=True
    )
    sign_in_as(page, designer, live_server.url)
    response = page.goto("/km/design/")
    assert response is not None and response.status == 200
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    assert_no_console_errors(page)
    save_screenshots(page, "design-km")


def test_khmer_is_set_in_the_portals_own_web_font(page, live_server):
    page.goto("/km/")
    page.evaluate("() => document.fonts.ready.then(() => true)")
    assert page.evaluate(
        "([family]) => document.fonts.check(`16px \"${family}\"`, 'ក')", [KHMER_FONT]
    ), f"{KHMER_FONT} is not ready for Khmer text"
    # The machine may have Noto Sans Khmer installed, so check.() alone proves nothing:
    # the portal must ship the font itself, load it, and use it for the body text.
    loaded = page.evaluate(
        """([family]) => [...document.fonts]
            .filter(f => f.family.replace(/["']/g, "") === family && f.status === "loaded")
            .length""",
        [KHMER_FONT],
    )
    assert loaded >= 1, f"No @font-face for {KHMER_FONT} was loaded"
    body_font = page.evaluate("() => getComputedStyle(document.body).fontFamily")
    assert KHMER_FONT in body_font
    fonts = [
        url for url in page_log(page).requested_urls if re.search(r"\.(woff2?|ttf|otf)(\?|$)", url)
    ]
    assert fonts, "No font file was requested"
    assert all(url.startswith(f"{live_server.url}/static/") for url in fonts), fonts
    assert_no_csp_violations(page)


def test_the_site_icon_the_browser_asks_for_exists(page):
    # Chromium fetches /favicon.ico (or the declared icon) on its own; a missing one costs a
    # request and a console error on every first visit. It only asks once per browser
    # while the icon is missing, so the home page tests cannot be relied on to notice.
    page.goto("/km/")
    declared = page.locator("link[rel~=icon]")
    href = declared.first.get_attribute("href") if declared.count() else "/favicon.ico"
    if href.startswith("data:"):
        return  # inline in the page: nothing to fetch
    response = page.request.get(href)
    assert response.status == 200, f"{href} answered {response.status}"
    assert response.headers["content-type"].startswith("image/")
