"""A commune officer, facilitator and course editor, signs in with a second factor on a
phone, records a learner without a phone through a course (attendance, a paper quiz result
typed wrongly and then rightly), then reads the course's report. The badge check page and
the page of a removed lesson, seen by a visitor. Khmer and English."""

from __future__ import annotations

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from accounts.tests.factories import PASSWORD, create_user, grant
from accounts.tests.totp import totp_code
from core.testing import (
    PHONE,
    assert_no_axe_violations,
    assert_no_csp_violations,
    save_screenshots,
    sign_in,
)
from geo.tests.factories import create_facility, create_tree
from learning.models import LessonProgress, QuizAttempt
from learning.tests.factories import create_course

pytestmark = pytest.mark.browser

WORDS = {
    "km": {"add": "បន្ថែមអ្នកសិក្សា", "attend": "កត់ត្រាវត្តមាន", "score": "កត់ត្រាលទ្ធផលតេស្ត",
           "error": "សរសេរពិន្ទុជាចំនួនគត់ ពី ០ ដល់ ១០០។", "entered": "បញ្ចូលដោយ",
           "report": "របាយការណ៍វគ្គសិក្សា", "removed": "មេរៀននេះត្រូវបានដកចេញ"},
    "en": {"add": "Add the learner", "attend": "Record attendance",
           "score": "Record the quiz result",
           "error": "Write the score as a whole number from 0 to 100.", "entered": "Entered by",
           "report": "Course report", "removed": "This lesson was removed"},
}  # fmt: skip


def click(page, locator) -> None:
    with page.expect_navigation():
        locator.click()


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_facilitator_records_a_learner_and_reads_the_report(new_page, live_server, language):
    words = WORDS[language]
    small = create_course()
    hall = create_facility(create_tree().commune, institution=small.course.institution)
    officer = create_user("teacher", name_km="សុខ ជា", name_latin="Sok Chea")
    grant(officer, hall, "facilitator")
    grant(officer, hall, "course-editor")
    secret = generate_totp_secret()
    TOTP.activate(officer, secret)
    page = new_page(viewport={"width": PHONE.width, "height": PHONE.height})
    page.goto(f"/{language}/learning/")
    sign_in(page, "teacher", PASSWORD, language=language)
    page.fill("input[name=code]", totp_code(secret))
    click(page, page.locator("main form:has(input[name=code]) [type=submit]").first)

    page.goto(f"/{language}/learning/facilitate/")
    page.fill("input[name=name_km]", "ចាន់ ធីតា")
    click(page, page.get_by_role("button", name=words["add"]))
    save_screenshots(page, f"learning-facilitate-{language}")
    assert_no_axe_violations(page)
    click(page, page.locator("main a[href*='/facilitate/']").first)
    click(page, page.get_by_role("button", name=words["attend"]).first)
    click(page, page.get_by_role("button", name=words["attend"]).first)
    page.fill("input[name=score]", "ប៉ែតសិប" if language == "km" else "eighty")
    click(page, page.get_by_role("button", name=words["score"]))
    assert words["error"] in page.locator("main").inner_text()
    page.fill("input[name=score]", "៨០" if language == "km" else "80")
    click(page, page.get_by_role("button", name=words["score"]))
    assert words["entered"] in page.locator("main").inner_text()
    assert_no_axe_violations(page)
    save_screenshots(page, f"learning-facilitate-course-{language}")
    assert LessonProgress.objects.filter(entered_by=officer).count() == 3
    assert QuizAttempt.objects.get().entered_by == officer

    page.goto(f"/{language}/learning/{small.course.slug}/")
    click(page, page.get_by_role("link", name=words["report"]))
    assert_no_axe_violations(page)
    save_screenshots(page, f"learning-report-{language}")
    assert_no_csp_violations(page)


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_badge_check_and_a_removed_lesson_for_a_visitor(page, live_server, language):
    words = WORDS[language]
    small = create_course()
    removed = small.lessons[1]
    removed_id = removed.pk
    removed.delete()
    page.goto(f"/{language}/learning/badges/check/")
    assert_no_axe_violations(page)
    save_screenshots(page, f"learning-check-badge-{language}")
    response = page.goto(f"/{language}/learning/safe-online/lessons/{removed_id}/")
    assert response.status == 410
    assert words["removed"] in page.locator("h1").inner_text()
    assert_no_axe_violations(page)
    save_screenshots(page, f"learning-lesson-removed-{language}")
