"""Marking quizzes and recording attempts.

Answers arrive as {question id: [choice ids]} for choice questions (true/false included:
its two choices are "True" and "False") and {question id: "text"} for number and short-text
ones. A submitted form carries the token it was shown with: the same form sent twice at
once is recorded once (a unique constraint, not a check-then-write race).
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from audit.log import log_action
from core.formatting import to_ascii_digits
from core.languages import in_language
from learning.models import Enrolment, Question, QuestionKind, Quiz, QuizAttempt
from learning.progress import do_complete_lesson

CHOICE_KINDS = {QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.TRUE_FALSE}


@dataclass(frozen=True)
class Marked:
    question: Question
    answer: Any
    correct: bool
    feedback: list[str]


def _normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def parse_number(text: str) -> Decimal | None:
    cleaned = to_ascii_digits(str(text)).replace(",", "").replace(" ", "").strip()
    try:
        return Decimal(cleaned) if cleaned else None
    except InvalidOperation:
        return None


def mark_question(question: Question, answer: Any) -> Marked:
    """Whether `answer` is right, and the feedback to show for it."""
    if question.kind in CHOICE_KINDS:
        chosen = {int(c) for c in (answer or [])}
        choices = list(question.choices.all())
        correct = chosen == {c.pk for c in choices if c.is_correct}
        feedback = [c.feedback for c in choices if c.pk in chosen and c.feedback]
    elif question.kind == QuestionKind.NUMBER:
        number = parse_number(answer or "")
        correct = (
            number is not None
            and question.number_answer is not None
            and abs(number - question.number_answer) <= question.number_tolerance
        )
        feedback = []
    else:
        accepted = {
            _normalise(line)
            for line in (question.accepted_km + "\n" + question.accepted_en).splitlines()
            if line.strip()
        }
        correct = _normalise(str(answer or "")) in accepted
        feedback = []
    general = (
        in_language(question.feedback_right_km, question.feedback_right_en)
        if correct
        else in_language(question.feedback_wrong_km, question.feedback_wrong_en)
    )
    if general:
        feedback.append(general)
    return Marked(question, answer, correct, feedback)


def mark(quiz: Quiz, answers: dict[str, Any]) -> tuple[list[Marked], int]:
    """Mark every question; return the marks and the score in percent."""
    questions = list(quiz.questions.prefetch_related("choices"))
    marked = [mark_question(q, answers.get(str(q.pk))) for q in questions]
    right = sum(1 for m in marked if m.correct)
    return marked, round(100 * right / len(marked)) if marked else 0


def attempts_left(quiz: Quiz, enrolment: Enrolment) -> int | None:
    """None when unlimited."""
    if not quiz.max_attempts:
        return None
    used = QuizAttempt.objects.filter(enrolment=enrolment, quiz=quiz).count()
    return max(quiz.max_attempts - used, 0)


def new_token() -> uuid.UUID:
    return uuid.uuid4()


def recorded_attempt(enrolment: Enrolment, token: uuid.UUID) -> QuizAttempt | None:
    """The attempt already recorded from the form with this token, if any."""
    return QuizAttempt.objects.filter(enrolment=enrolment, token=token).first()


def do_submit_attempt(
    actor: Any,
    enrolment: Enrolment,
    quiz: Quiz,
    answers: dict[str, Any],
    token: uuid.UUID,
) -> QuizAttempt:
    """Record one attempt (the one already recorded for this token, if any) and, when it
    passes, the lesson as done. Raise ValidationError when no attempt is left."""
    existing = recorded_attempt(enrolment, token)
    if existing:
        return existing
    if attempts_left(quiz, enrolment) == 0:
        raise ValidationError(_("You have used every attempt this quiz allows."))
    _marked, score = mark(quiz, answers)
    try:
        with transaction.atomic():
            number = (
                QuizAttempt.objects.filter(enrolment=enrolment, quiz=quiz).aggregate(
                    n=Max("number")
                )["n"]
                or 0
            ) + 1
            attempt = QuizAttempt.objects.create(
                enrolment=enrolment,
                quiz=quiz,
                token=token,
                number=number,
                answers=answers,
                score=score,
                passed=score >= quiz.pass_mark,
                entered_by=actor if actor != enrolment.user else None,
            )
            log_action(
                actor,
                "learning.quiz_submitted",
                attempt,
                {"quiz": quiz.pk, "score": score, "passed": attempt.passed},
                person=enrolment.user,
            )
            if attempt.passed:
                do_complete_lesson(actor, enrolment, quiz.lesson)
    except IntegrityError:
        # The same form sent at the same moment: the other request recorded it.
        same = QuizAttempt.objects.filter(enrolment=enrolment, token=token).first()
        if same is None:  # two different forms took the same number: try once more
            return do_submit_attempt(actor, enrolment, quiz, answers, token)
        return same
    return attempt
