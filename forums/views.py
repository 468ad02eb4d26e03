"""Forum and consultation pages. Reading works signed out and without JavaScript;
writing needs an account. Bad input re-shows the form with what was written."""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from forums import consultations, moderation, posting, roles
from forums.forms import (
    AskForm,
    CommentForm,
    ConsultationForm,
    HideForm,
    ReplyForm,
    ReportForm,
    ResponseForm,
)
from forums.models import AbuseReport, Board, Comment, Consultation, Post, Thread, Visibility
from geo.models import Facility

RATE_CODE = "rate"


def _status_of(error: ValidationError) -> int:
    return 429 if getattr(error, "code", None) == RATE_CODE else 400


def _thread(request: HttpRequest, public_id) -> Thread:
    try:
        return posting.access_thread(request.user, public_id)
    except Thread.DoesNotExist:
        raise Http404 from None


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    boards = Board.objects.select_related("area", "office")
    return render(
        request,
        "forums/index.html",
        {
            "topic_boards": [b for b in boards if b.kind == Board.Kind.TOPIC],
            "area_boards": [b for b in boards if b.kind == Board.Kind.AREA],
            "consultations": consultations.listed()[:5],
            "halls_to_open": roles.commune_halls_to_open(request.user)
            if request.user.is_authenticated
            else [],
        },
    )


@require_GET
def board(request: HttpRequest, slug: str) -> HttpResponse:
    board = get_object_or_404(Board.objects.select_related("office", "area"), slug=slug)
    threads = posting.visible_threads(board)[:100]
    return render(request, "forums/board.html", {"board": board, "threads": threads})


@login_required
@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest, slug: str) -> HttpResponse:
    board = get_object_or_404(Board, slug=slug)
    form = AskForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                thread = posting.do_ask(request.user, board, data["title"], data["body"])
            except ValidationError as error:
                form.add_error(None, error)
                status = _status_of(error)
            else:
                if thread.visibility == Visibility.HELD:
                    messages.info(request, _held_message())
                else:
                    messages.success(request, _("Your question is published."))
                return HttpResponseRedirect(thread.get_absolute_url())
    return render(request, "forums/ask.html", {"board": board, "form": form}, status=status)


def _held_message() -> str:
    return _(
        "Thank you. A moderator checks a new account's first post, and posts with links, "
        "before everyone sees them; you will be told when it is published."
    )


def _thread_page(request, thread: Thread, form: ReplyForm, status: int = 200) -> HttpResponse:
    user = request.user
    following = user.is_authenticated and thread.follows.filter(user=user).exists()
    voted = (
        set(thread.posts.filter(votes__user=user).values_list("pk", flat=True))
        if user.is_authenticated
        else set()
    )
    return render(
        request,
        "forums/thread.html",
        {
            "thread": thread,
            "posts": posting.posts_for(thread, user),
            "form": form,
            "following": following,
            "voted": voted,
            "may_accept": posting.may_accept(user, thread),
            "may_moderate": roles.moderates(user, thread.board.office),
        },
        status=status,
    )


@require_GET
def thread(request: HttpRequest, public_id) -> HttpResponse:
    thread = _thread(request, public_id)
    return _thread_page(request, thread, ReplyForm(user=request.user))


@login_required
@require_POST
def reply(request: HttpRequest, public_id) -> HttpResponse:
    thread = _thread(request, public_id)
    form = ReplyForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            post = posting.do_reply(
                request.user, thread, form.cleaned_data["body"],
                office=form.cleaned_data.get("answer_as"),
            )  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error)
            return _thread_page(request, thread, form, status=_status_of(error))
        if post.visibility == Visibility.HELD:
            messages.info(request, _held_message())
        else:
            messages.success(request, _("Your answer is published."))
        return HttpResponseRedirect(post.get_absolute_url())
    return _thread_page(request, thread, form, status=400)


def _post(thread: Thread, public_id) -> Post:
    return get_object_or_404(Post, thread=thread, public_id=public_id)


@login_required
@require_POST
def accept(request: HttpRequest, public_id, post_id) -> HttpResponse:
    thread = _thread(request, public_id)
    try:
        posting.do_accept(request.user, thread, _post(thread, post_id))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You marked the accepted answer."))
    return HttpResponseRedirect(thread.get_absolute_url())


