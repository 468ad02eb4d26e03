"""Questions to health workers: asking after a clear screen, the private thread, the
health-worker queue, and the only ways views load a question.

A question is personal health data. The person who asked and the clinicians of the
question's health centre see it, nobody else (administrators neither); every opening by
a health worker, allowed or refused, is written to the audit log.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Sequence

import rules
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import OfficeMembership, Role
from accounts.officers import offices_of
from audit.log import log_access, log_action
from core.phones import normalise_phone
from geo.models import Facility
from health.models import Question, QuestionMessage, Screening
from health.photos import store_photos
from notifications.api import notify

logger = logging.getLogger(__name__)

ANSWER_DUE_HOURS = 24
HEALTH_CENTRE = "health-centre"
REFERRAL_HOSPITAL = "referral-hospital"
RATING_MAX = 5


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
    since: str, photos: Sequence[tuple[UploadedFile, str]] = (),
) -> Question:  # fmt: skip
    """Send the question (with photos checked by `services.attachments.check_photos`)."""
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
    store_photos(question, photos)
    log_action(
        user, "health.question_sent", question, {"photos": len(photos)}, office=office,
        person=user,
    )  # fmt: skip
    _notify_health_workers(question)
    return question


def referral_facilities() -> QuerySet[Facility]:
    """The listed hospitals and health centres a health worker may refer a person to."""
    return (
        Facility.objects.active()
        .filter(type__code__in=[HEALTH_CENTRE, REFERRAL_HOSPITAL])
        .select_related("area")
        .order_by("name_en")
    )


def readers_of(question: Question) -> list:
    """The person who asked and the carer they named: who is told of a reply."""
    return [question.user] + ([question.carer] if question.carer_id else [])


@transaction.atomic
def do_answer_question(
    worker, question: Question, body: str, *, close: bool, referral: Facility | None = None
) -> QuestionMessage:
    """A health worker's answer (or a question back to the person); with `close`, the
    question is closed with this advice; with `referral`, the person is referred to that
    hospital or health centre."""
    if not allowed(worker, "health.answer_question", question):
        raise PermissionDenied
    question = (
        Question.objects.select_for_update(of=("self",)).select_related("carer").get(pk=question.pk)
    )
    if question.status == Question.Status.CLOSED:
        raise ValidationError(_("This question is closed."))
    if referral is not None and not referral_facilities().filter(pk=referral.pk).exists():
        raise ValidationError(_("Choose a hospital or health centre from the list."))
    message = QuestionMessage.objects.create(
        question=question,
        author=worker,
        from_health_worker=True,
        body=body.strip(),
        referral=referral,
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
    if referral is not None:
        log_action(
            worker,
            "health.question_referred",
            question,
            {"facility": referral.code},
            office=question.office,
            person=question.user,
        )
    for reader in readers_of(question):
        notify(
            reader,
            "health.question_answered",
            {"reference": question.reference, "url": question.get_absolute_url()},
            key=f"health-question:{question.pk}:message:{message.pk}:{reader.pk}",
        )
    return message


@transaction.atomic
def do_rate_answer(user, question: Question, rating: int) -> Question:
    """The person rates the health workers' answer, 1 (not helpful) to 5 (very helpful);
    a new rating replaces the earlier one."""
    if not allowed(user, "health.rate_question", question):
        raise PermissionDenied
    if not 1 <= rating <= RATING_MAX:
        raise ValidationError(_("Choose a rating from 1 to 5."))
    question = Question.objects.select_for_update().get(pk=question.pk)
    if not question.messages.filter(from_health_worker=True).exists():
        raise ValidationError(_("You can rate the answer once a health worker has replied."))
    question.rating, question.rated_at = rating, timezone.now()
    question.save(update_fields=["rating", "rated_at", "updated_at"])
    log_action(
        user, "health.question_rated", question, {"rating": rating}, office=question.office,
        person=user,
    )  # fmt: skip
    return question


def find_carer(identifier: str):
    """Return the active account with this e-mail address or verified mobile number."""
    identifier = identifier.strip()
    users = get_user_model().objects.filter(is_active=True)
    if "@" in identifier:
        return users.filter(email__iexact=identifier).first()
    try:
        number = normalise_phone(identifier)
    except ValidationError:
        return None
    return users.filter(mobile=number, mobile_verified=True).first()


@transaction.atomic
def do_name_carer(user, question: Question, identifier: str) -> Question:
    """The person lets a carer (another account) read and write in the question's thread."""
    if not allowed(user, "health.name_carer", question):
        raise PermissionDenied
    carer = find_carer(identifier)
    if carer is None or carer.pk == user.pk:
        raise ValidationError(
            _("No Sala account has this e-mail address or verified mobile number.")
        )
    question = Question.objects.select_for_update().get(pk=question.pk)
    question.carer = carer
    question.save(update_fields=["carer", "updated_at"])
    log_action(user, "health.carer_named", question, office=question.office, person=user)
    notify(
        carer,
        "health.question_shared",
        {"reference": question.reference, "url": question.get_absolute_url()},
        key=f"health-question:{question.pk}:carer:{carer.pk}:{question.updated_at.timestamp()}",
    )
    return question


