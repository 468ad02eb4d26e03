"""Plain factory functions for the learning tests."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from geo.models import Institution
from learning.models import Choice, Course, Lesson, Module, Question, Quiz


@dataclass
class SmallCourse:
    course: Course
    lessons: list[Lesson]
    quiz: Quiz
    questions: dict[str, Question]


def create_institution() -> Institution:
    return Institution.objects.get_or_create(
        code="mptc",
        defaults={
            "name_km": "ក្រសួងប្រៃសណីយ៍ និងទូរគមនាគមន៍",
            "name_en": "Ministry of Posts and Telecommunications",
        },
    )[0]


def create_course(slug: str = "safe-online", **fields) -> SmallCourse:
    fields.setdefault("title_km", "ប្រើវិបផតថលដោយសុវត្ថិភាព")
    fields.setdefault("title_en", "Using the portal safely")
    fields.setdefault("summary_km", "ការពារគណនីរបស់អ្នក។")
    fields.setdefault("summary_en", "Keep your account safe.")
    fields.setdefault("is_published", True)
    course = Course.objects.create(slug=slug, institution=create_institution(), **fields)
    first = Module.objects.create(course=course, title_km="គណនី", title_en="Accounts", position=1)
    second = Module.objects.create(
        course=course, title_km="ការបោកប្រាស់", title_en="Scams", position=2
    )
    lessons = [
        Lesson.objects.create(
            module=first, position=1, title_km="ពាក្យសម្ងាត់", title_en="Passwords",
            body_km="<p>ប្រើពាក្យសម្ងាត់វែង។</p>", body_en="<p>Use a long password.</p>",
        ),
        Lesson.objects.create(
            module=first, position=2, title_km="លេខកូដ", title_en="Sign-in codes",
            body_km="<p>កុំប្រាប់លេខកូដ។</p>", body_en="<p>Never share a code.</p>",
        ),
        Lesson.objects.create(
            module=second, position=1, title_km="សារក្លែងក្លាយ", title_en="Fake messages",
            body_km="<p>ពិនិត្យអ្នកផ្ញើ។</p>", body_en="<p>Check the sender.</p>",
        ),
    ]  # fmt: skip
    quiz = Quiz.objects.create(lesson=lessons[-1], pass_mark=60)
    questions = {
        "single": Question.objects.create(
            quiz=quiz, kind="single", position=1, prompt_km="តើអ្នកណាអាចសួរលេខកូដ?",
            prompt_en="Who may ask for your code?", feedback_wrong_en="No one may.",
            feedback_wrong_km="គ្មាននរណាម្នាក់ទេ។",
        ),
        "multiple": Question.objects.create(
            quiz=quiz, kind="multiple", position=2, prompt_km="សញ្ញាបោកប្រាស់",
            prompt_en="Signs of a scam",
        ),
        "true-false": Question.objects.create(
            quiz=quiz, kind="true-false", position=3, prompt_km="វិបផតថលសួរពាក្យសម្ងាត់តាមទូរស័ព្ទ។",
            prompt_en="The portal asks for your password by phone.",
        ),
        "number": Question.objects.create(
            quiz=quiz, kind="number", position=4, prompt_km="លេខកូដមានប៉ុន្មានខ្ទង់?",
            prompt_en="How many digits has a sign-in code?", number_answer=Decimal(6),
        ),
        "text": Question.objects.create(
            quiz=quiz, kind="text", position=5, prompt_km="ឈ្មោះវិបផតថល",
            prompt_en="The portal's name",
            accepted_km="សាលា", accepted_en="Sala",
        ),
    }  # fmt: skip
    add_choice(questions["single"], "គ្មាននរណា", "No one", correct=True, feedback_en="Right.")
    add_choice(questions["single"], "ប៉ូលិស", "The police", feedback_en="Not even the police.")
    add_choice(questions["multiple"], "ប្រញាប់", "Hurry", correct=True)
    add_choice(questions["multiple"], "រង្វាន់", "A prize", correct=True)
    add_choice(questions["multiple"], "ឈ្មោះពិត", "Your real name")
    add_choice(questions["true-false"], "ពិត", "True")
    add_choice(questions["true-false"], "មិនពិត", "False", correct=True)
    return SmallCourse(course, lessons, quiz, questions)


def add_choice(question, km, en, *, correct=False, feedback_en="") -> Choice:
    return Choice.objects.create(
        question=question, text_km=km, text_en=en, is_correct=correct, feedback_en=feedback_en,
        feedback_km=feedback_en,
    )  # fmt: skip


def right_answers(small: SmallCourse) -> dict[str, object]:
    """The form data that answers every question right."""
    data: dict[str, object] = {}
    for question in small.questions.values():
        name = f"q{question.pk}"
        correct = [str(c.pk) for c in question.choices.filter(is_correct=True)]
        if question.kind == "multiple":
            data[name] = correct
        elif correct:
            data[name] = correct[0]
        elif question.kind == "number":
            data[name] = "៦"
        else:
            data[name] = " sala "
    return data
