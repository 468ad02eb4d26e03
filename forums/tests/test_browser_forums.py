"""A newcomer asks in public and gets an official answer: signed out at a public board,
signs up with a phone number, posts a question (held: a first post), the commune hall's
moderator signs in with a second factor, publishes it and answers for the hall with the
verified badge, and the asker accepts the answer. Khmer and English, at phone width;
every page checked with axe and the CSP, and screenshot at 390 and 1280 px."""

from __future__ import annotations

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.cache import cache

from accounts.tests.factories import PASSWORD
from accounts.tests.totp import totp_code
from core.languages import in_language
from core.testing import (
    PHONE,
    assert_no_axe_violations,
    assert_no_csp_violations,
    assert_page_budget,
    save_screenshots,
    sign_in,
)
from forums.models import Thread
from notifications import sms

pytestmark = pytest.mark.browser

CODE = re.compile(r"\b(\d{6})\b")
NEW_PASSWORD = "a-new-long-password-for-tests"
WORDS = {
    "km": {
        "ask": "សួរសំណួរ", "held": "អ្នកសម្របសម្រួលពិនិត្យសារដំបូង", "publish": "ផ្សព្វផ្សាយ",
        "badge": "បានផ្ទៀងផ្ទាត់៖", "accept": "ទទួលយកចម្លើយនេះ",
        "accepted": "ចម្លើយដែលបានទទួលយក",
        "title": "តើធ្វើសំបុត្រកំណើតឡើងវិញត្រូវចំណាយពេលប៉ុន្មានថ្ងៃ?",
        "body": "ខ្ញុំបាត់សំបុត្រកំណើត។ តើត្រូវយក **ឯកសារអ្វីខ្លះ**?",
        "answer": "សូមយកសៀវភៅគ្រួសារមកសាលាឃុំ។ ប្រហែល ៣ ថ្ងៃរួចរាល់។",
    },
    "en": {
        "ask": "Ask a question", "held": "A moderator checks a new account", "publish": "Publish",
        "badge": "Verified:", "accept": "Accept this answer",
        "accepted": "Accepted answer",
        "title": "How long does a new birth certificate copy take?",
        "body": "I lost my birth certificate. Which **papers** do I bring?",
        "answer": "Bring your family book to the commune hall; it takes about 3 days.",
    },
}  # fmt: skip


def check(page, name: str) -> None:
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    save_screenshots(page, name)


def click(page, locator) -> None:
    with page.expect_navigation():
        locator.click()


