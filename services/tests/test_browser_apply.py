"""Applying for a birth registration in Chromium, with JavaScript and without: a validation
error that keeps the answers, an upload refused by its content, then a good upload, check
your answers, the declaration and the reference number."""

from __future__ import annotations

import pytest

from accounts.tests.factories import create_user
from core.testing import (
    assert_no_axe_violations,
    assert_no_csp_violations,
    assert_page_budget,
    save_screenshots,
)
from core.testing.browser import sign_in_as
from demo.services import load_demo
from geo.tests.factories import create_facility, create_tree
from services.models import Application
from services.references import is_valid_reference
from services.tests.factories import PDF, PNG

pytestmark = pytest.mark.browser


def fill_date(page, name: str, day: str, month: str, year: str) -> None:
    """A date of birth: day and year typed, the month chosen from the list."""
    page.fill(f"input[name={name}_day]", day)
    page.select_option(f"select[name={name}_month]", month)
    page.fill(f"input[name={name}_year]", year)


def submit(page, name: str = "Save and continue") -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()


@pytest.mark.parametrize("java_script", [True, False], ids=["with-js", "without-js"])
def test_apply_for_a_birth_registration_end_to_end(new_page, live_server, java_script):
    tree = create_tree()
    create_facility(tree.commune, "commune-hall")
    load_demo()
    user = create_user()
    page = new_page(java_script_enabled=java_script)
    sign_in_as(page, user, live_server.url)

    page.goto("/en/services/birth-registration/")
    check = assert_no_axe_violations if java_script else (lambda page: None)
    check(page)
    submit(page, "Start now")

    # The child: a missing answer is reported, and what was typed stays.
    assert page.locator("h1").inner_text() == "About the child"
    page.fill("input[name=child_name__km]", "សុខ វណ្ណៈ")
    page.fill("input[name=child_name__latin]", "Sok Vannak")
    page.check("input[name=child_sex][value=female]")
    fill_date(page, "date_of_birth", "20", "11", "2026")
    submit(page)
    assert page.locator(".error-summary").is_visible()
    assert (
        "Choose an answer for “Where was the child born?”"
        in page.locator(".error-summary").inner_text()
    )
    assert page.input_value("input[name=child_name__latin]") == "Sok Vannak"
    assert page.is_checked("input[name=child_sex][value=female]")
    check(page)
    if java_script:
        save_screenshots(page, "services-page-error-en")
    page.check("input[name=place_of_birth][value=home]")
    page.fill("input[name=birth_village]", "Sla Kram")
    submit(page)

    # No health-facility page for a birth at home.
    assert page.locator("h1").inner_text() == "The mother"
    page.fill("input[name=mother_name__km]", "ចាន់ ស្រីមុំ")
    page.fill("input[name=mother_name__latin]", "Chan Sreymom")
    fill_date(page, "mother_birth_date", "4", "3", "1998")
    page.check("input[name=father_known][value=no]")
    submit(page)

    assert page.locator("h1").inner_text() == "Who is applying"
    page.select_option("select[name=relationship]", "mother")
    page.fill("input[name=applicant_phone]", "012 345 678")
    submit(page)

    # Documents: a PDF disguised as a PNG is refused by its content, with what is allowed.
    assert page.locator("h1").inner_text() == "Documents"
    page.set_input_files("input[name=birth_notice]", files=[
        {"name": "notice.png", "mimeType": "image/png", "buffer": b"MZ\x90\x00not an image"}
    ])  # fmt: skip
    submit(page)
    assert (
        "is not an allowed file. The file must be JPEG, PNG, PDF."
        in page.locator(".error-summary").inner_text()
    )
    page.set_input_files("input[name=birth_notice]", files=[
        {"name": "notice.png", "mimeType": "image/png", "buffer": PNG},
        {"name": "letter.pdf", "mimeType": "application/pdf", "buffer": PDF},
    ])  # fmt: skip
    submit(page)

    # Check your answers, change one, then send.
    assert page.locator("h1").inner_text() == "Check your answers before sending your application"
    check(page)
    if java_script:
        save_screenshots(page, "services-check-en")
    summary = page.locator("main").inner_text()
    assert "Sok Vannak" in summary and "notice.png" in summary and "letter.pdf" in summary
    with page.expect_navigation():
        page.get_by_role("link", name="Change Your mobile number").click()
    page.fill("input[name=applicant_phone]", "097 765 4321")
    submit(page, "Save and go back to your answers")
    assert (
        "+85597" in page.locator("main").inner_text() or "097" in page.locator("main").inner_text()
    )
    if not java_script:
        submit(page, "Accept and send")
        assert (
            "Tick the box to confirm the declaration."
            in page.locator(".error-summary").inner_text()
        )
    page.check("input[name=declaration]")
    submit(page, "Accept and send")

    application = Application.objects.get(user=user)
    assert page.locator("h1").inner_text() == "Application sent"
    assert application.reference in page.locator(".panel").inner_text()
    assert is_valid_reference(application.reference)
    assert application.area.code == tree.village.code
    assert application.answers["applicant_phone"] == "+855977654321"
    assert application.attachments.count() == 2
    check(page)
    if java_script:
        save_screenshots(page, "services-sent-en")
    if java_script:
        assert_no_csp_violations(page)


def test_the_service_pages_look_right(page, live_server):
    """Screenshots of the catalogue and a start page in Khmer and English."""
    load_demo()
    for language in ("km", "en"):
        assert_page_budget(page, f"/{language}/services/")
        assert_no_axe_violations(page)
        save_screenshots(page, f"services-catalogue-{language}")
        assert_page_budget(page, f"/{language}/services/birth-registration/")
        assert_no_axe_violations(page)
        save_screenshots(page, f"services-start-{language}")


def test_the_application_pages_in_khmer(page, live_server):
    """A page with its errors, and the person's applications, in Khmer."""
    load_demo()
    user = create_user()
    sign_in_as(page, user, live_server.url)
    page.goto("/km/services/birth-registration/")
    submit(page, "ចាប់ផ្តើមឥឡូវនេះ")
    submit(page, "រក្សាទុក ហើយបន្ត")
    assert page.locator(".error-summary").is_visible()
    assert_no_axe_violations(page)
    save_screenshots(page, "services-page-error-km")
    page.goto("/km/services/applications/")
    assert "ការចុះបញ្ជីកំណើត" in page.locator("main").inner_text()
    assert_no_axe_violations(page)
    save_screenshots(page, "services-applications-km")


def test_a_place_field_suggests_villages_as_you_type(page, live_server):
    tree = create_tree()
    load_demo()
    sign_in_as(page, create_user(), live_server.url)
    page.goto("/en/services/birth-registration/")
    submit(page, "Start now")
    box = page.locator("input[name=birth_village]")
    box.press_sequentially("Sla K", delay=30)
    # The box's own list (the page's date-of-birth selects have options too).
    suggestions = page.locator(f"#{box.get_attribute('aria-controls')}").get_by_role("option")
    option = suggestions.first
    option.wait_for()
    assert option.inner_text() == "Sla Kram, Sla Kram, Siem Reab, Siemreap"  # villages only
    assert suggestions.count() == 1  # not the commune of the same name
    assert_no_axe_violations(page)
    box.press("ArrowDown")
    box.press("Enter")
    assert box.input_value() == "Sla Kram"  # the name, not a code
    assert page.locator("input[name=birth_village__pick]").input_value() == tree.village.code
    save_screenshots(page, "services-place-field-en")
    assert_no_csp_violations(page)
