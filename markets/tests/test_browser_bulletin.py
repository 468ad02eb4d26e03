"""In a real browser at phone width, in Khmer and English: a visitor, signed out, picks a
province on the prices page, opens its weekly bulletin, reads the rises and falls and
downloads the PDF. The page is checked by axe, the CSP and the page budget."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from core.testing import PHONE, assert_page_budget
from health.tests.test_browser_danger_signs import check
from markets.tests.factories import weekly_prices

pytestmark = pytest.mark.browser

BULLETIN_LINK = {
    "en": "This week's bulletin for the province (page and PDF)",
    "km": "ព្រឹត្តិបត្រប្រចាំសប្តាហ៍នេះរបស់ខេត្ត (ទំព័រ និង PDF)",
}
DOWNLOAD = {"en": "Download the bulletin (PDF)", "km": "ទាញយកព្រឹត្តិបត្រ (PDF)"}


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_visitor_reads_the_provinces_bulletin_and_downloads_its_pdf(
    new_page, live_server, markets_world, language
):
    monday = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())
    weekly_prices(markets_world.market, "rice-jasmine", [3000, 3300], monday)
    weekly_prices(markets_world.market, "pork", [16000, 12000], monday)
    province = markets_world.tree.province.code
    page = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    page.goto(f"/{language}/markets/?province={province}")
    with page.expect_navigation():
        page.get_by_role("link", name=BULLETIN_LINK[language]).click()
    assert page.locator("#rises li").count() == 1
    assert page.locator("#falls li").count() == 1
    if language == "km":
        assert "១០" in page.locator("#rises").inner_text()  # up 10 %, in Khmer digits
    check(page, f"markets-bulletin-{language}")
    assert_page_budget(page, page.url)
    with page.expect_download() as download:
        page.get_by_role("link", name=DOWNLOAD[language]).click()
    pdf = download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF")
