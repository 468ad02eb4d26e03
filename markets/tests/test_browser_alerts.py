"""In a real browser at phone width, in Khmer and English: a visitor on a commodity page
follows "be told when this price changes", signs in, sets an alert above a price; a
market officer's price crosses it; the alert is in the person's inbox."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone

from accounts.tests.factories import PASSWORD
from core.testing import PHONE
from health.tests.test_browser_danger_signs import check
from markets.models import Commodity, PriceAlert
from markets.publishing import Entered, do_record_prices
from markets.tests.factories import weekly_prices

pytestmark = pytest.mark.browser

FOLLOW = {"en": "Be told when this price changes", "km": "ទទួលដំណឹងនៅពេលតម្លៃនេះប្រែប្រួល"}
SAVED = {"en": "Your price alert is saved.", "km": "ការជូនដំណឹងតម្លៃរបស់អ្នកត្រូវបានរក្សាទុក។"}
PRICE = {"en": "4,600 riel", "km": "៤,៦០០ រៀល"}


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_visitor_subscribes_and_the_alert_reaches_the_inbox(
    new_page, live_server, markets_world, language
):
    world = markets_world
    today = timezone.localdate()
    weekly_prices(world.market, "rice-jasmine", [3800, 3900], today - timezone.timedelta(weeks=1))
    page = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    page.goto(f"/{language}/markets/commodities/rice-jasmine/")
    with page.expect_navigation():
        page.get_by_role("link", name=FOLLOW[language]).click()
    assert "/account/sign-in/" in page.url
    form = page.locator("form:has(input[name=password])")
    form.locator("input[name=login]").fill(world.citizen.username)
    form.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        form.locator("[type=submit]").click()
    assert "/markets/alerts/" in page.url
    page.locator("select[name=province]").select_option("17")
    page.locator("input[name=rule][value=above]").check()
    page.locator("input[name=threshold]").fill("-4000")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()
    assert page.locator(".error-summary").is_visible()
    assert page.locator("input[name=threshold]").input_value() == "-4000"
    check(page, f"markets-alerts-error-{language}")
    page.locator("input[name=threshold]").fill("4000")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()
    assert page.get_by_text(SAVED[language]).is_visible()
    check(page, f"markets-alerts-{language}")
    assert PriceAlert.objects.filter(person=world.citizen).count() == 1

    rice = Commodity.objects.get(code="rice-jasmine")
    do_record_prices(world.officer, world.market, today, [Entered(rice, "retail", Decimal(4600))])
    page.goto(f"/{language}/notifications/")
    assert page.get_by_text(PRICE[language]).first.is_visible()
    check(page, f"markets-alert-inbox-{language}")
