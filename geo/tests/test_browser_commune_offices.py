"""Issue 16, as a new user meets it: a visitor, signed out, goes from the home page to
their commune and finds the offices that serve it by level, and the ministries only as a
link to the directory. Khmer and English, JavaScript off (the plain form)."""

from __future__ import annotations

import pytest

from core.testing import assert_no_axe_violations, assert_no_csp_violations, save_screenshots
from geo.tests.test_place_offices import served  # noqa: F401  (the fixture)

pytestmark = pytest.mark.browser

WORDS = {
    "km": {"next": "បង្ហាញកម្រិតបន្ទាប់", "ministries": "ក្រសួងទាំង ៣"},
    "en": {
        "next": "Show the next level",
        "ministries": "The 3 ministries",
    },
}


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_commune_page_lists_the_offices_that_serve_it(new_page, served, language):  # noqa: F811
    tree, offices, ministries = served

    def name(thing) -> str:
        return getattr(thing, f"name_{language}")

    page = new_page(java_script_enabled=False)
    page.goto(f"/{language}/place/")
    for level, area in (
        ("province", tree.province),
        ("district", tree.district),
        ("commune", tree.commune),
    ):
        page.select_option(f"#id_{level}", area.code)
        page.get_by_role("button", name=WORDS[language]["next"]).click()
    page.get_by_role("link", name=name(tree.commune)).first.click()
    assert page.url.endswith(f"/{language}/place/{tree.commune.code}/")

    serving = page.locator("section[aria-labelledby=serving-heading]")
    headings = serving.locator("h3").evaluate_all("hs => hs.map(h => h.firstChild.textContent)")
    assert [h.strip() for h in headings] == [
        name(tree.commune),
        name(tree.district),
        name(tree.province),
    ]
    names = serving.locator(".card__title").all_inner_texts()
    expected = {
        name(offices[k]) for k in ("hall", "police", "school", "health", "district", "department")
    }
    assert set(names) == expected
    assert not any(name(ministry) in names for ministry in ministries)
    link = serving.get_by_role("link", name=WORDS[language]["ministries"])
    assert link.get_attribute("href").endswith("?type=ministry")
    link.click()
    assert page.locator(".card__title").count() == len(ministries)

    scripted = new_page()  # the same page as most visitors get it, checked with axe
    scripted.goto(f"/{language}/place/{tree.commune.code}/")
    assert_no_axe_violations(scripted)
    assert_no_csp_violations(scripted)
    save_screenshots(scripted, f"geo-commune-offices-{language}")