def sign_in_with_second_factor(page, user, language: str) -> None:
    """Sign in through the forms: password, then the authenticator app's code."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    page.goto(f"/{language}/")
    sign_in(page, user.username, PASSWORD, language=language)
    assert "/account/2fa/authenticate/" in page.url
    page.fill("input[name=code]", totp_code(secret))
    click(page, page.locator("main form:has(input[name=code]) [type=submit]").first)


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_newcomer_asks_an_officer_answers_and_the_asker_accepts(
    new_page, live_server, forum_world, language
):
    cache.clear()  # sign-up and posting limits are counted in the cache
    sms.outbox.clear()
    words = WORDS[language]
    page = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    page.goto(f"/{language}/forums/")
    check(page, f"forums-index-{language}")
    click(page, page.locator("main a[href$='/forums/boards/identity-papers/']"))
    check(page, f"forums-board-{language}")
    click(page, page.get_by_role("link", name=words["ask"]))
    assert f"/{language}/account/sign-in/" in page.url
    click(page, page.locator("main a[href*='/account/signup/']"))
    page.fill("input[name=phone]", "០១២ ៣៤៥ ៦៧៨" if language == "km" else "012 345 678")
    page.fill("input[name=password1]", NEW_PASSWORD)
    page.fill("input[name=password2]", NEW_PASSWORD)
    click(page, page.locator("main form [type=submit]").first)
    page.fill("input[name=code]", CODE.search(sms.outbox[-1].text).group(1))
    click(page, page.locator("main form:has(input[name=code]) [type=submit]").first)
    assert page.url.endswith(f"/{language}/forums/boards/identity-papers/ask/")

    page.fill("textarea[name=body]", "<script>alert('x')</script>")
    click(page, page.locator("main form [type=submit]"))
    assert page.locator(".error-summary").is_visible()  # refused, what was written kept
    assert page.locator("textarea[name=body]").input_value() == "<script>alert('x')</script>"
    check(page, f"forums-ask-refused-{language}")
    page.fill("input[name=title]", words["title"])
    page.fill("textarea[name=body]", words["body"])
    click(page, page.locator("main form [type=submit]"))
    thread = Thread.objects.get(title=words["title"])
    assert words["held"] in page.locator("main").inner_text()
    check(page, f"forums-thread-held-{language}")

    officer = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    sign_in_with_second_factor(officer, forum_world.moderator, language)
    officer.goto(f"/{language}/forums/moderation/")
    assert officer.url.endswith(f"/forums/moderation/{forum_world.hall.code}/")
    check(officer, f"forums-moderation-queue-{language}")
    click(officer, officer.locator("main form button", has_text=words["publish"]).first)
    address = f"/{language}/forums/questions/{thread.public_id}/"
    hall = forum_world.hall
    badge = f"{words['badge']} {in_language(hall.name_km, hall.name_en, language)}"
    officer.goto(address)
    officer.fill("textarea[name=body]", words["answer"])
    assert officer.locator("select[name=answer_as]").input_value() == str(forum_world.hall.pk)
    click(officer, officer.locator("main form:has(textarea[name=body]) [type=submit]"))
    assert badge in officer.locator("main").inner_text()

    page.goto(address)
    assert badge in page.locator("main").inner_text()
    click(page, page.get_by_role("button", name=words["accept"]))
    assert page.get_by_text(words["accepted"]).first.is_visible()
    thread.refresh_from_db()
    assert thread.accepted is not None and thread.accepted.office == forum_world.hall
    check(page, f"forums-thread-accepted-{language}")


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_consultation_reads_without_javascript_within_the_budget(
    new_page, live_server, forum_world, language
):
    import datetime

    from django.utils import timezone

    from forums.consultations import do_publish

    consultation = do_publish(
        forum_world.head, forum_world.hall, title_km="ផែនការផ្លូវថ្មីនៅស្លក្រាម",
        title_en="New road plan for Sla Kram", body_km="តើអ្នកយល់ស្របនឹងផ្លូវថ្មីនេះទេ?",
        body_en="Do you agree with this new road?",
        closes_at=timezone.now() + datetime.timedelta(days=10), threshold=20, response_days=30,
    )  # fmt: skip
    page = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    page.goto(f"/{language}/forums/consultations/")
    check(page, f"forums-consultations-{language}")
    click(page, page.locator(f"main a[href$='{consultation.public_id}/']"))
    check(page, f"forums-consultation-{language}")
    assert_page_budget(page, page.url)
    plain = new_page(java_script_enabled=False)
    plain.goto(f"/{language}/forums/consultations/{consultation.public_id}/")
    clock = plain.locator("main .inset").first.inner_text()
    assert ("បិទក្នុងរយៈពេល ៩ ថ្ងៃ" in clock) if language == "km" else ("Closes in 9 days" in clock)

    head = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    sign_in_with_second_factor(head, forum_world.head, language)
    head.goto(f"/{language}/forums/consultations/new/")
    click(head, head.locator("main form [type=submit]"))  # empty: every error, nothing lost
    assert head.locator(".error-summary").is_visible()
    check(head, f"forums-consultation-new-{language}")
    head.goto(f"/{language}/forums/consultations/{consultation.public_id}/respond/")
    check(head, f"forums-consultation-respond-{language}")
    reporter = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    sign_in_with_second_factor(reporter, forum_world.moderator, language)
    reporter.goto(f"/{language}/forums/consultations/{consultation.public_id}/")
    reporter.fill("textarea[name=body]", "![x](https://tracker.example/x.gif)")
    click(reporter, reporter.locator("main form:has(textarea[name=body]) [type=submit]"))
    assert reporter.locator(".error-summary").is_visible()
    assert "tracker.example" in reporter.locator("textarea[name=body]").input_value()
    check(reporter, f"forums-consultation-comment-refused-{language}")
