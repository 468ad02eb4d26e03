"""Once-only data in Chromium, as a person meets it: signed out on a public page, they sign
in with CamDigiKey (the stand-in), start the annual declaration of their company, give its
registration number, and find the name and directors filled in from the business register
(the simulator, through the CamDX adapter), each saying where it came from. They confirm;
nothing is asked of the register again; and "Who used my data" lists the lookup: when,
which register, which fields, for which service and case. Khmer on a phone, English on a
desktop."""

from __future__ import annotations

import pytest

from accounts.tests.conftest import national_id, oidc_provider  # noqa: F401 (fixtures)
from accounts.tests.test_browser_national_id import sign_in_with_camdigikey
from core.testing import assert_no_axe_violations, assert_no_csp_violations, save_screenshots
from demo.services import load_demo
from registries.models import Lookup

pytestmark = pytest.mark.browser

CASES = {
    "km": {
        "width": 390,
        "start": "ចាប់ផ្តើមឥឡូវនេះ",
        "continue": "រក្សាទុក ហើយបន្ត",
        "company": "ក្រុមហ៊ុន អង្គរ ដឹកជញ្ជូន ឯ.ក",
        "directors": "លី វណ្ណា\nកែវ ស្រីមុំ",
        "from_register": "ពីបញ្ជីពាណិជ្ជកម្ម",
        "from_account": "ពីគណនីរបស់អ្នក",
        "asked": "បានសួរបញ្ជីពាណិជ្ជកម្ម អំពី៖ ឈ្មោះក្រុមហ៊ុន, នាយក",
        "for_case": "សេចក្ដីប្រកាសប្រចាំឆ្នាំរបស់ក្រុមហ៊ុន: ពាក្យស្នើសុំរបស់អ្នក មុនពេលផ្ញើ",
    },
    "en": {
        "width": 1280,
        "start": "Start now",
        "continue": "Save and continue",
        "company": "ANGKOR TRANSPORT CO., LTD.",
        "directors": "LY VANNA\nKEO SREYMOM",
        "from_register": "From the Business register",
        "from_account": "From your account",
        "asked": "The Business register was asked for: company name, directors",
        "for_case": "Annual declaration of a company: your application, before it was sent",
    },
}


def submit(page, name: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_company_declaration_filled_from_the_business_register(
    page,
    live_server,
    national_id,  # noqa: F811 (the fixture imported above)
    registries,
    language,
):
    text = CASES[language]
    page.set_viewport_size({"width": text["width"], "height": 900})
    load_demo()
    national_id.allow_redirect_uri(
        f"{live_server.url}/{language}/account/oidc/national-id/login/callback/"
    )
    sign_in_with_camdigikey(page, national_id, language)
    page.wait_for_url(f"{live_server.url}/{language}/account/")

    page.goto(f"/{language}/services/business-annual-declaration/")
    submit(page, text["start"])
    page.fill("input[name=company_number]", "00054321")
    submit(page, text["continue"])

    # Filled from the register, each field saying so; the person can still change them.
    assert page.input_value("input[name=company_name]") == text["company"]
    assert page.input_value("textarea[name=directors]") == text["directors"]
    assert page.locator(".prefilled-from").all_inner_texts() == [text["from_register"]] * 2
    assert page.locator("input[name=company_name]").is_editable()
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    save_screenshots(page, f"registries-prefilled-{language}")
    page.reload()  # shown again: the register is not asked again
    assert page.input_value("input[name=company_name]") == text["company"]
    page.check("input[name=still_trading][value=yes]")
    submit(page, text["continue"])

    # About you: from the account that CamDigiKey filled.
    assert text["from_account"] in page.locator("main").inner_text()
    assert page.input_value("input[name=applicant_name__latin]") == "CHAN SOKHA"
    if not page.input_value("input[name=applicant_phone]"):
        page.fill("input[name=applicant_phone]", "012 345 678")
    submit(page, text["continue"])
    assert text["company"] in page.locator("main").inner_text()  # check your answers
    [lookup] = Lookup.objects.all()  # confirmed: the company is not asked about again
    assert (lookup.registry, lookup.record, lookup.outcome) == ("business", "00054321", "answered")

    page.goto(f"/{language}/account/profile/data-use/")
    row = page.locator("tbody tr", has_text=text["asked"])
    assert row.count() == 1
    assert text["for_case"] in row.inner_text()
    assert_no_axe_violations(page)
    save_screenshots(page, f"registries-data-use-{language}")
