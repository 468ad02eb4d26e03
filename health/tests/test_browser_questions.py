"""A parent with no danger sign asks a health worker: signed out at the start, signs in
when asking, the clinician answers in the queue, the parent reads the answer; Khmer and
English, at phone width."""

from __future__ import annotations

import pytest

from accounts.tests.factories import PASSWORD
from core.testing import PHONE, sign_in_as
from health.models import Question
from health.tests.test_browser_danger_signs import TEXT, answer_all, check

pytestmark = pytest.mark.browser

ASK = {"en": "Ask a health worker", "km": "សួរបុគ្គលិកសុខាភិបាល"}
ANSWERED = {"en": "Answered", "km": "បានឆ្លើយ"}


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_question_answered_by_a_clinician(new_page, live_server, health_world, language):
    page = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    page.goto(f"/{language}/health/")
    page.get_by_label(TEXT[language]["child"]).check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    answer_all(page, language, yes_index=None)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    page.get_by_role("link", name=ASK[language]).click()
    page.wait_for_load_state()
    assert "/account/sign-in/" in page.url
    form = page.locator("form:has(input[name=password])")
    form.locator("input[name=login]").fill("dara")
    form.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        form.locator("[type=submit]").click()
    assert page.url.endswith(f"/{language}/health/ask/")
    check(page, f"health-ask-{language}")
    page.locator("main form button[type=submit]").click()  # empty: errors, form kept
    page.wait_for_load_state()
    assert page.locator(".error-summary").is_visible()
    page.locator("select[name=office]").select_option(str(health_world.centre.pk))
    page.locator("input[name=who][value=child]").check()
    page.locator("input[name=age_years]").fill("3")
    page.locator("textarea[name=symptoms]").fill("Fever since yesterday; she is drinking.")
    page.locator("input[name=since]").fill("yesterday")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    question = Question.objects.get()
    assert page.url.endswith(f"/{language}/health/questions/{question.public_id}/")
    check(page, f"health-question-waiting-{language}")

    clinician = new_page()
    sign_in_as(clinician, health_world.clinician, live_server.url)
    clinician.goto(f"/{language}/health/office/")
    check(clinician, f"health-office-queue-{language}")
    clinician.get_by_role("link", name=question.reference).click()
    clinician.wait_for_load_state()
    assert "Fever since yesterday" in clinician.content()
    check(clinician, f"health-office-question-{language}")
    clinician.locator("textarea[name=body]").fill("Give her plenty to drink; come if worse.")
    clinician.locator("main form button[type=submit]").click()
    clinician.wait_for_load_state()
    assert clinician.url.endswith(f"/{language}/health/office/")

    page.goto(f"/{language}/health/questions/")
    assert page.get_by_text(ANSWERED[language]).first.is_visible()
    page.get_by_role("link", name=question.reference).click()
    page.wait_for_load_state()
    assert "Give her plenty to drink" in page.content()
    check(page, f"health-question-answered-{language}")
