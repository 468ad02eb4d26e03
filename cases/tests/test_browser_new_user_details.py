"""Issue 16's minor items, each as a new user meets it, starting signed out on a public
page (officers sign in with their second factor); Khmer and English, screenshots at
390 and 1280 px:

- the catalogue says which services can be done online;
- a date of birth is day / month / year, never in the future (the form and the status check);
- check your answers shows the declaration agreed to; the confirmation page names the office;
- one "My applications" page (the old address leads there);
- the officer's queue shows the applicant's name and the village with its commune;
- the reason is labelled as needed for the actions that need it, not "(optional)";
- the case page says which date is which for an issued permit.
"""

from __future__ import annotations

import datetime
import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.utils import timezone

from accounts.tests.factories import PASSWORD
from accounts.tests.totp import totp_code
from cases.models import Case
from cases.tests.factories import submit
from core.testing import (
    assert_no_axe_violations,
    assert_no_csp_violations,
    save_screenshots,
    sign_in,
)
from geo.tests.factories import create_area

pytestmark = pytest.mark.browser

FORM = {
    "pages": [{
        "key": "about",
        "title": {"km": "អំពីអ្នក", "en": "About you"},
        "fields": [
            {"key": "full_name", "type": "text",
             "label": {"km": "ឈ្មោះពេញ", "en": "Full name"}},
            {"key": "date_of_birth", "type": "date",
             "label": {"km": "ថ្ងៃខែឆ្នាំកំណើត", "en": "Date of birth"}},
        ],
    }],
    "declaration": {"km": "ខ្ញុំបញ្ជាក់ថាចម្លើយរបស់ខ្ញុំពិតប្រាកដ។",
                    "en": "I confirm that my answers are true."},
}  # fmt: skip
WORDS = {
    "km": {
        "start": "ចាប់ផ្តើមឥឡូវនេះ",
        "online": "ដាក់ពាក្យតាមអនឡាញ",
        "office": "នៅការិយាល័យ",
        "april": "មេសា",
        "future": "មិនអាចនៅពេលអនាគត",
        "declaration": "សេចក្ដីប្រកាស",
        "continue": "រក្សាទុក ហើយបន្ត",
        "needed": "ត្រូវការសម្រាប់៖",
        "optional": "ស្រេចចិត្ត",
        "issued_on": "ចេញនៅថ្ងៃ",
        "valid_from": "មានសុពលភាពចាប់ពី",
        "valid_until": "មានសុពលភាពរហូតដល់",
        "not_yet_valid": "មិនទាន់មានសុពលភាព",
        "received": "បានទទួល",
    },
    "en": {
        "start": "Start now",
        "online": "Apply online",
        "office": "At an office",
        "april": "April",
        "future": "cannot be in the future",
        "declaration": "Declaration",
        "continue": "Save and continue",
        "needed": "needed to:",
        "optional": "optional",
        "issued_on": "Issued on",
        "valid_from": "Valid from",
        "valid_until": "Valid until",
        "not_yet_valid": "Not yet valid",
        "received": "Received",
    },
}


def click(page, locator) -> None:
    with page.expect_navigation():
        locator.click()


def fill_date_of_birth(page, day: str, month: str, year: str, name: str = "date_of_birth"):
    page.fill(f"input[name={name}_day]", day)
    page.select_option(f"select[name={name}_month]", label=month)
    page.fill(f"input[name={name}_year]", year)