@transaction.atomic
def do_remove_carer(user, question: Question) -> Question:
    if not allowed(user, "health.name_carer", question):
        raise PermissionDenied
    question = Question.objects.select_for_update().get(pk=question.pk)
    question.carer = None
    question.save(update_fields=["carer", "updated_at"])
    log_action(user, "health.carer_removed", question, office=question.office, person=user)
    return question


def send_overdue_reminders(now=None) -> int:
    """Remind the clinicians of every question waiting past its due time, once per due
    time (a follow-up sets a new one); return how many questions were reminded of."""
    now = now or timezone.now()
    overdue = (
        Question.objects.waiting()
        .filter(due_at__lt=now)
        .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lt=F("due_at")))
        .select_related("office")
    )
    count = 0
    for question in overdue:
        with transaction.atomic():
            for clinician in clinicians_of(question.office):
                notify(
                    clinician,
                    "health.question_overdue",
                    {
                        "reference": question.reference,
                        "office": {"km": question.office.name_km, "en": question.office.name_en},
                        "url": question.get_office_url(),
                    },
                    key=f"health-question:{question.pk}:overdue:{question.due_at.timestamp()}",
                )
            Question.objects.filter(pk=question.pk).update(reminded_at=now)
        count += 1
    return count


@transaction.atomic
def do_follow_up(
    user, question: Question, body: str, photos: Sequence[tuple[UploadedFile, str]] = ()
) -> QuestionMessage:
    """The person (or their carer) writes again, with any checked photos; the question
    waits for the health workers again."""
    if not allowed(user, "health.follow_up_question", question):
        raise PermissionDenied
    question = Question.objects.select_for_update().get(pk=question.pk)
    if question.status == Question.Status.CLOSED:
        raise ValidationError(_("This question is closed. Ask a new question."))
    message = QuestionMessage.objects.create(question=question, author=user, body=body.strip())
    store_photos(question, photos, message)
    question.status = Question.Status.WAITING
    question.due_at = timezone.now() + datetime.timedelta(hours=ANSWER_DUE_HOURS)
    question.save(update_fields=["status", "due_at", "updated_at"])
    log_action(
        user, "health.question_followed_up", question, office=question.office,
        person=question.user,
    )  # fmt: skip
    _notify_health_workers(question)
    return message


def _load(public_id) -> Question:
    try:
        return Question.objects.select_related("office", "user", "carer", "screening").get(
            public_id=public_id
        )
    except (Question.DoesNotExist, ValueError, ValidationError) as exc:
        raise Http404 from exc


def access_question_for_person(user, public_id) -> Question:
    """Return the person's own question, or one they are the named carer of; 404 for
    anyone else."""
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


def questions_of(user) -> QuerySet[Question]:
    """The questions the user asked and those they are the named carer of."""
    return Question.objects.filter(Q(user=user) | Q(carer=user)).select_related("office")


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
