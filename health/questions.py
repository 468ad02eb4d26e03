"""Questions to health workers: asking after a clear screen, the private thread, the
health-worker queue, and the only ways views load a question.

A question is personal health data. The person who asked and the clinicians of the
question's health centre see it, nobody else (administrators neither); every opening by
a health worker, allowed or refused, is written to the audit log.
"""

from __future__ import annotations

import datetime
import logging

import rules
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import OfficeMembership, Role
from accounts.officers import offices_of
from audit.log import log_access, log_action
from geo.models import Facility
from health.models import Question, QuestionMessage, Screening
from notifications.api import notify

logger = logging.getLogger(__name__)

ANSWER_DUE_HOURS = 24
HEALTH_CENTRE = "health-centre"


def health_centres() -> QuerySet[Facility]:
    """Return the listed health centres that have clinicians to answer questions."""
    answering = OfficeMembership.objects.active().filter(role__code=Role.CLINICIAN)
    return (
        Facility.objects.active()
        .filter(type__code=HEALTH_CENTRE, pk__in=answering.values("office_id"))
        .select_related("area__parent__parent")
        .order_by("name_en")
    )


def clinicians_of(office: Facility) -> QuerySet:
    members = OfficeMembership.objects.active().filter(office=office, role__code=Role.CLINICIAN)
    return get_user_model().objects.filter(pk__in=members.values("user_id"), is_active=True)


def may_ask_after(screening: Screening | None) -> bool:
    """A question needs a clear screen of the last hour, not used for another question."""
    return (
        screening is not None
        and not screening.is_urgent
        and not Question.objects.filter(screening=screening).exists()
    )


def allowed(user, permission: str, question: Question) -> bool:
    """Ask the health rules alone: unlike `user.has_perm`, an administrator passes no
    check here, as health data is for the person and their health workers only."""
    return rules.has_perm(permission, user, question)


def _notify_health_workers(question: Question) -> None:
    office = question.office
    for clinician in clinicians_of(office):
        notify(
            clinician,
            "health.question_waiting",
            {
                "reference": question.reference,
                "office": {"km": office.name_km, "en": office.name_en},
                "url": question.get_office_url(),
            },
            key=f"health-question:{question.pk}:waiting:{question.updated_at.timestamp()}",
        )


@transaction.atomic
def do_ask_question(
    user, *, screening: Screening, office: Facility, who: str, age_years: int, symptoms: str,
    since: str,
) -> Question:  # fmt: skip
    if not may_ask_after(screening):
        raise ValidationError(_("Answer the danger-sign questions first."))
    if not health_centres().filter(pk=office.pk).exists():
        raise ValidationError(_("This health centre does not answer questions online."))
    now = timezone.now()
    question = Question.objects.create(
        user=user,
        office=office,
        screening=screening,
        who=who,
        age_years=age_years,
        symptoms=symptoms.strip(),
        since=since.strip(),
        created_at=now,
        due_at=now + datetime.timedelta(hours=ANSWER_DUE_HOURS),
    )
    log_action(user, "health.question_sent", question, office=office, person=user)
    _notify_health_workers(question)
    return question


@transaction.atomic
def do_answer_question(worker, question: Question, body: str, *, close: bool) -> QuestionMessage:
    """A health worker's answer; with `close`, the question is closed with this advice."""
    if not allowed(worker, "health.answer_question", question):
        raise PermissionDenied
    question = Question.objects.select_for_update().get(pk=question.pk)
    if question.status == Question.Status.CLOSED:
        raise ValidationError(_("This question is closed."))
    message = QuestionMessage.objects.create(
        question=question, author=worker, from_health_worker=True, body=body.strip()
    )
    question.status = Question.Status.CLOSED if close else Question.Status.ANSWERED
    question.save(update_fields=["status", "updated_at"])
    log_action(
        worker,
        "health.question_closed" if close else "health.question_answered",
        question,
        office=question.office,
        person=question.user,
    )
    notify(
        question.user,
        "health.question_answered",
        {"reference": question.reference, "url": question.get_absolute_url()},
        key=f"health-question:{question.pk}:message:{message.pk}",
    )
    return message


@transaction.atomic
def do_follow_up(user, question: Question, body: str) -> QuestionMessage:
    """The person writes again; the question waits for the health workers again."""
    if not allowed(user, "health.follow_up_question", question):
        raise PermissionDenied
    question = Question.objects.select_for_update().get(pk=question.pk)
    if question.status == Question.Status.CLOSED:
        raise ValidationError(_("This question is closed. Ask a new question."))
    message = QuestionMessage.objects.create(question=question, author=user, body=body.strip())
    question.status = Question.Status.WAITING
    question.due_at = timezone.now() + datetime.timedelta(hours=ANSWER_DUE_HOURS)
    question.save(update_fields=["status", "due_at", "updated_at"])
    log_action(user, "health.question_followed_up", question, office=question.office, person=user)
    _notify_health_workers(question)
    return message


def _load(public_id) -> Question:
    try:
        return Question.objects.select_related("office", "user", "screening").get(
            public_id=public_id
        )
    except (Question.DoesNotExist, ValueError, ValidationError) as exc:
        raise Http404 from exc


def access_question_for_person(user, public_id) -> Question:
    """Return the person's own question; 404 for anyone else."""
    question = _load(public_id)
    if not allowed(user, "health.view_own_question", question):
        raise Http404
    return question


def access_question_for_health_worker(user, public_id) -> Question:
    """Return the question if the user is a clinician of its health centre; record the
    opening in the audit log either way (a refusal raises PermissionDenied)."""
    question = _load(public_id)
    may_open = allowed(user, "health.view_question", question)
    log_access(
        user,
        "health.question_opened",
        question,
        allowed=may_open,
        office=question.office,
        person=question.user,
    )
    if not may_open:
        logger.warning("health question access refused", extra={"user_id": user.pk})
        raise PermissionDenied
    return question


def queue_for(user) -> QuerySet[Question]:
    """The questions of the user's health centres: waiting first, the most overdue first."""
    return (
        Question.objects.filter(office__in=offices_of(user, [Role.CLINICIAN]))
        .select_related("office")
        .annotate(
            waiting_first=Case(
                When(status=Question.Status.WAITING, then=Value(0)),
                When(status=Question.Status.ANSWERED, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("waiting_first", "due_at")
    )


def is_health_worker(user) -> bool:
    return offices_of(user, [Role.CLINICIAN]).exists()
