"""In a real browser at phone width, in Khmer and English: a market officer, signed out
at the public prices page, signs in with the second factor and enters a day's prices;
one is far from the last weeks' and is held; the provincial officer publishes it from
the review page; a visitor reads the commodity's trend, a market's prices, a province's
prices and where to sell. Every page is checked by axe and the CSP, and screenshotted."""

from __future__ import annotations

import datetime
import math

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.cache import cache
from django.utils import timezone

from accounts.tests.factories import PASSWORD
from accounts.tests.totp import totp_code
from core.testing import PHONE, assert_page_budget
from health.tests.test_browser_danger_signs import check
from markets.models import Observation
from markets.tests.factories import weekly_prices

pytestmark = pytest.mark.browser

SAVED = {
    "en": "Held for the provincial officer's review: 1.",
    "km": "រង់ចាំការពិនិត្យរបស់មន្ត្រីថ្នាក់ខេត្ត៖ ១។",
}
PUBLISH = {"en": "Publish the price", "km": "ផ្សព្វផ្សាយតម្លៃ"}
PUBLISHED = {"en": "The price is published.", "km": "តម្លៃត្រូវបានផ្សព្វផ្សាយ។"}
TREND = {"en": "Trend over time", "km": "និន្នាការតាមពេលវេលា"}
TABLE = {"en": "The weekly prices as a table", "km": "តម្លៃប្រចាំសប្តាហ៍ជាតារាង"}
RICE = {"en": "Jasmine rice", "km": "អង្ករផ្កាម្លិះ"}


def sign_in_at(page, user, path: str, language: str) -> None:
    """Open an officer page signed out, sign in with the password, then the app's code."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    page.goto(path)
    assert "/account/sign-in/" in page.url
    form = page.locator("form:has(input[name=password])")
    form.locator("input[name=login]").fill(user.username)
    form.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        form.locator("[type=submit]").click()
    assert "/account/2fa/authenticate/" in page.url
    page.fill("input[name=code]", totp_code(secret))
    with page.expect_navigation():
        page.locator("main form:has(input[name=code]) [type=submit]").first.click()
    assert page.url.endswith(path)


@pytest.mark.parametrize("language", ["km", "en"])
def test_an_outlier_is_held_and_published_by_the_provincial_officer(
    new_page, live_server, markets_world, language
):
    cache.clear()  # allauth remembers used codes per user id across the two runs
    last_week = timezone.localdate() - datetime.timedelta(days=7)
    weekly_prices(markets_world.market, "rice-jasmine", [3700, 3800, 3750, 3900, 3800], last_week)
    page = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    page.goto(f"/{language}/markets/")
    assert page.get_by_role("link", name=RICE[language]).is_visible()
    sign_in_at(page, markets_world.officer, f"/{language}/markets/office/", language)
    check(page, f"markets-office-{language}")
    with page.expect_navigation():
        page.get_by_role(
            "link",
            name=markets_world.market.name_km if language == "km" else markets_world.market.name_en,
        ).click()
    page.locator("input[name=price-rice-jasmine-retail]").fill("abc")
    page.locator("input[name=price-pork-retail]").fill("18000")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.locator(".error-summary").is_visible()
    assert page.locator("input[name=price-pork-retail]").input_value() == "18000"
    check(page, f"markets-enter-prices-error-{language}")
    page.locator("input[name=price-rice-jasmine-retail]").fill("38000")  # a zero too many
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert SAVED[language] in page.locator(".notification-banner").inner_text()
    check(page, f"markets-enter-prices-{language}")
    held = Observation.objects.get(status=Observation.Status.HELD)

    reviewer = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    sign_in_at(reviewer, markets_world.reviewer, f"/{language}/markets/office/review/", language)
    check(reviewer, f"markets-review-{language}")
    with reviewer.expect_navigation():
        reviewer.get_by_role("button", name=PUBLISH[language]).click()
    assert reviewer.get_by_text(PUBLISHED[language]).is_visible()
    held.refresh_from_db()
    assert held.status == Observation.Status.PUBLISHED
    reviewer.goto(f"/{language}/markets/office/import/")
    check(reviewer, f"markets-import-{language}")


def seasonal(base: int, weeks: int, phase: int) -> list[int]:
    return [round(base * (1 + 0.1 * math.sin((w + phase) / 8))) for w in range(weeks)]


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_visitor_reads_a_commodity_trend_and_where_to_sell(
    new_page, live_server, markets_world, language
):
    today = timezone.localdate()
    weekly_prices(markets_world.market, "rice-jasmine", seasonal(3800, 104, 0), today, demo=True)
    weekly_prices(
        markets_world.other_market, "rice-jasmine", seasonal(3900, 104, 3), today, demo=True
    )
    weekly_prices(
        markets_world.far_market, "rice-jasmine", seasonal(3500, 104, 5), today, demo=True
    )
    weekly_prices(markets_world.market, "pork", [18000, 18500], today, demo=True)
    page = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    page.goto(f"/{language}/markets/")
    check(page, f"markets-index-{language}")
    with page.expect_navigation():
        page.get_by_role("link", name=RICE[language]).click()
    assert page.get_by_role("heading", name=TREND[language]).is_visible()
    assert page.locator("svg[role=img]").count() == 2
    page.get_by_text(TABLE[language]).click()
    assert page.locator("#trend-caption").is_visible()
    check(page, f"markets-commodity-{language}")
    assert_page_budget(page, page.url)
    page.goto(f"/{language}/markets/?province=17")
    check(page, f"markets-province-{language}")
    page.goto(f"/{language}/markets/at/{markets_world.market.code}/")
    check(page, f"markets-market-{language}")
    page.goto(
        f"/{language}/markets/where-to-sell/?province=17&district=1710&commune=171001&commodity=rice-jasmine"
    )
    assert page.get_by_role(
        "link",
        name=markets_world.market.name_km if language == "km" else markets_world.market.name_en,
    ).is_visible()
    check(page, f"markets-where-to-sell-{language}")
