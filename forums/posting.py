"""Asking and answering: threads, replies, votes, follows and the accepted answer.

A post is published at once unless the rules of `holding` keep it for a moderator.
Everything a person relies on goes through a `do_*` action that writes the audit log.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.log import log_action
from core.ratelimit import hit
from forums import roles, writing
from forums.models import Board, Follow, Post, Thread, Visibility, Vote
from geo.models import Area, Facility
from notifications.api import notify

# Fifty posts a minute is a machine: five a minute and forty an hour are plenty for a person.
RATES = ("5/m", "40/h")
NEW_ACCOUNT_DAYS = 7
DUPLICATE_HOURS = 24

FIRST_POST = "first-post"
LINK = "link"
DUPLICATE = "duplicate"


def check_rate(user) -> None:
    """Count one post of the user; refuse it once they write faster than a person does."""
    key = str(user.pk)
    if not all([hit(f"forums.posts.{rate}", key, rate) for rate in RATES]):
        raise ValidationError(
            _("You are posting too fast. Wait a minute, then send again: your text is still here."),
            code="rate",
        )


def is_new_account(user, now: datetime.datetime | None = None) -> bool:
    now = now or timezone.now()
    return user.date_joined > now - datetime.timedelta(days=NEW_ACCOUNT_DAYS)


def _has_published(user) -> bool:
    from forums.models import Comment

    return (
        Post.objects.filter(author=user, visibility=Visibility.PUBLISHED).exists()
        or Comment.objects.filter(author=user, visibility=Visibility.PUBLISHED).exists()
    )


def _is_duplicate(user, text: str) -> bool:
    from forums.models import Comment

    since = timezone.now() - datetime.timedelta(hours=DUPLICATE_HOURS)
    mine = writing.normalised(text)
    earlier = [
        *Post.objects.filter(author=user, created_at__gte=since).values_list("body", flat=True),
        *Comment.objects.filter(author=user, created_at__gte=since).values_list("body", flat=True),
    ]
    return any(writing.normalised(body) == mine for body in earlier)


def hold_reason(user, text: str) -> str:
    """Why a post must wait for a moderator ("" if it need not): a person's first post;
    from a new account, a post with links or one repeating what they wrote already."""
    if roles.is_trusted(user):
        return ""
    if not _has_published(user):
        return FIRST_POST
    if is_new_account(user):
        if writing.has_links(text):
            return LINK
        if _is_duplicate(user, text):
            return DUPLICATE
    return ""


def visible_threads(board: Board) -> QuerySet[Thread]:
    return (
        board.threads.filter(visibility=Visibility.PUBLISHED)
        .select_related("author", "accepted")
        .annotate(replies=Count("posts", filter=Q(posts__visibility=Visibility.PUBLISHED)) - 1)
    )


def posts_for(thread: Thread, viewer) -> list[Post]:
    """The thread's published posts with their votes, and the viewer's own held ones."""
    shown = Q(visibility=Visibility.PUBLISHED)
    if viewer.is_authenticated:
        shown |= Q(author=viewer, visibility=Visibility.HELD)
    return list(
        thread.posts.filter(shown)
        .select_related("author", "office")
        .annotate(score=Count("votes"))
        .order_by("created_at", "pk")
    )


def access_thread(viewer, public_id) -> Thread:
    """A published thread for everyone; a held or hidden one for its author and its
    board's moderators only (others get 404)."""
    thread = (
        Thread.objects.select_related("board__office", "author").filter(public_id=public_id).first()
    )
    if thread is None:
        raise Thread.DoesNotExist
    if thread.visibility != Visibility.PUBLISHED and not (
        viewer.is_authenticated
        and (viewer == thread.author or roles.moderates(viewer, thread.board.office))
    ):
        raise Thread.DoesNotExist
    return thread


def _notify_followers(post: Post) -> None:
    thread = post.thread
    for follow in thread.follows.exclude(user=post.author).select_related("user"):
        notify(
            follow.user,
            "forums.reply",
            {"title": thread.title, "url": post.get_absolute_url(), "thread_id": thread.pk},
            key=f"forums-reply:{post.pk}:{follow.user_id}",
        )


def publish(post: Post) -> None:
    """Make a post visible: its thread too if it opened it, and tell the followers."""
    post.visibility = Visibility.PUBLISHED
    post.held_because = ""
    post.save(update_fields=["visibility", "held_because"])
    thread = post.thread
    if post.is_opening:
        thread.visibility = Visibility.PUBLISHED
    thread.last_activity_at = timezone.now()
    thread.save(update_fields=["visibility", "last_activity_at"])
    if not post.is_opening:
        _notify_followers(post)


