"""Learning pages: the catalogue and course pages are public (civil servants' courses need
an office role); enrolling, progress, quizzes and certificates need signing in."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.typing import AuthenticatedHttpRequest
from documents.access import open_pdf
from learning import (
    access,
    badges,
    certificates,
    facilitation,
    offline,
    progress,
    quizzes,
    reports,
)
from learning.forms import AssistedLearnerForm, BadgeCheckForm, QuizForm, QuizScoreForm
from learning.models import AssistedLearner, Course, Enrolment, Quiz, QuizAttempt


def _course(request: HttpRequest, slug: str) -> Course:
    try:
        return access.access_course(request.user, slug)
    except PermissionDenied:
        if not request.user.is_authenticated:
            raise _SignInFirst from None
        raise


class _SignInFirst(Exception):
    pass


def _sign_in_first(view):
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except _SignInFirst:
            return redirect_to_login(request.get_full_path())

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _lesson_or_removed(request: HttpRequest, course: Course, lesson_id: int):
    """The lesson, or the page saying it was removed (status 410), progress kept."""
    lesson = course.lessons().filter(pk=lesson_id).select_related("module").first()
    if lesson is not None:
        return lesson, None
    enrolment = access.enrolment_of(request.user, course)
    summary = progress.summary_of(enrolment) if enrolment else None
    page = render(
        request,
        "learning/lesson_removed.html",
        {"course": course, "enrolment": enrolment, "summary": summary},
        status=410,
    )
    return None, page


@require_GET
def courses(request: HttpRequest) -> HttpResponse:
    mine = {}
    if request.user.is_authenticated:
        mine = {e.course_id: e for e in Enrolment.objects.filter(user=request.user)}
    available = access.courses_for(request.user)
    return render(request, "learning/courses.html", {"courses": available, "mine": mine})


@_sign_in_first
@require_GET
def course(request: HttpRequest, slug: str) -> HttpResponse:
    item = _course(request, slug)
    enrolment = access.enrolment_of(request.user, item)
    done = progress.done_lesson_ids(enrolment) if enrolment else set()
    modules = [
        (module, list(module.lessons.select_related("quiz").all())) for module in item.modules.all()
    ]
    return render(
        request,
        "learning/course.html",
        {
            "course": item,
            "modules": modules,
            "enrolment": enrolment,
            "done": done,
            "summary": progress.summary_of(enrolment) if enrolment else None,
            "next_lesson": progress.next_lesson(enrolment) if enrolment else None,
            "may_see_report": reports.may_see_report(request.user, item),
        },
    )


@login_required
@require_POST
def enrol(request: HttpRequest, slug: str) -> HttpResponse:
    item = access.access_course(request.user, slug)
    enrolment = progress.do_enrol(request.user, item)
    lesson = progress.next_lesson(enrolment)
    messages.success(request, _("You are enrolled. Your progress is saved after each lesson."))
    return redirect(lesson.get_absolute_url() if lesson else item.get_absolute_url())


@_sign_in_first
@require_GET
def lesson(request: HttpRequest, slug: str, lesson_id: int) -> HttpResponse:
    item = _course(request, slug)
    current, removed = _lesson_or_removed(request, item, lesson_id)
    if removed:
        return removed
    enrolment = access.enrolment_of(request.user, item)
    lessons = list(item.lessons())
    index = lessons.index(current)
    quiz = getattr(current, "quiz", None)
    return render(
        request,
        "learning/lesson.html",
        {
            "course": item,
            "lesson": current,
            "media": list(current.media.all()),
            "quiz": quiz,
            "enrolment": enrolment,
            "is_done": enrolment is not None and current.pk in progress.done_lesson_ids(enrolment),
            "previous": lessons[index - 1] if index else None,
            "next": lessons[index + 1] if index + 1 < len(lessons) else None,
            "position": index + 1,
            "count": len(lessons),
        },
    )


def _enrolment(request: HttpRequest, course: Course) -> Enrolment:
    enrolment = access.enrolment_of(request.user, course)
    if enrolment is None:
        raise PermissionDenied
    return enrolment


@login_required
@require_POST
def complete_lesson(request: HttpRequest, slug: str, lesson_id: int) -> HttpResponse:
    item = access.access_course(request.user, slug)
    current, removed = _lesson_or_removed(request, item, lesson_id)
    if removed:
        return removed
    enrolment = _enrolment(request, item)
    if hasattr(current, "quiz"):
        return redirect("learning:quiz", slug=slug, lesson_id=lesson_id)
    progress.do_complete_lesson(request.user, enrolment, current)
    following = progress.next_lesson(enrolment)
    return redirect(following.get_absolute_url() if following else item.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def quiz(request: HttpRequest, slug: str, lesson_id: int) -> HttpResponse:
    item = access.access_course(request.user, slug)
    current, removed = _lesson_or_removed(request, item, lesson_id)
    if removed:
        return removed
    the_quiz = getattr(current, "quiz", None)
    if the_quiz is None:
        raise Http404
    enrolment = _enrolment(request, item)
    form = QuizForm(request.POST or None, quiz=the_quiz, initial={"token": quizzes.new_token()})
    left = quizzes.attempts_left(the_quiz, enrolment)
    if request.method == "POST" and form.is_valid():
        try:
            attempt = quizzes.do_submit_attempt(
                request.user, enrolment, the_quiz, form.answers(), form.cleaned_data["token"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(attempt.get_absolute_url())
    return render(
        request,
        "learning/quiz.html",
        {"course": item, "lesson": current, "quiz": the_quiz, "form": form, "left": left},
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def attempt(request: AuthenticatedHttpRequest, attempt_id: int) -> HttpResponse:
    """The learner's own result: each answer right or wrong, with its feedback."""
    item = get_object_or_404(
        QuizAttempt.objects.select_related("enrolment__course", "quiz__lesson"),
        pk=attempt_id,
        enrolment__user=request.user,
    )
    marked = None
    if item.quiz:
        marked, _score = quizzes.mark(item.quiz, item.answers)
    enrolment = item.enrolment
    return render(
        request,
        "learning/attempt.html",
        {
            "attempt": item,
            "marked": marked,
            "course": enrolment.course,
            "left": quizzes.attempts_left(item.quiz, enrolment) if item.quiz else 0,
            "next_lesson": progress.next_lesson(enrolment),
            "summary": progress.summary_of(enrolment),
        },
    )