@login_required
@require_POST
def vote(request: HttpRequest, public_id, post_id) -> HttpResponse:
    thread = _thread(request, public_id)
    post = _post(thread, post_id)
    try:
        counts = posting.do_vote(request.user, post)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Your vote counts.") if counts else _("You took your vote back.")
        )
    return HttpResponseRedirect(post.get_absolute_url())


@login_required
@require_POST
def follow(request: HttpRequest, public_id) -> HttpResponse:
    thread = _thread(request, public_id)
    if posting.do_follow(request.user, thread):
        messages.success(request, _("You follow this question: each new answer is sent to you."))
    else:
        messages.success(request, _("You no longer follow this question."))
    return HttpResponseRedirect(thread.get_absolute_url())


def _report_page(request, item, form, back: str, status: int = 200) -> HttpResponse:
    return render(
        request, "forums/report.html", {"item": item, "form": form, "back": back}, status=status
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_post(request: HttpRequest, public_id, post_id) -> HttpResponse:
    thread = _thread(request, public_id)
    return _report(request, _post(thread, post_id), thread.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def report_comment(request: HttpRequest, public_id) -> HttpResponse:
    comment = get_object_or_404(
        Comment.objects.select_related("consultation"),
        public_id=public_id,
        visibility=Visibility.PUBLISHED,
    )
    return _report(request, comment, comment.consultation.get_absolute_url())


def _report(request, item, back: str) -> HttpResponse:
    form = ReportForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                moderation.do_report(
                    request.user, item, form.cleaned_data["reason"], form.cleaned_data["note"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Thank you: a moderator will look at it."))
                return HttpResponseRedirect(back)
        return _report_page(request, item, form, back, status=400)
    return _report_page(request, item, form, back)


# --- Moderation ------------------------------------------------------------------------

PORTAL = "portal"


def _moderated_office(request, code: str) -> Facility | None:
    """The office whose queue this is (None: the boards of no office, administrators')."""
    if code == PORTAL:
        if not request.user.is_superuser:
            raise PermissionDenied
        return None
    office = get_object_or_404(Facility, code=code)
    if not roles.moderates(request.user, office):
        raise PermissionDenied
    return office


@login_required
@require_GET
def moderation_offices(request: HttpRequest) -> HttpResponse:
    offices = list(roles.moderated_offices(request.user))
    if not offices and not request.user.is_superuser:
        raise PermissionDenied
    if len(offices) == 1 and not request.user.is_superuser:
        return HttpResponseRedirect(reverse("forums:moderation", args=[offices[0].code]))
    return render(request, "forums/moderation_offices.html", {"offices": offices})


@login_required
@require_GET
def moderation_queue(request: HttpRequest, code: str) -> HttpResponse:
    office = _moderated_office(request, code)
    return render(
        request,
        "forums/moderation.html",
        {"queue": moderation.queue_of(office), "code": code},
    )


def _prefix(value: str) -> str:
    """The prefix of the hide form that was sent: the queue shows one form per item."""
    return value if re.fullmatch(r"[a-z0-9-]{1,60}", value) else "hide"


def _item(kind: str, public_id):
    model = {"post": Post, "comment": Comment}.get(kind)
    if model is None:
        raise Http404
    return get_object_or_404(model, public_id=public_id)


@login_required
@require_POST
def moderate(request: HttpRequest, code: str, kind: str, public_id, action: str) -> HttpResponse:
    _moderated_office(request, code)
    item = _item(kind, public_id)
    try:
        if action == "approve":
            moderation.do_approve(request.user, item)
            messages.success(request, _("Published; the author is told."))
        elif action == "hide":
            form = HideForm(request.POST, prefix=_prefix(request.POST.get("form_prefix", "")))
            if not form.is_valid():
                raise ValidationError(_("Choose why you hide this."))
            moderation.do_hide(
                request.user, item, form.cleaned_data["reason"], form.cleaned_data["note"]
            )
            messages.success(request, _("Hidden; the author is told why."))
        else:
            raise Http404
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return HttpResponseRedirect(reverse("forums:moderation", args=[code]))


@login_required
@require_POST
def dismiss(request: HttpRequest, code: str, report_id: int) -> HttpResponse:
    _moderated_office(request, code)
    report = get_object_or_404(AbuseReport, pk=report_id)
    try:
        moderation.do_dismiss(request.user, report)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The report is closed; the post stays."))
    return HttpResponseRedirect(reverse("forums:moderation", args=[code]))


@login_required
@require_POST
def open_board(request: HttpRequest, code: str) -> HttpResponse:
    hall = get_object_or_404(Facility, code=code)
    board = posting.do_open_commune_board(request.user, hall)
    messages.success(request, _("The board of your commune is open."))
    return HttpResponseRedirect(board.get_absolute_url())


# --- Consultations ---------------------------------------------------------------------


@require_GET
def consultation_list(request: HttpRequest) -> HttpResponse:
    items = [(c, consultations.clock(c)) for c in consultations.listed()[:50]]
    may_publish = request.user.is_authenticated and roles.publishing_offices(request.user).exists()
    return render(
        request, "forums/consultations.html", {"items": items, "may_publish": may_publish}
    )


def _consultation_page(request, consultation, form, status: int = 200) -> HttpResponse:
    user = request.user
    return render(
        request,
        "forums/consultation.html",
        {
            "consultation": consultation,
            "clock": consultations.clock(consultation),
            "supports": consultation.supports.count(),
            "supported": user.is_authenticated and consultation.supports.filter(user=user).exists(),
            "comments": consultations.visible_comments(consultation, user),
            "form": form,
            "may_respond": user.is_authenticated
            and roles.may_publish_for(user, consultation.office)
            and consultation.responded_at is None,
        },
        status=status,
    )


def _consultation(public_id) -> Consultation:
    return get_object_or_404(Consultation.objects.select_related("office"), public_id=public_id)


@require_GET
def consultation(request: HttpRequest, public_id) -> HttpResponse:
    return _consultation_page(request, _consultation(public_id), CommentForm())


@login_required
@require_POST
def comment(request: HttpRequest, public_id) -> HttpResponse:
    item = _consultation(public_id)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            made = consultations.do_comment(request.user, item, form.cleaned_data["body"])
        except ValidationError as error:
            form.add_error(None, error)
            return _consultation_page(request, item, form, status=_status_of(error))
        if made.visibility == Visibility.HELD:
            messages.info(request, _held_message())
        else:
            messages.success(request, _("Your comment is published."))
        return HttpResponseRedirect(item.get_absolute_url())
    return _consultation_page(request, item, form, status=400)


@login_required
@require_POST
def support(request: HttpRequest, public_id) -> HttpResponse:
    item = _consultation(public_id)
    try:
        consultations.do_support(request.user, item)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Thank you for your support."))
    return HttpResponseRedirect(item.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def new_consultation(request: HttpRequest) -> HttpResponse:
    if not roles.publishing_offices(request.user).exists():
        raise PermissionDenied
    form = ConsultationForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                item = consultations.do_publish(
                    request.user, data["office"], title_km=data["title_km"],
                    title_en=data["title_en"], body_km=data["body_km"], body_en=data["body_en"],
                    closes_at=form.closes_at(), threshold=data["threshold"],
                    response_days=data["response_days"],
                )  # fmt: skip
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The consultation is published."))
                return HttpResponseRedirect(item.get_absolute_url())
        return render(request, "forums/consultation_form.html", {"form": form}, status=400)
    return render(request, "forums/consultation_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def respond(request: HttpRequest, public_id) -> HttpResponse:
    item = _consultation(public_id)
    if not roles.may_publish_for(request.user, item.office):
        raise PermissionDenied
    form = ResponseForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                consultations.do_respond(
                    request.user, item, form.cleaned_data["response_km"],
                    form.cleaned_data["response_en"],
                )  # fmt: skip
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The response is published."))
                return HttpResponseRedirect(item.get_absolute_url())
        return render(
            request, "forums/respond.html", {"form": form, "consultation": item}, status=400
        )
    return render(request, "forums/respond.html", {"form": form, "consultation": item})
