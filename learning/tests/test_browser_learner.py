"""Issue 21 as a new learner meets it, on a phone (390 px), in Khmer and English: signed
out on the courses page, sign up with a phone number, start a course, read its lessons,
answer the quiz (wrong first, then right), get the certificate and check it at /verify/."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache

from core.testing import (
    assert_no_axe_violations,
    assert_no_csp_violations,
    assert_page_budget,
    save_screenshots,
)
from learning.tests.factories import create_course
from notifications import sms

pytestmark = pytest.mark.browser

CODE = re.compile(r"\b(\d{6})\b")
PASSWORD = "a-new-long-password-for-tests"
WORDS = {
    "km": {
        "course": "ប្រើវិបផតថលដោយសុវត្ថិភាព",
        "sign_in": "ចូលគណនី ដើម្បីចាប់ផ្តើមវគ្គសិក្សា",
        "start": "ចាប់ផ្តើមវគ្គសិក្សា",
        "read": "ខ្ញុំបានអានមេរៀននេះហើយ",
        "quiz": "ធ្វើតេស្ត",
        "send": "ផ្ញើចម្លើយរបស់ខ្ញុំ",
        "again": "ព្យាយាមម្តងទៀត",
        "passed": "អ្នកបានជាប់។",
        "certificate": "ទទួលវិញ្ញាបនបត្ររបស់ខ្ញុំ",
        "check": "ពិនិត្យវិញ្ញាបនបត្រ",
        "mine": "ការសិក្សារបស់ខ្ញុំ",
        "six": "៦",
        "sala": "សាលា",
        "yes": "គ្មាននរណា",
        "no": "ប៉ូលិស",
        "hurry": "ប្រញាប់",
        "prize": "រង្វាន់",
        "false": "មិនពិត",
    },
    "en": {
        "course": "Using the portal safely",
        "sign_in": "Sign in to start the course",
        "start": "Start the course",
        "read": "I have read this lesson",
        "quiz": "Take the quiz",
        "send": "Send my answers",
        "again": "Try again",
        "passed": "You passed.",
        "certificate": "Get my certificate",
        "check": "Check the certificate",
        "mine": "My learning",
        "six": "6",
        "sala": "Sala",
        "yes": "No one",
        "no": "The police",
        "hurry": "Hurry",
        "prize": "A prize",
        "false": "False",
    },
}


def click(page, locator) -> None:
    with page.expect_navigation():
        locator.click()


def answer_quiz(page, words, *, right: bool) -> None:
    page.get_by_label(words["yes"] if right else words["no"], exact=True).check()
    page.get_by_label(words["hurry"], exact=True).check()
    page.get_by_label(words["prize"], exact=True).check()
    page.get_by_label(words["false"], exact=True).check()
    page.locator("main input[type=text]").first.fill(words["six"] if right else "9")
    page.locator("main input[type=text]").last.fill(words["sala"] if right else "?")
    click(page, page.get_by_role("button", name=words["send"]))


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_new_learner_finishes_a_course_on_a_phone_and_checks_the_certificate(
    new_page, live_server, language
):
    words = WORDS[language]
    create_course()
    cache.clear()  # the sign-up limit per address counts every test's sign-ups
    sms.outbox.clear()
    page = new_page(viewport={"width": 390, "height": 844})

    page.goto(f"/{language}/learning/")
    assert_page_budget(page, f"/{language}/learning/")
    save_screenshots(page, f"learning-courses-{language}")
    click(page, page.get_by_role("link", name=words["course"]))
    save_screenshots(page, f"learning-course-signed-out-{language}")
    click(page, page.get_by_role("link", name=words["sign_in"]))
    click(page, page.locator("main a[href*='/account/signup/']"))
    page.fill("input[name=phone]", "០១២ ៣៤៥ ៦៧៨" if language == "km" else "012 345 678")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    click(page, page.locator("main form [type=submit]").first)
    page.fill("input[name=code]", CODE.search(sms.outbox[-1].text).group(1))
    click(page, page.locator("main form:has(input[name=code]) [type=submit]").first)
    assert page.url.endswith(f"/{language}/learning/safe-online/")

    click(page, page.get_by_role("button", name=words["start"]))
    lesson_url = page.url
    assert "/lessons/" in lesson_url
    assert_page_budget(page, lesson_url)
    assert_no_axe_violations(page)
    save_screenshots(page, f"learning-lesson-{language}")
    click(page, page.get_by_role("button", name=words["read"]))
    click(page, page.get_by_role("button", name=words["read"]))
    click(page, page.get_by_role("link", name=words["quiz"]))
    assert_no_axe_violations(page)
    save_screenshots(page, f"learning-quiz-{language}")

    answer_quiz(page, words, right=False)
    assert "/attempts/" in page.url
    save_screenshots(page, f"learning-result-not-passed-{language}")
    click(page, page.get_by_role("link", name=words["again"]))
    answer_quiz(page, words, right=True)
    assert words["passed"] in page.locator("main").inner_text()
    assert_no_axe_violations(page)

    click(page, page.get_by_role("link", name=words["certificate"]))
    click(page, page.get_by_role("button", name=words["certificate"]))
    assert page.locator("main a[href*='/pdf/']").count() == 1
    assert_no_axe_violations(page)
    save_screenshots(page, f"learning-course-finished-{language}")
    click(page, page.get_by_role("link", name=words["check"]))
    assert "/verify/" in page.url
    assert words["course"] in page.locator("main").inner_text()
    save_screenshots(page, f"learning-certificate-verified-{language}")

    page.goto(f"/{language}/learning/mine/")
    assert_no_axe_violations(page)
    save_screenshots(page, f"learning-my-learning-{language}")
    assert_no_csp_violations(page)