@login_required
@require_GET
def my_learning(request: AuthenticatedHttpRequest) -> HttpResponse:
    enrolments = Enrolment.objects.filter(user=request.user).select_related("course", "certificate")
    rows = [
        {"enrolment": e, "summary": progress.summary_of(e), "next": progress.next_lesson(e)}
        for e in enrolments
    ]
    attempts = QuizAttempt.objects.filter(enrolment__user=request.user).select_related(
        "quiz__lesson", "enrolment__course"
    )[:50]
    return render(request, "learning/my_learning.html", {"rows": rows, "attempts": attempts})


@login_required
@require_POST
def certificate(request: HttpRequest, slug: str) -> HttpResponse:
    item = access.access_course(request.user, slug)
    enrolment = _enrolment(request, item)
    try:
        certificates.do_issue_certificate(request.user, enrolment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(item.get_absolute_url())
    messages.success(request, _("Your certificate is ready."))
    return redirect(item.get_absolute_url())


@login_required
@require_GET
def badge(request: HttpRequest, slug: str) -> HttpResponse:
    item = access.access_course(request.user, slug)
    enrolment = _enrolment(request, item)
    if enrolment.certificate is None:
        raise Http404
    credential = badges.signed_badge(enrolment, enrolment.certificate)
    response = JsonResponse(credential, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="badge-{item.slug}.json"'
    return response


@require_http_methods(["GET", "POST"])
def check_badge(request: HttpRequest) -> HttpResponse:
    form = BadgeCheckForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        credential = form.cleaned_data["badge"]
        result = {
            "valid": badges.verify_badge(credential),
            "name": str(credential.get("name", ""))[:200],
            "holder": str(credential.get("credentialSubject", {}).get("name", ""))[:200]
            if isinstance(credential.get("credentialSubject"), dict)
            else "",
            "id": str(credential.get("id", "")),
        }
    return render(request, "learning/check_badge.html", {"form": form, "result": result})


@require_GET
def issuer(request: HttpRequest) -> HttpResponse:
    return JsonResponse(badges.issuer_profile(), json_dumps_params={"indent": 2})


@_sign_in_first
@require_GET
def media(request: HttpRequest, media_id: int) -> FileResponse:
    try:
        item = access.access_media(request.user, media_id)
    except PermissionDenied:
        if not request.user.is_authenticated:
            raise _SignInFirst from None
        raise
    return FileResponse(item.file.open("rb"), filename=item.file.name.rsplit("/", 1)[-1])


@_sign_in_first
@require_GET
def offline_pack(request: HttpRequest, slug: str) -> HttpResponse:
    item = _course(request, slug)
    language = get_language() or "km"
    response = HttpResponse(offline.offline_pack(item, language), content_type="text/html")
    response["Content-Disposition"] = f'attachment; filename="{item.slug}-{language}.html"'
    return response


@login_required
@require_GET
def course_report(request: HttpRequest, slug: str) -> HttpResponse:
    """Counts per course and lesson for institutions, and their CSV download."""
    item = reports.access_course_report(request.user, slug)
    report = reports.course_report(item)
    if request.GET.get("format") == "csv":
        response = HttpResponse(reports.report_csv(report), content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="{item.slug}-report.csv"'
        return response
    return render(request, "learning/reports.html", {"report": report})


@login_required
@require_http_methods(["GET", "POST"])
def facilitate(request: HttpRequest) -> HttpResponse:
    """A facilitator's learners without a phone, and adding one."""
    offices = facilitation.facilitator_offices(request.user)
    if not offices.exists():
        raise PermissionDenied
    form = AssistedLearnerForm(request.POST or None, offices=offices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        learner = facilitation.do_add_learner(
            request.user, data["office"], data["name_km"], data["name_latin"]
        )
        messages.success(request, _("%(name)s is added.") % {"name": learner})
        return redirect("learning:facilitate")
    learners = AssistedLearner.objects.filter(office__in=offices).select_related("user", "office")
    return render(
        request,
        "learning/facilitate.html",
        {"form": form, "learners": learners, "courses": access.courses_for(request.user)},
        status=400 if form.errors else 200,
    )


def _quiz_id(lesson) -> int | None:
    quiz = getattr(lesson, "quiz", None)
    return quiz.pk if quiz else None


@login_required
@require_http_methods(["GET", "POST"])
def facilitate_course(request: HttpRequest, learner_id: int, slug: str) -> HttpResponse:
    """Attendance and paper quiz results of one learner in one course."""
    learner = facilitation.access_assisted_learner(request.user, learner_id)
    item = get_object_or_404(Course.objects.published(), slug=slug)
    score_form = QuizScoreForm(request.POST if "score" in request.POST else None)
    if request.method == "POST":
        if "lesson" in request.POST:
            lesson = item.lessons().filter(pk=request.POST["lesson"]).first()
            if lesson is not None:
                facilitation.do_record_attendance(request.user, learner, lesson)
                return redirect(request.path)
            messages.error(request, _("This lesson is no longer part of the course."))
        elif score_form.is_valid():
            the_quiz = Quiz.objects.filter(
                pk=score_form.cleaned_data["quiz"], lesson__module__course=item
            ).first()
            if the_quiz is not None:
                facilitation.do_record_quiz_result(
                    request.user, learner, the_quiz, score_form.cleaned_data["score"]
                )
                return redirect(request.path)
            messages.error(request, _("This quiz is no longer part of the course."))
    enrolment = facilitation.enrolment_for(learner, item)
    records = {}
    if enrolment:
        records = {p.lesson_id: p for p in enrolment.progress.select_related("entered_by")}
    attempts = (
        QuizAttempt.objects.filter(enrolment=enrolment).select_related("entered_by")
        if enrolment
        else QuizAttempt.objects.none()
    )
    lessons = [
        {
            "lesson": lesson,
            "record": records.get(lesson.pk),
            "attempts": [
                a for a in attempts if hasattr(lesson, "quiz") and a.quiz_id == lesson.quiz.pk
            ],
        }
        for lesson in item.lessons().select_related("quiz")
    ]
    return render(
        request,
        "learning/facilitate_course.html",
        {
            "learner": learner,
            "course": item,
            "lessons": lessons,
            "score_form": score_form,
            "summary": progress.summary_of(enrolment) if enrolment else None,
        },
        status=400 if score_form.errors else 200,
    )


@login_required
@require_POST
def facilitate_certificate(
    request: HttpRequest, learner_id: int, slug: str
) -> HttpResponse | FileResponse:
    """The certificate PDF of a learner without a phone, for their facilitator to print."""
    learner = facilitation.access_assisted_learner(request.user, learner_id)
    item = get_object_or_404(Course.objects.published(), slug=slug)
    try:
        document = facilitation.do_certificate_for(request.user, learner, item)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("learning:facilitate_course", learner_id=learner.pk, slug=item.slug)
    response = FileResponse(
        open_pdf(document),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"{document.template_key}-{document.code}.pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response
