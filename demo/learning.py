"""Learning demo data: the three starter courses of issue 21 (demo.learning_texts), published
for everyone, each with its quizzes; one lesson carries a small checklist file to download.
Idempotent: a course whose address exists is left as it is."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction

from accounts.models import OfficeMembership, Role, User
from demo.learning_texts import CHECKLIST, COURSES
from geo.models import Facility, Institution
from learning.models import Choice, Course, Lesson, LessonMedia, Module, Question, Quiz


@dataclass
class LearningDemo:
    courses: int = 0
    existing: int = 0
    lessons: int = 0
    questions: int = 0

    def summary(self) -> str:
        return (
            f"Demo courses: {self.courses} created ({self.lessons} lessons, "
            f"{self.questions} quiz questions), {self.existing} already there."
        )


def _add_question(quiz: Quiz, position: int, spec: tuple) -> None:
    kind, prompt_km, prompt_en, answer, wrong_km, wrong_en = spec
    question = Question(
        quiz=quiz, kind=kind, prompt_km=prompt_km, prompt_en=prompt_en, position=position,
        feedback_wrong_km=wrong_km, feedback_wrong_en=wrong_en,
    )  # fmt: skip
    if kind == "number":
        question.number_answer = Decimal(answer)
    elif kind == "text":
        question.accepted_km = question.accepted_en = answer
    question.save()
    if isinstance(answer, list):
        for place, (km, en, correct, feedback_km, feedback_en) in enumerate(answer):
            Choice.objects.create(
                question=question, text_km=km, text_en=en, is_correct=correct,
                feedback_km=feedback_km, feedback_en=feedback_en, position=place,
            )  # fmt: skip


def _add_lesson(module: Module, position: int, spec: dict, result: LearningDemo) -> None:
    lesson = Lesson.objects.create(
        module=module, position=position, title_km=spec["title"][0], title_en=spec["title"][1],
        body_km=spec["body"][0], body_en=spec["body"][1],
    )  # fmt: skip
    result.lessons += 1
    if "file" in spec:
        name, title_km, title_en = spec["file"]
        LessonMedia.objects.create(
            lesson=lesson, kind="file", file=ContentFile(CHECKLIST.encode(), name=name),
            title_km=title_km, title_en=title_en,
        )  # fmt: skip
    if "quiz" in spec:
        pass_mark, questions = spec["quiz"]
        quiz = Quiz.objects.create(lesson=lesson, pass_mark=pass_mark)
        for place, question in enumerate(questions):
            _add_question(quiz, place, question)
            result.questions += 1


@transaction.atomic
def load_demo() -> LearningDemo:
    result = LearningDemo()
    for position, spec in enumerate(COURSES):
        if Course.objects.filter(slug=spec["slug"]).exists():
            result.existing += 1
            continue
        course = Course.objects.create(
            slug=spec["slug"],
            institution=Institution.objects.get(code=spec["institution"]),
            title_km=spec["title"][0], title_en=spec["title"][1],
            summary_km=spec["summary"][0], summary_en=spec["summary"][1],
            is_published=True, position=position,
        )  # fmt: skip
        for place, module_spec in enumerate(spec["modules"]):
            module = Module.objects.create(
                course=course, position=place,
                title_km=module_spec["title"][0], title_en=module_spec["title"][1],
            )  # fmt: skip
            for lesson_place, lesson_spec in enumerate(module_spec["lessons"]):
                _add_lesson(module, lesson_place, lesson_spec, result)
        result.courses += 1
    _give_demo_roles()
    return result


# The sangkat's chief also records learners without a phone; the ministry's editor reads
# the reports of the ministry's own course (the README names both).
DEMO_LEARNING_ROLES = (
    ("chief", "commune-hall-120201", "facilitator"),
    ("editor", "ministry-mptc", "course-editor"),
)


def _give_demo_roles() -> None:
    for username, office_code, role_code in DEMO_LEARNING_ROLES:
        user = User.objects.filter(username=username).first()
        office = Facility.objects.filter(code=office_code).first()
        role = Role.objects.filter(code=role_code).first()
        if user and office and role:
            OfficeMembership.objects.get_or_create(
                user=user, office=office, role=role, ended_at=None
            )
