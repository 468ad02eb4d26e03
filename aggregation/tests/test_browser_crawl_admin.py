"""The administrator's journey for a ministry website (issue 26): signed out at the home
page, signs in with password and second factor, adds the stand-in ministry site as a
source in the Django admin, the crawl runs (as the worker's task does), and the source
list shows its health: pages in the search, the last crawl, the problems. Khmer and
English, on a desktop screen as the Django admin is used.

No axe check: the Django admin is Django's own markup, and no admin browser test runs axe
on it (test_browser_notifications checks only the portal's own back-office pages)."""

from __future__ import annotations

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.utils import translation
from django.utils.translation import gettext

from accounts.tests.factories import PASSWORD, create_user
from accounts.tests.totp import totp_code
from aggregation.models import Page, Source
from aggregation.polling import crawl_site_safely
from aggregation.tests.factories import create_institution
from core.testing import DESKTOP, assert_no_csp_violations, save_screenshots, sign_in

pytestmark = pytest.mark.browser

SIGN_IN = {"km": "ចូលគណនី", "en": "Sign in"}
LEGACY_FONT = {"km": "ពុម្ពអក្សរខ្មែរចាស់", "en": "legacy Khmer font"}  # in the problems


@pytest.fixture(autouse=True)
def _fresh_cache():
    """allauth remembers used TOTP codes per user id, and ids repeat between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def sign_in_with_second_factor(page, user, language: str) -> None:
    """From the home page, signed out: password, then the authenticator app's code."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    page.goto(f"/{language}/")
    assert page.get_by_role("link", name=SIGN_IN[language], exact=True).count()
    sign_in(page, user.username, PASSWORD, language=language)
    assert "/account/2fa/authenticate/" in page.url
    page.fill("main input[name=code]", totp_code(secret))
    with page.expect_navigation():
        page.locator("main form:has(input[name=code]) [type=submit]").first.click()
    assert "/2fa/" not in page.url and "/sign-in/" not in page.url


@pytest.mark.parametrize("language", ["km", "en"])
def test_an_administrator_adds_a_ministry_website_and_sees_its_health(
    new_page, live_server, ministry_site, language
):
    institution = create_institution(
        code="mpwt",
        name_en="Ministry of Public Works and Transport",
        name_km="ក្រសួងសាធារណការ និងដឹកជញ្ជូន",
    )
    admin = create_user("root", is_staff=True, is_superuser=True, preferred_language=language)
    page = new_page(
        viewport={"width": DESKTOP.width, "height": DESKTOP.height},
        extra_http_headers={"Accept-Language": language},
    )
    sign_in_with_second_factor(page, admin, language)

    page.goto("/django-admin/aggregation/source/")
    with translation.override(language):
        add_label = gettext("Add %(name)s") % {"name": Source._meta.verbose_name}
        working = gettext("Working, with problems")
    page.get_by_role("link", name=add_label).click()
    page.wait_for_url("**/aggregation/source/add/")
    page.fill("#id_name_km", "គេហទំព័រក្រសួងសាធារណការ")
    page.fill("#id_name_en", "Public Works website")
    page.select_option("#id_kind", Source.Kind.SITE)
    page.fill("#id_url", f"{ministry_site.url}/")
    page.fill("#id_crawl_delay_seconds", "0")
    page.select_option("#id_institution", str(institution.pk))
    save_screenshots(page, f"crawl-admin-add-{language}")
    with page.expect_navigation():
        page.locator("input[name=_save]").click()
    source = Source.objects.get(name_en="Public Works website")
    assert source.kind == Source.Kind.SITE and source.url == f"{ministry_site.url}/"

    crawl_site_safely(source)  # what the worker's crawl task runs for the new source
    indexed = Page.objects.filter(source=source, status=Page.Status.INDEXED).count()
    assert indexed > 8

    page.goto("/django-admin/aggregation/source/")
    row = page.locator("#result_list tbody tr").filter(has_text="Public Works website")
    text = row.inner_text()
    assert f"{indexed} (1)" in text  # pages in the search (one in a legacy font)
    assert working in text and LEGACY_FONT[language] in text
    source.refresh_from_db()
    assert source.last_success_at is not None
    assert row.locator("td.field-last_success_at").inner_text().strip() not in ("", "-")
    assert_no_csp_violations(page)
    save_screenshots(page, f"crawl-admin-sources-{language}")
