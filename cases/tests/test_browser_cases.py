"""The case journey in a real Chromium: a citizen applies, an officer asks for more
information, the citizen answers, the officer approves and issues the document; every
page checked with axe, CSP and screenshots in Khmer and English."""

from __future__ import annotations

import re

import pytest

from cases.models import Case
from core.testing import (
    assert_no_axe_violations,
    assert_no_csp_violations,
    save_screenshots,
    sign_in_as,
)

pytestmark = pytest.mark.browser

FORM = {
    "pages": [{
        "key": "about",
        "title": {"km": "អំពីអ្នក", "en": "About you"},
        "fields": [{"key": "full_name", "type": "text",
                    "label": {"km": "ឈ្មោះពេញ", "en": "Full name"}}],
    }],
    "declaration": {"km": "ខ្ញុំបញ្ជាក់ថាចម្លើយរបស់ខ្ញុំពិតប្រាកដ។",
                    "en": "I confirm that my answers are true."},
}  # fmt: skip


def check(page, name: str) -> None:
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    save_screenshots(page, name)


@pytest.mark.parametrize("language", ["en", "km"])
def test_apply_request_information_answer_approve_and_issue(
    page, new_page, live_server, world, language
):
    from services.tests.factories import create_service

    service = create_service("residence", form=FORM, sla_working_days=5)
    citizen = world.citizen
    citizen.home_area = world.tree.village
    citizen.save(update_fields=["home_area"])
    sign_in_as(page, citizen, live_server.url)
    page.goto(f"/{language}/services/residence/")
    page.locator("button.button--start").click()
    page.wait_for_load_state()
    page.get_by_role("textbox").first.fill("Sok Dara")
    page.locator("button[name=_continue]").click()
    page.wait_for_load_state()
    page.locator("#declaration").check()
    page.locator("form button.button[type=submit]").last.click()
    page.wait_for_load_state()
    case = Case.objects.get(service=service)
    assert case.office == world.hall

    officer = new_page()
    sign_in_as(officer, world.clerk, live_server.url)
    officer.goto(f"/{language}/office/")
    check(officer, f"cases-queue-{language}")
    officer.get_by_role("link", name=case.reference).click()
    officer.wait_for_load_state()
    check(officer, f"cases-office-case-{language}")
    officer.locator("textarea[name=reason]").fill("Please send your family book.")
    officer.locator("button[value=request_information]").click()
    officer.wait_for_load_state()
    assert Case.objects.get(pk=case.pk).state == "information_requested"

    page.goto(f"/{language}/cases/")
    check(page, f"cases-my-cases-{language}")
    page.get_by_role("link", name=case.reference).click()
    page.wait_for_load_state()
    assert "Please send your family book." in page.content()
    check(page, f"cases-my-case-rfi-{language}")
    page.locator("textarea[name=body]").fill("I will bring it tomorrow; here is a copy.")
    page.locator("form[enctype] button[type=submit]").click()
    page.wait_for_load_state()
    assert Case.objects.get(pk=case.pk).state == "in_review"

    approver = new_page()
    sign_in_as(approver, world.approver, live_server.url)
    approver.goto(case.get_absolute_url().replace("/en/", f"/{language}/"))
    assert "I will bring it tomorrow" in approver.content()
    approver.locator("button[value=approve]").click()
    approver.wait_for_load_state()
    approver.locator("main form button[type=submit]").click()  # "Are you sure?": yes
    approver.wait_for_load_state()
    approver.locator("button[value=issue_document]").click()
    approver.wait_for_load_state()
    approver.locator("main form button[type=submit]").click()
    approver.wait_for_load_state()
    assert Case.objects.get(pk=case.pk).state == "document_issued"
    check(approver, f"cases-office-case-issued-{language}")

    page.reload()
    assert re.search("Document issued|បានចេញឯកសារ", page.content())
    check(page, f"cases-my-case-issued-{language}")
    with page.expect_download() as download:
        page.locator("a[href*='/issued-documents/']").click()
    assert download.value.path().read_bytes().startswith(b"%PDF")
    page.locator("a[href*='/verify/']").first.click()
    page.wait_for_load_state()
    assert re.search("This document is valid|ឯកសារនេះមានសុពលភាព", page.content())
    assert case.reference in page.content()

    visitor = new_page()
    visitor.goto(f"/{language}/cases/status/")
    visitor.locator("input[name=reference]").fill(case.reference)
    visitor.locator("input[name=date_of_birth_day]").fill("17")
    visitor.locator("select[name=date_of_birth_month]").select_option("5")
    visitor.locator("input[name=date_of_birth_year]").fill("1990")
    visitor.locator("form button[type=submit]").last.click()
    visitor.wait_for_load_state()
    assert re.search("Document issued|បានចេញឯកសារ", visitor.content())
    check(visitor, f"cases-status-check-{language}")


@pytest.mark.parametrize("language", ["km", "en"])
def test_counter_start_and_the_printed_receipt(page, live_server, world, language):
    from cases.counter import do_start_counter_application, find_or_create_walk_in
    from services.submitting import check_submit_application
    from services.tests.factories import create_service

    service = create_service("residence", form=FORM, sla_working_days=5)
    sign_in_as(page, world.clerk, live_server.url)
    page.goto(f"/{language}/office/counter/")
    check(page, f"cases-counter-start-{language}")
    citizen = find_or_create_walk_in(name="ចាន់ ស្រីមុំ", mobile="+85512999888")
    application = do_start_counter_application(world.clerk, world.hall, service, citizen)
    application.answers = {"full_name": "Chan Sreymom"}
    application.save(update_fields=["answers"])
    check_submit_application(application, declared=True)
    page.goto(f"/{language}/office/counter/{application.public_id}/receipt/")
    assert Case.objects.get().reference in page.content()
    check(page, f"cases-counter-receipt-{language}")
    page.emulate_media(media="print")
    save_screenshots(page, f"cases-counter-receipt-print-{language}")


@pytest.mark.parametrize("language", ["km", "en"])
def test_on_a_phone_the_queue_and_my_applications_show_the_status_without_scrolling_sideways(
    page, live_server, world, language
):
    from cases.tests.factories import submit

    case = submit(world.citizen, world.service, area=world.tree.village)
    page.set_viewport_size({"width": 390, "height": 844})
    for person, path in ((world.clerk, "/office/"), (world.citizen, "/cases/")):
        page.context.clear_cookies()
        sign_in_as(page, person, live_server.url)
        page.goto(f"/{language}{path}")
        tag = page.locator("strong.tag").first
        box = tag.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 390, (path, box)
        assert page.get_by_role("link", name=case.reference).is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