def look(page, name: str) -> None:
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    save_screenshots(page, name)


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_citizen_from_the_catalogue_to_my_applications(page, live_server, world, language):
    from services.tests.factories import create_service

    words = WORDS[language]
    create_service("residence", form=FORM, name_en="Certificate of residence",
                   name_km="លិខិតបញ្ជាក់ទីលំនៅ")  # fmt: skip
    create_service("family-book", form=False, channel="office", name_en="Family book",
                   name_km="សៀវភៅគ្រួសារ")  # fmt: skip
    world.citizen.home_area = world.tree.village
    world.citizen.save(update_fields=["home_area"])

    page.goto(f"/{language}/services/")
    online = page.locator(".card", has=page.locator("a[href$='/services/residence/']"))
    assert words["online"] in online.inner_text()
    at_office = page.locator(".card", has=page.locator("a[href$='/services/family-book/']"))
    assert words["office"] in at_office.inner_text()
    assert words["online"] not in at_office.inner_text()
    look(page, f"services-catalogue-online-{language}")

    click(page, online.locator("a"))
    click(page, page.get_by_role("button", name=words["start"]))
    page.fill("input[name=login]", "dara")
    page.fill("input[name=password]", PASSWORD)
    click(page, page.locator("main form:has(input[name=password]) [type=submit]"))

    assert page.locator("input[type=date]").count() == 0
    page.fill("input[name=full_name]", "Sok Dara")
    fill_date_of_birth(page, "17", words["april"], str(timezone.localdate().year + 1))
    click(page, page.get_by_role("button", name=words["continue"]))
    assert words["future"] in page.locator(".error-summary").inner_text()
    assert page.input_value("input[name=full_name]") == "Sok Dara"
    look(page, f"services-date-of-birth-future-{language}")
    fill_date_of_birth(page, "17", words["april"], "1990")
    click(page, page.get_by_role("button", name=words["continue"]))

    main = page.locator("main")
    assert words["declaration"] in main.inner_text()
    assert FORM["declaration"][language] in main.inner_text()
    look(page, f"services-check-declaration-{language}")
    page.check("input[name=declaration]")
    click(page, page.locator("main form button[type=submit]").last)
    case = Case.objects.get(service__slug="residence")
    assert case.application.answers["date_of_birth"] == "1990-04-17"
    assert world.hall.name_en in main.inner_text() or world.hall.name_km in main.inner_text()
    look(page, f"services-sent-office-{language}")

    page.goto(f"/{language}/services/applications/")
    assert page.url.endswith(f"/{language}/cases/")
    assert case.reference in page.locator("main").inner_text()
    look(page, f"cases-my-applications-{language}")


@pytest.mark.parametrize("language", ["km", "en"])
def test_an_officer_sees_names_villages_true_labels_and_which_date_is_which(
    page, live_server, world, language
):
    from documents.tests.factories import issue

    words = WORDS[language]
    world.citizen.name_km, world.citizen.name_latin = "សុខ ដារា", "SOK DARA"
    world.citizen.save(update_fields=["name_km", "name_latin"])
    village = create_area("17100102", "Trapeang Ses", "ត្រពាំងសេះ", world.tree.commune)
    case = submit(world.citizen, world.service, area=village)
    permit_case = submit(world.citizen, world.service, area=world.tree.village)
    today = timezone.localdate()
    issue(office=world.hall, subject=permit_case, holder=world.citizen,
          valid_from=today + datetime.timedelta(days=3),
          valid_until=today + datetime.timedelta(days=368))  # fmt: skip

    secret = generate_totp_secret()
    TOTP.activate(world.clerk, secret)
    page.goto(f"/{language}/")
    sign_in(page, "clerk", PASSWORD, language=language)
    page.fill("input[name=code]", totp_code(secret))
    click(page, page.locator("main form:has(input[name=code]) [type=submit]").first)

    page.goto(f"/{language}/office/")
    row = page.locator("tr", has=page.get_by_role("link", name=case.reference))
    commune = world.tree.commune
    assert ("សុខ ដារា" if language == "km" else "SOK DARA") in row.inner_text()
    assert (village.name_km if language == "km" else village.name_en) in row.inner_text()
    assert (commune.name_km if language == "km" else commune.name_en) in row.inner_text()
    look(page, f"cases-queue-names-{language}")

    click(page, page.get_by_role("link", name=case.reference))
    label = page.locator("form[action$='/act/'] label[for=id_reason]").inner_text()
    assert words["needed"] in label and words["optional"] not in label
    look(page, f"cases-office-case-reason-label-{language}")

    page.goto(f"/{language}/office/cases/{permit_case.public_id}/")
    document = page.locator("dl", has=page.get_by_text(words["valid_until"])).inner_text()
    for label in ("issued_on", "valid_from", "valid_until"):
        assert words[label] in document
    # In force only in three days: the tag says so, not "Valid".
    assert page.locator("dl .tag").inner_text() == words["not_yet_valid"]
    assert re.search(r"[០-៩]" if language == "km" else r"\d", document)
    look(page, f"cases-office-case-permit-dates-{language}")


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_visitor_checks_the_status_with_a_date_of_birth_by_day_month_and_year(
    page, live_server, world, language
):
    words = WORDS[language]
    case = submit(world.citizen, world.service, area=world.tree.village)
    page.goto(f"/{language}/cases/status/")
    assert page.locator("input[type=date]").count() == 0
    page.fill("input[name=reference]", case.reference)
    fill_date_of_birth(page, "17", "ឧសភា" if language == "km" else "May", "1990")
    click(page, page.locator("main form button[type=submit]").last)
    assert words["received"] in page.locator("main").inner_text()
    look(page, f"cases-status-check-day-month-year-{language}")
