"""Assisted learning: a facilitator (officer role `facilitator`) adds learners without a
phone to their office and records, from the session or paper, each lesson attended and
each quiz result. Every record names the facilitator who entered it. When the learner
finishes, the facilitator prints their certificate for them."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from accounts.officers import offices_of
from audit.log import log_action
from learning.certificates import do_issue_certificate
from learning.models import AssistedLearner, Course, Enrolment, Lesson, Quiz, QuizAttempt
from learning.progress import do_complete_lesson, do_enrol

FACILITATOR = "facilitator"


def facilitator_offices(user: Any):
    return offices_of(user, [FACILITATOR])


def access_assisted_learner(user: Any, learner_id: int) -> AssistedLearner:
    """The learner, for a facilitator of the learner's office; else 403 or 404."""
    learner = get_object_or_404(AssistedLearner.objects.select_related("user", "office"),
                                pk=learner_id)  # fmt: skip
    if not facilitator_offices(user).filter(pk=learner.office_id).exists():
        raise PermissionDenied
    return learner


@transaction.atomic
def do_add_learner(facilitator: Any, office: Any, name_km: str, name_latin: str) -> AssistedLearner:
    if not facilitator_offices(facilitator).filter(pk=office.pk).exists():
        raise PermissionDenied
    account = get_user_model().objects.create_user(
        f"assisted-{uuid.uuid4().hex[:12]}", name_km=name_km.strip(), name_latin=name_latin.strip()
    )
    account.set_unusable_password()
    account.save(update_fields=["password"])
    learner = AssistedLearner.objects.create(user=account, office=office, added_by=facilitator)
    log_action(facilitator, "learning.assisted_learner_added", learner, {}, office=office,
               person=account)  # fmt: skip
    return learner


def do_record_attendance(facilitator: Any, learner: AssistedLearner, lesson: Lesson) -> None:
    """The learner attended the lesson (with a quiz, the quiz result completes it)."""
    enrolment = do_enrol(learner.user, lesson.module.course)
    do_complete_lesson(facilitator, enrolment, lesson)


@transaction.atomic
def do_record_quiz_result(
    facilitator: Any, learner: AssistedLearner, quiz: Quiz, score: int
) -> QuizAttempt:
    """A quiz answered on paper: the facilitator enters the score in percent."""
    if not 0 <= score <= 100:
        raise ValidationError(_("A score is between 0 and 100."))
    enrolment = do_enrol(learner.user, quiz.lesson.module.course)
    number = QuizAttempt.objects.filter(enrolment=enrolment, quiz=quiz).count() + 1
    attempt = QuizAttempt.objects.create(
        enrolment=enrolment, quiz=quiz, token=uuid.uuid4(), number=number, score=score,
        passed=score >= quiz.pass_mark, entered_by=facilitator,
    )  # fmt: skip
    log_action(
        facilitator,
        "learning.quiz_result_entered",
        attempt,
        {"quiz": quiz.pk, "score": score},
        office=learner.office,
        person=learner.user,
    )
    if attempt.passed:
        do_complete_lesson(facilitator, enrolment, quiz.lesson)
    return attempt


def do_certificate_for(facilitator: Any, learner: AssistedLearner, course: Course):
    """The learner's certificate (issued the first time), for the facilitator to print and
    hand over; each time is audited with the facilitator's name. ValidationError while the
    course is not finished; PermissionDenied for anyone but a facilitator of the office."""
    if not facilitator_offices(facilitator).filter(pk=learner.office_id).exists():
        raise PermissionDenied
    enrolment = enrolment_for(learner, course)
    if enrolment is None:
        raise ValidationError(_("Finish every lesson of the course to get its certificate."))
    document = do_issue_certificate(learner.user, enrolment)
    log_action(
        facilitator,
        "learning.certificate_printed",
        document,
        {"course": course.slug, "code": document.code},
        office=learner.office,
        person=learner.user,
    )
    return document


def enrolment_for(learner: AssistedLearner, course: Course) -> Enrolment | None:
    return Enrolment.objects.filter(user=learner.user, course=course).first()
