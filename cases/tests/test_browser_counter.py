"""The counter in a real Chromium, in Khmer and English: an officer enters a walk-in
whose own online draft exists, gets a NEW application, and fills it with the citizen's
own page filling, "Add another child" included; the receipt carries the reference."""

from __future__ import annotations

import pytest

from cases.models import Case
from core.testing import (
    assert_no_axe_violations,
    assert_no_csp_violations,
    save_screenshots,
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
