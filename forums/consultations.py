"""Public consultations: an institution or commune puts a question or a draft to the
public until a closing date; people comment and support it; once the supports reach the
threshold the office set, it owes a public response within its own deadline, and the
page shows the clock."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import OfficeMembership
from audit.log import log_action
from forums import roles, writing
from forums.models import Comment, Consultation, Support, Visibility
from forums.posting import check_rate, hold_reason
from geo.models import Facility
from notifications.api import notify

OPEN = "open"
CLOSED = "closed"
RESPONSE_DUE = "response-due"
RESPONSE_OVERDUE = "response-overdue"
RESPONDED = "responded"


@dataclass(frozen=True)
class Clock:
    """Where a consultation stands, and the moment the page counts towards."""

    phase: str
    until: datetime.datetime | None
    days: int
    hours: int


def clock(consultation: Consultation, now: datetime.datetime | None = None) -> Clock:
    now = now or timezone.now()
    if consultation.responded_at is not None:
        return Clock(RESPONDED, consultation.responded_at, 0, 0)
    due = consultation.response_due_at
    if due is not None:
        left = due - now
        phase = RESPONSE_DUE if left.total_seconds() > 0 else RESPONSE_OVERDUE
        return Clock(phase, due, *_days_hours(abs(left)))
    if consultation.is_open(now):
        return Clock(OPEN, consultation.closes_at, *_days_hours(consultation.closes_at - now))
    return Clock(CLOSED, consultation.closes_at, 0, 0)


def _days_hours(span: datetime.timedelta) -> tuple[int, int]:
    hours = int(span.total_seconds() // 3600)
    return hours // 24, hours % 24


def listed() -> QuerySet[Consultation]:
    return Consultation.objects.select_related("office").order_by("-opened_at")


def visible_comments(consultation: Consultation, viewer) -> QuerySet[Comment]:
    from django.db.models import Q

    shown = Q(visibility=Visibility.PUBLISHED)
    if viewer.is_authenticated:
        shown |= Q(author=viewer, visibility=Visibility.HELD)
    return consultation.comments.filter(shown).select_related("author")


@transaction.atomic
def do_publish(
    user, office: Facility, *, title_km: str, title_en: str, body_km: str, body_en: str,
    closes_at: datetime.datetime, threshold: int, response_days: int,
) -> Consultation:  # fmt: skip
    """An editor or head of office puts a question or draft to the public."""
    if not roles.may_publish_for(user, office):
        raise PermissionDenied
    if closes_at <= timezone.now():
        raise ValidationError(_("The closing date must be in the future."))
    body_km, body_en = writing.check(body_km), writing.check(body_en)
    consultation = Consultation.objects.create(
        office=office, created_by=user, title_km=title_km.strip(), title_en=title_en.strip(),
        body_km=body_km, body_en=body_en, html_km=writing.render(body_km),
        html_en=writing.render(body_en), closes_at=closes_at, threshold=threshold,
        response_days=response_days,
    )  # fmt: skip
    log_action(
        user, "forums.consultation_published", consultation,
        {"threshold": threshold, "closes_at": closes_at.isoformat()}, office=office,
    )  # fmt: skip
    return consultation


def _must_be_open(consultation: Consultation) -> None:
    if not consultation.is_open():
        raise ValidationError(_("This consultation has closed."))


@transaction.atomic
def do_comment(user, consultation: Consultation, body: str) -> Comment:
    body = writing.check(body)
    _must_be_open(consultation)
    check_rate(user)
    reason = hold_reason(user, body)
    comment = Comment.objects.create(
        consultation=consultation, author=user, body=body, html=writing.render(body),
        visibility=Visibility.HELD if reason else Visibility.PUBLISHED, held_because=reason,
    )  # fmt: skip
    log_action(
        user, "forums.commented", comment, {"held": reason}, office=consultation.office,
        person=user,
    )  # fmt: skip
    return comment


def _publishers_of(office: Facility):
    members = OfficeMembership.objects.active().filter(
        office=office, role__code__in=roles.PUBLISHING_ROLES
    )
    return {membership.user for membership in members.select_related("user")}


@transaction.atomic
def do_support(user, consultation: Consultation) -> Consultation:
    """Support a consultation once; the support that reaches the threshold starts the
    office's response clock and tells its editors and head."""
    _must_be_open(consultation)
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if Support.objects.filter(consultation=consultation, user=user).exists():
        raise ValidationError(_("You support this consultation already."))
    Support.objects.create(consultation=consultation, user=user)
    log_action(user, "forums.supported", consultation, office=consultation.office, person=user)
    count = consultation.supports.count()
    if consultation.response_due_at is None and count >= consultation.threshold:
        now = timezone.now()
        consultation.response_due_at = now + datetime.timedelta(days=consultation.response_days)
        consultation.save(update_fields=["response_due_at"])
        log_action(
            None, "forums.response_owed", consultation, {"supports": count},
            office=consultation.office,
        )  # fmt: skip
        for officer in _publishers_of(consultation.office):
            notify(
                officer, "forums.response_owed",
                {"title": {"km": consultation.title_km, "en": consultation.title_en},
                 "url": consultation.get_absolute_url()},
                key=f"forums-owed:{consultation.pk}:{officer.pk}",
            )  # fmt: skip
    return consultation


@transaction.atomic
def do_respond(user, consultation: Consultation, response_km: str, response_en: str):
    """The office publishes its response; everyone who supported is told."""
    if not roles.may_publish_for(user, consultation.office):
        raise PermissionDenied
    if consultation.responded_at is not None:
        raise ValidationError(_("The response is published already."))
    response_km, response_en = writing.check(response_km), writing.check(response_en)
    consultation.response_km, consultation.response_en = (
        writing.render(response_km),
        writing.render(response_en),
    )
    consultation.responded_at, consultation.responded_by = timezone.now(), user
    consultation.save(update_fields=["response_km", "response_en", "responded_at", "responded_by"])
    log_action(user, "forums.responded", consultation, office=consultation.office)
    for support in consultation.supports.select_related("user"):
        notify(
            support.user, "forums.consultation_answered",
            {"title": {"km": consultation.title_km, "en": consultation.title_en},
             "url": consultation.get_absolute_url()},
            key=f"forums-answered:{consultation.pk}:{support.user_id}",
        )  # fmt: skip
    return consultation
