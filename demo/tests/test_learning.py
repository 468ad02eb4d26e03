"""The learning demo: three starter courses of at least four lessons, in Khmer and English,
with quizzes whose right answers pass; loading twice changes nothing."""

from __future__ import annotations

import uuid

import pytest

from accounts.tests.factories import create_user
from demo.learning import load_demo
from demo.places import INSTITUTIONS
from geo.models import Institution
from learning import quizzes
from learning.models import Course, LessonMedia
from learning.progress import do_complete_lesson, do_enrol, summary_of
from learning.tests.conftest import learning_storages  # noqa: F401 - autouse

pytestmark = pytest.mark.django_db


def right_answers(quiz) -> dict:
    answers = {}
    for question in quiz.questions.all():
        if question.kind in quizzes.CHOICE_KINDS:
            answers[str(question.pk)] = [c.pk for c in question.choices.all() if c.is_correct]
        elif question.kind == "number":
            answers[str(question.pk)] = str(question.number_answer)
        else:
            answers[str(question.pk)] = question.accepted_km.splitlines()[0]
    return answers


def test_the_starter_courses_are_complete_and_can_be_finished():
    for code, km, en, _website in INSTITUTIONS:
        Institution.objects.create(code=code, name_km=km, name_en=en)
    first = load_demo()
    assert (first.courses, first.existing) == (3, 0)
    assert load_demo().existing == 3
    assert set(Course.objects.public().values_list("slug", flat=True)) == {
        "using-the-portal-safely",
        "paying-a-fee-with-khqr",
        "finding-your-communes-services",
    }
    learner = create_user("learner")
    for course in Course.objects.all():
        lessons = list(course.lessons())
        assert len(lessons) >= 4
        assert all(lesson.body_km and lesson.body_en for lesson in lessons)
        quizzes_of_course = [lesson.quiz for lesson in lessons if hasattr(lesson, "quiz")]
        assert len(quizzes_of_course) >= 2
        enrolment = do_enrol(learner, course)
        for lesson in lessons:
            if hasattr(lesson, "quiz"):
                attempt = quizzes.do_submit_attempt(
                    learner, enrolment, lesson.quiz, right_answers(lesson.quiz), uuid.uuid4()
                )
                assert attempt.score == 100, lesson.title_en
            else:
                do_complete_lesson(learner, enrolment, lesson)
        assert summary_of(enrolment).complete
    kinds = set(Course.objects.values_list("modules__lessons__quiz__questions__kind", flat=True))
    assert {"single", "multiple", "true-false", "number", "text"} <= kinds
    assert LessonMedia.objects.get().size_bytes > 100
