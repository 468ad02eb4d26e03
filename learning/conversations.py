"""Following a course by the portal's Telegram bot (or by SMS): "learn" or "រៀន" lists the
courses the linked account may take; choosing one enrols the person and sends the next
lesson as a message with its link; a lesson without a quiz is marked done with a button;
a quiz whose questions each have one right choice is answered with buttons, one question a message,
and recorded by `quizzes.do_submit_attempt` as on the web, so progress is the same. A quiz
with typed answers or several right choices is answered on the web (the link).

Button data: "learning:c:<course>", "learning:d:<lesson>", "learning:q:<quiz>" (start),
"learning:a:<quiz>:<question index>:<choice>". Answers so far wait in the cache.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.languages import in_language
from learning import access, progress, quizzes
from learning.models import Course, Lesson, QuestionKind, Quiz
from learning.richtext import plain_text
from notifications.conversations import Button, Inbound, Reply, register_buttons, register_keywords

EXCERPT = 700
# One button is one answer: questions with several right answers are answered on the web.
BUTTON_KINDS = {QuestionKind.SINGLE, QuestionKind.TRUE_FALSE}
QUIZ_STATE_SECONDS = 24 * 3600


def _url(obj: Any, language: str) -> str:
    with translation.override(language):
        return settings.SALA_SITE_URL + obj.get_absolute_url()


def _unlinked(language: str) -> Reply:
    with translation.override(language):
        return Reply(
            _(
                "Link this chat to your portal account first (My account, then "
                "Notifications), then write “learn” again."
            ),
            link=settings.SALA_SITE_URL + reverse("learning:courses"),
        )


def learn(inbound: Inbound) -> Reply:
    if inbound.user is None:
        return _unlinked(inbound.language)
    with translation.override(inbound.language):
        courses = access.courses_for(inbound.user)[:8]
        if not courses:
            return Reply(_("There is no course yet."))
        buttons = tuple(
            (Button(in_language(c.title_km, c.title_en, inbound.language), f"learning:c:{c.pk}"),)
            for c in courses
        )
        return Reply(_("Choose a course. Each lesson comes as a message with its link."), buttons)


def _lesson_reply(enrolment: Any, language: str) -> Reply:
    lesson = progress.next_lesson(enrolment)
    course = enrolment.course
    if lesson is None:
        return Reply(
            _("You finished every lesson. Get your certificate on the course's page."),
            link=_url(course, language),
        )
    lessons = list(course.lessons().values_list("pk", flat=True))
    title = in_language(lesson.title_km, lesson.title_en, language)
    text = plain_text(in_language(lesson.body_km, lesson.body_en, language))
    if len(text) > EXCERPT:
        text = text[:EXCERPT].rsplit(" ", 1)[0] + " …"
    heading = f"{lessons.index(lesson.pk) + 1}/{len(lessons)}. {title}"
    quiz = getattr(lesson, "quiz", None)
    buttons: tuple[tuple[Button, ...], ...] = ()
    if quiz is None:
        buttons = ((Button(_("I have read this lesson"), f"learning:d:{lesson.pk}"),),)
    elif all(q.kind in BUTTON_KINDS for q in quiz.questions.all()):
        buttons = ((Button(_("Take the quiz"), f"learning:q:{quiz.pk}"),),)
    else:
        text += "\n\n" + _("Answer this lesson's quiz on the web: open the link.")
    return Reply(f"{heading}\n\n{text}", buttons, link=_url(lesson, language))


def _state_key(user: Any, quiz: Quiz) -> str:
    return f"learning:telegram-quiz:{user.pk}:{quiz.pk}"


def _question_reply(quiz: Quiz, index: int, language: str) -> Reply:
    questions = list(quiz.questions.prefetch_related("choices"))
    question = questions[index]
    prompt = in_language(question.prompt_km, question.prompt_en, language)
    buttons = tuple(
        (
            Button(
                in_language(c.text_km, c.text_en, language), f"learning:a:{quiz.pk}:{index}:{c.pk}"
            ),
        )
        for c in question.choices.all()
    )
    return Reply(f"({index + 1}/{len(questions)}) {prompt}", buttons)


def _answer(inbound: Inbound, quiz: Quiz, index: int, choice: int) -> Reply:
    user, language = inbound.user, inbound.language
    enrolment = progress.do_enrol(user, quiz.lesson.module.course)
    state = cache.get(_state_key(user, quiz)) or {"token": str(quizzes.new_token()), "answers": {}}
    questions = list(quiz.questions.all())
    state["answers"][str(questions[index].pk)] = [choice]
    if index + 1 < len(questions):
        cache.set(_state_key(user, quiz), state, QUIZ_STATE_SECONDS)
        return _question_reply(quiz, index + 1, language)
    cache.delete(_state_key(user, quiz))
    try:
        attempt = quizzes.do_submit_attempt(
            user, enrolment, quiz, state["answers"], uuid.UUID(state["token"])
        )
    except ValidationError as error:
        return Reply(" ".join(error.messages), link=_url(quiz.lesson, language))
    verdict = _("You passed.") if attempt.passed else _("Not passed yet.")
    text = _("Your result: %(score)s%% right.") % {"score": attempt.score} + " " + verdict
    if not attempt.passed:
        buttons = ((Button(_("Try again"), f"learning:q:{quiz.pk}"),),)
        return Reply(text, buttons, link=_url(attempt, language))
    following = _lesson_reply(enrolment, language)
    return Reply(f"{text}\n\n{following.text}", following.buttons, link=following.link)


def on_button(inbound: Inbound) -> Reply:
    if inbound.user is None:
        return _unlinked(inbound.language)
    _prefix, kind, *rest = inbound.data.split(":")
    with translation.override(inbound.language):
        try:
            if kind == "c":
                course = access.access_course(inbound.user, Course.objects.get(pk=rest[0]).slug)
                return _lesson_reply(progress.do_enrol(inbound.user, course), inbound.language)
            if kind == "d":
                lesson = Lesson.objects.select_related("module__course").get(pk=rest[0])
                enrolment = progress.do_enrol(inbound.user, lesson.module.course)
                progress.do_complete_lesson(inbound.user, enrolment, lesson)
                return _lesson_reply(enrolment, inbound.language)
            quiz = Quiz.objects.select_related("lesson__module__course").get(pk=rest[0])
            if kind == "q":
                cache.delete(_state_key(inbound.user, quiz))
                return _question_reply(quiz, 0, inbound.language)
            return _answer(inbound, quiz, int(rest[1]), int(rest[2]))
        except (
            Course.DoesNotExist,
            Lesson.DoesNotExist,
            Quiz.DoesNotExist,
            IndexError,
            ValueError,
        ):
            return Reply(_("This lesson is no longer part of the course. Write “learn” to go on."))


register_keywords(["learn", "រៀន"], learn, help_km="រៀន", help_en="learn")
register_buttons("learning", on_button)
