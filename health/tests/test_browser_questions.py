"""A parent with no danger sign asks a health worker: signed out at the start, signs in
when asking, the clinician signs in with their second factor and answers in the queue
with a referral, the parent is told "you have a reply", reads the answer and rates it;
Khmer and English, at phone width."""

from __future__ import annotations

import io

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from PIL import Image

from accounts.tests.factories import PASSWORD
from accounts.tests.totp import totp_code
from core.testing import PHONE, sign_in
from health.models import Question
from health.tests.test_browser_danger_signs import TEXT, answer_all, check

pytestmark = pytest.mark.browser

ASK = {"en": "Ask a health worker", "km": "សួរបុគ្គលិកសុខាភិបាល"}
ANSWERED = {"en": "Answered", "km": "បានឆ្លើយ"}
REPLY = {"en": "You have a reply to health question", "km": "អ្នកមានចម្លើយថ្មីចំពោះសំណួរសុខភាព"}
REFERRED = {"en": "Referred to:", "km": "បានបញ្ជូនទៅ៖"}
PHOTO_1 = {"en": "Photo 1", "km": "រូបថតទី ១"}
NOT_A_PHOTO = {"name": "rash.jpg", "mimeType": "image/jpeg", "buffer": b"%PDF-1.4 not a photo"}
RATED = {"en": "Thank you for rating the answer.", "km": "សូមអរគុណសម្រាប់ការវាយតម្លៃចម្លើយ។"}


def rash_photo() -> dict:
    data = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 80, 80)).save(data, "JPEG")
    return {"name": "rash.jpg", "mimeType": "image/jpeg", "buffer": data.getvalue()}


def sign_in_with_second_factor(page, user, language: str) -> None:
    """Sign in through the forms: password, then the authenticator app's code."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    page.goto(f"/{language}/")
    sign_in(page, user.username, PASSWORD, language=language)
    assert "/account/2fa/authenticate/" in page.url
    page.fill("input[name=code]", totp_code(secret))
    with page.expect_navigation():
        page.locator("main form:has(input[name=code]) [type=submit]").first.click()


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
    page.set_input_files("input[name=photos]", [NOT_A_PHOTO])
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".error-summary").is_visible()  # not a picture: refused, form kept
    assert page.locator("input[name=since]").input_value() == "yesterday"
    check(page, f"health-ask-bad-photo-{language}")
    page.set_input_files("input[name=photos]", [rash_photo()])
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    question = Question.objects.get()
    photo = question.photos.get()
    assert page.get_by_role("img", name=PHOTO_1[language]).is_visible()
    assert page.url.endswith(f"/{language}/health/questions/{question.public_id}/")
    check(page, f"health-question-waiting-{language}")

    clinician = new_page()
    sign_in_with_second_factor(clinician, health_world.clinician, language)
    clinician.goto(f"/{language}/health/office/")
    check(clinician, f"health-office-queue-{language}")
    clinician.get_by_role("link", name=question.reference).click()
    clinician.wait_for_load_state()
    assert "Fever since yesterday" in clinician.content()
    shown = clinician.get_by_role("img", name=PHOTO_1[language])
    assert shown.is_visible()
    # The photo loads lazily: wait until the browser has it, then check it is the picture.
    shown.scroll_into_view_if_needed()
    clinician.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=shown.element_handle()
    )
    assert shown.evaluate("img => img.naturalWidth") == 64
    assert str(photo.public_id) in shown.get_attribute("src")
    check(clinician, f"health-office-question-{language}")
    clinician.locator("textarea[name=body]").fill("Give her plenty to drink; come if worse.")
    clinician.locator("select[name=referral]").select_option(str(health_world.hospital.pk))
    clinician.locator("main form button[type=submit]").click()
    clinician.wait_for_load_state()
    assert clinician.url.endswith(f"/{language}/health/office/")

    page.goto(f"/{language}/notifications/")
    reply = page.get_by_text(REPLY[language]).first
    assert reply.is_visible()
    assert "Fever" not in page.content() and "plenty to drink" not in page.content()
    page.goto(f"/{language}/health/questions/")
    assert page.get_by_text(ANSWERED[language]).first.is_visible()
    page.get_by_role("link", name=question.reference).click()
    page.wait_for_load_state()
    assert "Give her plenty to drink" in page.content()
    assert page.get_by_text(REFERRED[language]).is_visible()
    check(page, f"health-question-answered-{language}")
    page.locator("input[name=rating][value='4']").check()
    with page.expect_navigation():
        page.locator("form:has(input[name=rating]) button[type=submit]").click()
    assert page.get_by_text(RATED[language]).is_visible()
    question.refresh_from_db()
    assert question.rating == 4
    check(page, f"health-question-rated-{language}")