@transaction.atomic
def do_ask(user, board: Board, title: str, body: str) -> Thread:
    """Open a thread on the board; the asker follows it."""
    body = writing.check(body)
    title = (title or "").strip()
    if not title:
        raise ValidationError(_("Write a title for your question."))
    check_rate(user)
    reason = hold_reason(user, f"{title}\n{body}")
    visibility = Visibility.HELD if reason else Visibility.PUBLISHED
    thread = Thread.objects.create(board=board, author=user, title=title, visibility=visibility)
    Post.objects.create(
        thread=thread, author=user, body=body, html=writing.render(body), is_opening=True,
        visibility=visibility, held_because=reason,
    )  # fmt: skip
    Follow.objects.create(thread=thread, user=user)
    log_action(
        user, "forums.thread_opened", thread, {"held": reason}, office=board.office, person=user
    )
    return thread


@transaction.atomic
def do_reply(user, thread: Thread, body: str, *, office: Facility | None = None) -> Post:
    """Reply to a thread; an officer may answer for one of their offices (the badge)."""
    body = writing.check(body)
    if thread.visibility != Visibility.PUBLISHED:
        raise ValidationError(_("This question is not open for replies."))
    if office is not None and not roles.answering_offices(user).filter(pk=office.pk).exists():
        raise PermissionDenied
    check_rate(user)
    reason = hold_reason(user, body)
    post = Post.objects.create(
        thread=thread, author=user, office=office, body=body, html=writing.render(body),
        visibility=Visibility.HELD, held_because=reason,
    )  # fmt: skip
    if not reason:
        publish(post)
    log_action(
        user, "forums.replied", post,
        {"thread": str(thread.public_id), "office": office.code if office else "", "held": reason},
        office=thread.board.office, person=user,
    )  # fmt: skip
    return post


def may_accept(user, thread: Thread) -> bool:
    return user.is_authenticated and (
        user == thread.author or roles.moderates(user, thread.board.office)
    )


@transaction.atomic
def do_accept(user, thread: Thread, post: Post) -> Thread:
    """The asker (or a moderator) marks the answer that solved the question."""
    if not may_accept(user, thread):
        raise PermissionDenied
    if post.thread_id != thread.pk or post.is_opening or post.visibility != Visibility.PUBLISHED:
        raise ValidationError(_("Choose one of the answers to this question."))
    thread.accepted = post
    thread.save(update_fields=["accepted"])
    log_action(
        user, "forums.answer_accepted", thread, {"post": str(post.public_id)},
        office=thread.board.office, person=post.author,
    )  # fmt: skip
    if post.author_id != user.pk:
        notify(
            post.author,
            "forums.answer_accepted",
            {"title": thread.title, "url": post.get_absolute_url()},
            key=f"forums-accepted:{thread.pk}:{post.pk}",
        )
    return thread


@transaction.atomic
def do_vote(user, post: Post) -> bool:
    """Vote for a helpful post, or take the vote back; return whether it now counts."""
    if post.author_id == user.pk:
        raise ValidationError(_("You cannot vote for your own post."))
    if post.visibility != Visibility.PUBLISHED:
        raise ValidationError(_("This post cannot be voted for."))
    deleted, _rows = Vote.objects.filter(post=post, user=user).delete()
    if not deleted:
        Vote.objects.create(post=post, user=user)
    log_action(user, "forums.voted", post, {"counts": not deleted}, person=post.author)
    return not deleted


@transaction.atomic
def do_follow(user, thread: Thread) -> bool:
    """Follow a thread (a notification for each new reply), or stop; return following."""
    deleted, _rows = Follow.objects.filter(thread=thread, user=user).delete()
    if not deleted:
        Follow.objects.create(thread=thread, user=user)
    log_action(user, "forums.followed", thread, {"following": not deleted}, person=user)
    return not deleted


@transaction.atomic
def do_open_commune_board(user, hall: Facility) -> Board:
    """A commune hall opens the board of its commune, kept by its own moderators."""
    if not roles.commune_halls_to_open(user).filter(pk=hall.pk).exists():
        raise PermissionDenied
    area = hall.area
    board = Board.objects.create(
        slug=f"commune-{area.code}", kind=Board.Kind.AREA, area=area, office=hall,
        title_km=f"ឃុំ/សង្កាត់{area.name_km}", title_en=f"{area.name_en} commune",
        description_km=f"សំណួរ និងចម្លើយអំពីជីវភាព និងសេវានៅ{area.name_km}។",
        description_en=f"Questions and answers about life and services in {area.name_en}.",
    )  # fmt: skip
    log_action(user, "forums.board_opened", board, {"area": area.code}, office=hall)
    return board


def open_province_boards() -> int:
    """Give every current province its board (idempotent); return how many were added."""
    added = 0
    for province in Area.objects.filter(level=Area.Level.PROVINCE, is_current=True):
        _board, created = Board.objects.get_or_create(
            kind=Board.Kind.AREA, area=province,
            defaults={
                "slug": f"province-{province.code}",
                "title_km": province.name_km, "title_en": province.name_en,
                "description_km": f"សំណួរ និងចម្លើយសម្រាប់អ្នករស់នៅ{province.name_km}។",
                "description_en": f"Questions and answers for people living in {province.name_en}.",
            },
        )  # fmt: skip
        added += created
    return added
