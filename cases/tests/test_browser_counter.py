"""The counter in a real Chromium, in Khmer and English: an officer enters a walk-in
whose own online draft exists, gets a NEW application, and fills it with the citizen's
own page filling, "Add another child" included; the receipt carries the reference. And,
from signed out, the counter officer signs in and enters a walk-in's number as people say
it and the birthday as day, month and year (issue 16)."""

from __future__ import annotations

import datetime

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from accounts.models import User
from accounts.tests.factories import PASSWORD, create_user, grant
from accounts.tests.totp import totp_code
from cases.models import Case, CounterIntake
from core.testing import (
    assert_no_axe_violations,
    assert_no_csp_violations,
    save_screenshots,
    sign_in,
    sign_in_as,
)
from services.models import Application
from services.tests.factories import PNG, create_application

pytestmark = pytest.mark.browser


def check(page, name: str) -> None:
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    save_screenshots(page, name)


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_counter_fills_a_new_application_with_two_children(
    page, live_server, world, language, tmp_path
):
    citizen = world.citizen
    citizen.mobile = "+85512999888"
    citizen.save(update_fields=["mobile"])
    own_draft = create_application(citizen, world.service, answers={"spouse_name": "Mine"})
    sign_in_as(page, world.clerk, live_server.url)
    page.goto(f"/{language}/")
    page.goto(f"/{language}/office/counter/")
    page.locator("select[name=service]").select_option(str(world.service.pk))
    page.locator("input[name=name]").fill("សុខ ដារា")
    page.locator("input[name=mobile]").fill("+85512999888")
    page.locator("input[name=date_of_birth_day]").fill("17")
    page.locator("select[name=date_of_birth_month]").select_option("5")
    page.locator("input[name=date_of_birth_year]").fill("1990")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    assert str(own_draft.public_id) not in page.url

    page.locator("input[name=name__km]").fill("សុខ ដារា")
    page.locator("input[name=name__latin]").fill("Sok Dara")
    page.locator("input[name=phone]").fill("012 999 888")
    page.locator("input[name=married][value=no]").check()
    page.locator("button[name=_continue]").click()
    page.wait_for_load_state()

    page.locator("input[name=kind][value=copy]").check()
    page.locator("input[name=children__0__child_name]").fill("Vannak")
    page.locator("input[name=children__0__born]").fill("2020-01-02")
    page.locator("button[name=_add]").click()
    page.wait_for_load_state()
    second = page.locator("input[name=children__1__child_name]")
    assert second.is_visible()
    assert page.locator("input[name=children__0__child_name]").input_value() == "Vannak"
    check(page, f"cases-counter-group-{language}")
    second.fill("Sokha")
    page.locator("input[name=children__1__born]").fill("2022-03-04")
    page.locator("button[name=_continue]").click()
    page.wait_for_load_state()

    photo = tmp_path / "photo.png"
    photo.write_bytes(PNG)
    page.locator("input[type=file]").set_input_files(str(photo))
    page.locator("button[name=_continue]").click()
    page.wait_for_load_state()
    assert "Sokha" in page.content() and "Vannak" in page.content()
    page.locator("button[name=send]").click()
    page.wait_for_load_state()
    case = Case.objects.get()
    assert case.reference in page.content()
    check(page, f"cases-counter-receipt-after-groups-{language}")
    application = case.application
    assert application.pk != own_draft.pk and application.office == world.hall
    assert [child["child_name"] for child in application.answers["children"]] == [
        "Vannak",
        "Sokha",
    ]
    assert Application.objects.get(pk=own_draft.pk).answers == {"spouse_name": "Mine"}


COUNTER_WORDS = {
    "km": {"mobile": "០១២ ៣៤៥ ៦៧៨", "day": "១៧", "month": "មេសា", "year": "១៩៩០",
           "future": "ថ្ងៃខែឆ្នាំកំណើតមិនអាចនៅពេលអនាគតបានទេ។"},
    "en": {"mobile": "012345678", "day": "17", "month": "April", "year": "1990",
           "future": "A date of birth cannot be in the future."},
}  # fmt: skip


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_counter_officer_signs_in_and_takes_a_walk_in_with_a_local_number_and_birthday(
    page, world, language
):
    """Signed out on the home page, the counter officer signs in with the second factor;
    the number as people say it (Khmer digits, or no spaces) and the birthday as day,
    month by name and year; a birthday in the future is refused and nothing typed lost."""
    words = COUNTER_WORDS[language]
    officer = create_user("counter")
    grant(officer, world.hall, "counter")
    secret = generate_totp_secret()
    TOTP.activate(officer, secret)
    page.goto(f"/{language}/")
    sign_in(page, "counter", PASSWORD, language=language)
    page.locator("main input[name=code]").fill(totp_code(secret))
    with page.expect_navigation():
        page.locator("main form:has(input[name=code]) [type=submit]").first.click()

    page.goto(f"/{language}/office/counter/")
    page.locator("select[name=service]").select_option(str(world.service.pk))
    page.locator("input[name=name]").fill("ចាន់ ស្រីមុំ")
    page.locator("input[name=mobile]").fill(words["mobile"])
    page.locator("input[name=date_of_birth_day]").fill(words["day"])
    page.locator("select[name=date_of_birth_month]").select_option(label=words["month"])
    page.locator("input[name=date_of_birth_year]").fill("2999")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()
    assert words["future"] in page.locator("main").inner_text()
    assert page.locator("input[name=mobile]").input_value() == words["mobile"]
    assert page.locator("input[name=date_of_birth_day]").input_value() == words["day"]
    check(page, f"cases-counter-future-birthday-{language}")

    page.locator("input[name=date_of_birth_year]").fill(words["year"])
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()
    assert CounterIntake.objects.get().application.public_id.hex in page.url.replace("-", "")
    walk_in = User.objects.get(mobile="+85512345678")
    assert walk_in.date_of_birth == datetime.date(1990, 4, 17)
