"""The geo journeys in a real Chromium: choosing an area with and without JavaScript,
finding the nearest health centre, importing a file with bad rows; every geo page
accessible, within the CSP and (for the public ones) within the page budget."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Permission

from core.testing import (
    assert_no_axe_violations,
    assert_no_console_errors,
    assert_no_csp_violations,
    assert_page_budget,
    save_screenshots,
    sign_in_as,
)
from core.testing.browser import RESULTS_DIR
from geo.tests.factories import create_facility, create_tree, office_hours

pytestmark = pytest.mark.browser

PASSWORD = "a long test password"
# The middle of Siem Reap town; the facilities below sit around it.
HERE = {"latitude": 13.3633, "longitude": 103.8597}
BAD_CSV = (
    "code,type,area,name_km,name_en,phones,latitude,longitude\n"
    "hc-good,health-centre,171001,មណ្ឌលសុខភាពស្លក្រាម,Sla Kram Health Centre,,13.37,103.86\n"
    "hc-bad,health-centre,999999,មណ្ឌលសុខភាព,Bad Health Centre,,,\n"
    "school-bad,school,17100101,,Nameless School,123,,\n"
)


@pytest.fixture
def places():
    tree = create_tree()
    near = create_facility(
        tree.village,
        "health-centre",
        code="hc-sla-kram",
        name_en="Sla Kram Health Centre",
        name_km="មណ្ឌលសុខភាពស្លក្រាម",
        latitude=Decimal("13.3700"),
        longitude=Decimal("103.8600"),
    )
    office_hours(near)
    far = create_facility(
        tree.other_village,
        "health-centre",
        code="hc-voat-bour",
        name_en="Voat Bour Health Centre",
        name_km="មណ្ឌលសុខភាពវត្តបូព៌",
        latitude=Decimal("13.4500"),
        longitude=Decimal("103.9500"),
    )
    hall = create_facility(tree.commune, "commune-hall", address_en="National Road 6")
    office_hours(hall)
    return tree, near, far, hall


def choose_in_selects(page, values: list[tuple[str, str]]) -> None:
    for name, value in values:
        page.locator(f"#id_{name}").select_option(value)
        page.locator("form[data-geo-chooser] button[type=submit]").click()
        page.wait_for_load_state()


def test_choosing_an_area_without_javascript_goes_level_by_level_and_is_remembered(
    new_page, places, live_server
):
    page = new_page(java_script_enabled=False)
    page.goto("/km/place/")
    assert page.locator("select").count() == 1
    choose_in_selects(
        page,
        [("province", "17"), ("district", "1710"), ("commune", "171001"), ("village", "17100101")],
    )
    assert page.locator("select").count() == 4
    page.locator("form[action$='/place/remember/'] button").click()
    page.wait_for_url(f"{live_server.url}/km/place/17100101/")
    crumbs = page.locator("nav.breadcrumbs")
    for name in ("សៀមរាប", "ស្លក្រាម"):
        assert crumbs.get_by_role("link", name=name).first.is_visible()
    assert page.locator(".tag--green", has_text="តំបន់របស់អ្នក").is_visible()

    page.goto("/km/place/")
    assert page.get_by_role("link", name="ស្លក្រាម").first.is_visible()
    page.goto("/km/facilities/")
    assert page.locator("a[href='/km/facilities/?area=17100101']").is_visible()
    assert_no_csp_violations(page)


@pytest.mark.parametrize(("language", "typed"), [("en", "Siem"), ("km", "សៀម")])
def test_choosing_an_area_with_the_type_ahead_and_the_keyboard(
    page, places, live_server, language, typed
):
    page.goto(f"/{language}/place/")
    box = page.locator("#id_q")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    box.press_sequentially(typed, delay=30)
    options = page.get_by_role("listbox").get_by_role("option")
    options.first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert options.count() == 2  # the province and its district of the same name
    status = page.locator("#area-suggestions-status")
    assert status.inner_text() in ("2 areas found. Use the up and down arrows to choose.",) or (
        "២" in status.inner_text()
    )
    box.press("ArrowDown")
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    assert_no_axe_violations(page)
    save_screenshots(page, f"geo-choose-typeahead-{language}")
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    box.press("ArrowDown")
    box.press("ArrowDown")
    with page.expect_navigation():
        box.press("Enter")
    assert "district=1710" in page.url and "province=17" in page.url
    use = page.locator("form[action$='/place/remember/'] button")
    expect_focused = page.evaluate("() => document.activeElement.textContent")
    assert expect_focused == use.inner_text()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{live_server.url}/{language}/place/1710/"
    assert_no_csp_violations(page)
    assert_no_console_errors(page)


def test_arrow_up_in_the_area_type_ahead_goes_round_to_the_last_suggestion(page, places):
    page.goto("/en/place/")
    box = page.locator("#id_q")
    box.press_sequentially("Siem", delay=30)
    options = page.get_by_role("listbox").get_by_role("option")
    options.first.wait_for()
    box.press("ArrowUp")
    assert box.get_attribute("aria-activedescendant") == options.last.get_attribute("id")
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == options.first.get_attribute("id")
    with page.expect_navigation():
        box.press("Enter")
    assert "province=17" in page.url and "district=1710" not in page.url


def test_finding_the_nearest_health_centre_by_coordinates(new_page, places):
    _tree, near, far, _hall = places
    page = new_page(java_script_enabled=False)
    page.goto("/en/facilities/?type=health-centre&near=13.3633,103.8597")
    titles = page.locator(".card__title").all_inner_texts()
    assert titles == [near.name_en, far.name_en]
    assert page.locator(".geo-distance").first.inner_text() == "0.7 km away"
    page.goto("/en/facilities/?near=48.85,2.35")
    assert page.get_by_role("alert").get_by_text("This place is outside Cambodia.").is_visible()
    assert_no_csp_violations(page)


def test_finding_the_nearest_health_centre_with_my_location(new_page, places, live_server):
    _tree, near, _far, _hall = places
    page = new_page(geolocation=HERE, permissions=["geolocation"])
    page.goto("/en/place/17100101/")
    page.get_by_role("link", name="Nearest health centres").click()
    page.wait_for_url(re.compile(r"type=health-centre"))
    with page.expect_navigation():
        page.get_by_role("button", name="Use my location").click()
    assert "near=13.36330%2C103.85970" in page.url
    assert page.locator(".card__title").first.inner_text() == near.name_en
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    assert_no_console_errors(page)
    save_screenshots(page, "geo-directory-nearest-en")


@pytest.mark.parametrize("language", ["km", "en"])
def test_importing_a_csv_with_bad_rows_lists_them_by_line(
    page, places, django_user_model, tmp_path, live_server, language
):
    officer = django_user_model.objects.create_user(
        username="officer", password=PASSWORD, is_staff=True
    )
    officer.user_permissions.add(Permission.objects.get(codename="import_facilities"))
    # Staff must have a second factor (accounts); signing in with it is tested there.
    Authenticator.objects.create(user=officer, type=Authenticator.Type.TOTP, data={})
    sign_in_as(page, officer, live_server.url)
    page.goto(f"/{language}/facilities/import/")
    assert_no_axe_violations(page)
    upload = tmp_path / "facilities.csv"
    upload.write_text(BAD_CSV, encoding="utf-8")
    page.locator("input[type=file]").set_input_files(upload)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    rows = page.locator("main table tbody tr")
    assert rows.count() == 2
    assert rows.nth(0).locator("th").inner_text() == ("3" if language == "en" else "៣")
    assert rows.nth(1).locator("th").inner_text() == ("4" if language == "en" else "៤")
    problems = page.locator("main table").inner_text()
    if language == "en":
        assert "999999" in problems and "name_km is empty." in problems
    else:
        assert "999999" in problems and re.search("[\u1780-\u17ff]", problems)
    assert page.locator("input[type=file]").is_visible()
    assert page.locator("main").get_by_role("status").is_visible()
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    save_screenshots(page, f"geo-import-{language}")
    from geo.models import Facility

    assert Facility.objects.filter(code="hc-good").exists()
    assert not Facility.objects.filter(code__in=["hc-bad", "school-bad"]).exists()


PUBLIC_PAGES = {
    "place": "/{language}/place/17100101/",
    "province": "/{language}/place/17/",
    "choose": "/{language}/place/?province=17&district=1710",
    "directory": "/{language}/facilities/",
    "facility": "/{language}/facilities/hc-sla-kram/",
}
WEIGHTS_FILE = RESULTS_DIR / "geo-page-weights.txt"
BUDGETED = {"place", "province", "directory", "facility"}


@pytest.mark.parametrize("language", ["km", "en"])
@pytest.mark.parametrize("name", list(PUBLIC_PAGES))
def test_every_geo_page_is_accessible_within_the_csp_and_light(page, places, language, name):
    url = PUBLIC_PAGES[name].format(language=language)
    if name in BUDGETED:
        weight = assert_page_budget(page, url)
        WEIGHTS_FILE.parent.mkdir(parents=True, exist_ok=True)
        with WEIGHTS_FILE.open("a") as weights:
            weights.write(f"{url} {weight.total_bytes}\n")
    else:
        page.goto(url)
    assert page.locator("html").get_attribute("lang") == language
    assert "leaflet" not in page.content()
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    assert_no_console_errors(page)
    save_screenshots(page, f"geo-{name}-{language}")
