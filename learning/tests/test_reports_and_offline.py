"""For institutions: enrolments, completion, average scores and where learners stop, with a
CSV export; and the offline pack, one HTML file per course."""

from __future__ import annotations

import uuid

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.tests.factories import create_user, grant
from geo.models import Institution
from geo.tests.factories import create_facility, create_tree
from learning import quizzes
from learning.progress import do_complete_lesson, do_enrol
from learning.tests.factories import create_course, create_institution
from learning.tests.test_progress_and_quizzes import _right

pytestmark = pytest.mark.django_db


def en(name, **kwargs):
    with translation.override("en"):
        return reverse(f"learning:{name}", kwargs=kwargs)


def test_the_report_counts_learners_per_lesson_and_where_they_stop(client):
    small = create_course()
    finisher, stuck, starter = (create_user(n) for n in ("finisher", "stuck", "starter"))
    for user in (finisher, stuck, starter):
        do_enrol(user, small.course)
    for user in (finisher, stuck):
        enrolment = user.enrolments.get()
        for lesson in small.lessons[:2]:
            do_complete_lesson(user, enrolment, lesson)
    quizzes.do_submit_attempt(
        finisher, finisher.enrolments.get(), small.quiz, _right(small), uuid.uuid4()
    )
    quizzes.do_submit_attempt(stuck, stuck.enrolments.get(), small.quiz, {}, uuid.uuid4())

    editor = create_user("editor")
    office = create_facility(create_tree().commune, institution=create_institution())
    grant(editor, office, "course-editor")
    client.force_login(editor)
    with translation.override("en"):
        page = client.get(en("report", slug="safe-online"))
        csv = client.get(en("report", slug="safe-online"), {"format": "csv"})
    assert page.status_code == 200
    assert "1 (33%)" in page.text  # one of three completed
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("course,enrolments,completed,lesson_position")
    assert lines[1].split(",")[5:7] == ["2", "1"]  # Passwords: 2 finished, 1 stopped there
    assert lines[3].split(",")[5:] == ["1", "1", "2", "50"]  # the quiz: 100 and 0


def test_the_report_is_for_course_editors_only(client):
    create_course()
    client.force_login(create_user("citizen"))
    assert client.get(en("report", slug="safe-online")).status_code == 403


def test_a_course_editor_sees_only_the_reports_of_their_own_institution(client):
    create_course()
    commune = create_tree().commune
    health = Institution.objects.create(code="moh", name_km="ក្រសួងសុខាភិបាល",
                                        name_en="Ministry of Health")  # fmt: skip
    outsider = create_user("outsider")
    grant(outsider, create_facility(commune, institution=health), "course-editor")
    no_institution = create_user("no-institution")
    grant(no_institution, create_facility(commune, code="plain-hall"), "course-editor")
    other_role = create_user("facilitator")
    grant(other_role, create_facility(commune, code="mptc-hall", institution=create_institution()),
          "facilitator")  # fmt: skip
    for user in (outsider, no_institution, other_role):
        client.force_login(user)
        assert client.get(en("report", slug="safe-online")).status_code == 403
        csv = client.get(en("report", slug="safe-online"), {"format": "csv"})
        assert csv.status_code == 403
    client.force_login(create_user("root", is_superuser=True))
    assert client.get(en("report", slug="safe-online"), {"format": "csv"}).status_code == 200
    assert client.get(en("report", slug="no-such-course")).status_code == 404


def test_the_offline_pack_is_one_self_contained_page(client):
    small = create_course()
    small.lessons[0].video_url = "https://video.example/1"
    small.lessons[0].save()
    with translation.override("km"):
        response = client.get(reverse("learning:offline", args=["safe-online"]))
    html = response.content.decode()
    assert "attachment" in response["Content-Disposition"]
    assert "ប្រើពាក្យសម្ងាត់វែង។" in html and "ប៉ូលិស" in html  # lessons and quiz
    assert "<script" not in html and "<link" not in html and 'src="' not in html
    assert 'href="#lesson-' in html
