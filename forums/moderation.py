"""Keeping boards and consultations civil: reports of abuse, the moderation queue of
each office, and what moderators do about a post or comment. Every action is audited
and told to the author with the reason, through notifications."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from audit.log import log_action
from forums import posting, roles
from forums.forms import HideForm
from forums.models import AbuseReport, Comment, Post, Visibility
from geo.models import Facility
from notifications.api import notify

Item = Post | Comment


def office_of(item: Item) -> Facility | None:
    if isinstance(item, Post):
        return item.thread.board.office
    return item.consultation.office


def url_of(item: Item) -> str:
    if isinstance(item, Post):
        return item.get_absolute_url()
    return item.consultation.get_absolute_url()


def reason_labels(reason: str) -> dict[str, str]:
    """The reason in both languages, for the author's notification."""
    labels = {}
    for language in ("km", "en"):
        with translation.override(language):
            labels[language] = str(AbuseReport.Reason(reason).label)
    return labels


@transaction.atomic
def do_report(user, item: Item, reason: str, note: str = "") -> AbuseReport:
    """Anyone signed in reports a post or comment that breaks the rules."""
    if reason not in AbuseReport.Reason.values:
        raise ValidationError(_("Choose why you are reporting this."))
    if item.visibility != Visibility.PUBLISHED:
        raise ValidationError(_("This post is not shown, so it cannot be reported."))
    report = AbuseReport.objects.create(
        reporter=user,
        reason=reason,
        note=(note or "").strip()[:2000],
        post=item if isinstance(item, Post) else None,
        comment=item if isinstance(item, Comment) else None,
    )
    log_action(user, "forums.reported", item, {"reason": reason}, office=office_of(item))
    return report


@dataclass
class Waiting:
    """One item in the queue, with the hide form of its own (prefixed, unique ids)."""

    kind: str
    item: Item
    hide_form: HideForm
    report: AbuseReport | None = None


@dataclass
class Queue:
    office: Facility | None
    held: list[Waiting]
    reports: list[Waiting]

    @property
    def is_empty(self) -> bool:
        return not (self.held or self.reports)


def queue_of(office: Facility | None) -> Queue:
    """What waits for the office's moderators: held posts and comments, open reports."""
    posts = (
        Post.objects.filter(thread__board__office=office, visibility=Visibility.HELD)
        .select_related("author", "thread")
        .order_by("created_at")
    )
    comments = (
        Comment.objects.filter(consultation__office=office, visibility=Visibility.HELD)
        .select_related("author", "consultation")
        .order_by("created_at")
    )
    held = [_waiting("post", post) for post in posts]
    held += [_waiting("comment", comment) for comment in comments]
    reports = [
        _waiting("post" if report.post_id else "comment", report.item, report)
        for report in _open_reports(office)
    ]
    return Queue(office=office, held=held, reports=reports)


def _waiting(kind: str, item, report: AbuseReport | None = None) -> Waiting:
    prefix = f"report-{report.pk}" if report else f"{kind}-{item.pk}"
    return Waiting(kind, item, HideForm(prefix=prefix), report)


def _open_reports(office: Facility | None) -> list[AbuseReport]:
    return list(
        AbuseReport.objects.filter(resolved_at__isnull=True)
        .filter(Q(post__thread__board__office=office) | Q(comment__consultation__office=office))
        .select_related("post__author", "post__thread", "comment__consultation", "reporter")
        .order_by("created_at")
    )


def _check_moderator(user, item: Item) -> None:
    if not roles.moderates(user, office_of(item)):
        raise PermissionDenied


def _resolve_reports(user, item: Item) -> None:
    item.reports.filter(resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=user
    )


@transaction.atomic
def do_approve(user, item: Item) -> Item:
    """Publish a held post or comment, and tell its author."""
    _check_moderator(user, item)
    if item.visibility != Visibility.HELD:
        raise ValidationError(_("This post is no longer waiting."))
    if isinstance(item, Post):
        posting.publish(item)
    else:
        item.visibility, item.held_because = Visibility.PUBLISHED, ""
        item.save(update_fields=["visibility", "held_because"])
    log_action(user, "forums.approved", item, office=office_of(item), person=item.author)
    notify(
        item.author, "forums.post_approved", {"url": url_of(item)},
        key=f"forums-approved:{item._meta.model_name}:{item.pk}",
    )  # fmt: skip
    return item


@transaction.atomic
def do_hide(user, item: Item, reason: str, note: str = "") -> Item:
    """Hide a post or comment (held or shown) for a reason the author is told."""
    _check_moderator(user, item)
    if reason not in AbuseReport.Reason.values:
        raise ValidationError(_("Choose why you hide this."))
    if item.visibility == Visibility.HIDDEN:
        raise ValidationError(_("This post is already hidden."))
    item.visibility = Visibility.HIDDEN
    item.save(update_fields=["visibility"])
    if isinstance(item, Post) and item.is_opening:
        item.thread.visibility = Visibility.HIDDEN
        item.thread.save(update_fields=["visibility"])
    _resolve_reports(user, item)
    note = (note or "").strip()[:1000]
    log_action(
        user, "forums.hidden", item, {"reason": reason, "note": note}, office=office_of(item),
        person=item.author,
    )  # fmt: skip
    notify(
        item.author,
        "forums.post_hidden",
        {"reason": reason_labels(reason), "note": note, "url": url_of(item)},
        key=f"forums-hidden:{item._meta.model_name}:{item.pk}",
    )
    return item


@transaction.atomic
def do_dismiss(user, report: AbuseReport) -> AbuseReport:
    """Keep a reported post shown: the report was not founded."""
    item = report.item
    _check_moderator(user, item)
    if report.resolved_at is not None:
        raise ValidationError(_("This report was dealt with already."))
    report.resolved_at, report.resolved_by = timezone.now(), user
    report.save(update_fields=["resolved_at", "resolved_by"])
    log_action(user, "forums.report_dismissed", item, {"report": report.pk}, office=office_of(item))
    return report
