"""Following a course by the portal's Telegram bot (or by SMS): "learn" or "រៀន" lists the
courses the linked account may take; choosing one enrols the person and sends the next
lesson as a message with its link; a lesson without a quiz is marked done with a button;
a quiz is answered one question a message: one choice with a button, several choices by
ticking toggle buttons then "Send", a number or a short text by typing a reply. The attempt
is recorded by `quizzes.do_submit_attempt` as on the web, so scoring and progress are the same.

Button data: "learning:c:<course>", "learning:d:<lesson>", "learning:q:<quiz>" (start),
"learning:a:<quiz>:<index>:<choice>" (one choice), "learning:t:<quiz>:<index>:<choice>"
(tick or untick), "learning:s:<quiz>:<index>" (send the ticked), "learning:x:<quiz>:<index>"
(the typed reply, through `conversations.await_text`). Answers so far wait in the cache.
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
from notifications import conversations
from notifications.conversations import Button, Inbound, Reply, register_buttons, register_keywords

EXCERPT = 700
CHOICE_KINDS = {QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.TRUE_FALSE}
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
    else:
        buttons = ((Button(_("Take the quiz"), f"learning:q:{quiz.pk}"),),)
    return Reply(f"{heading}\n\n{text}", buttons, link=_url(lesson, language))


def _state_key(user: Any, quiz: Quiz) -> str:
    return f"learning:telegram-quiz:{user.pk}:{quiz.pk}"


def _state(user: Any, quiz: Quiz) -> dict[str, Any]:
    return cache.get(_state_key(user, quiz)) or {
        "token": str(quizzes.new_token()),
        "answers": {},
        "ticked": [],
    }


def _question_reply(inbound: Inbound, quiz: Quiz, index: int, ticked: list[int]) -> Reply:
    """The question: buttons for a choice, toggles and "Send" for several, else typing."""
    language = inbound.language
    questions = list(quiz.questions.prefetch_related("choices"))
    question = questions[index]
    prompt = f"({index + 1}/{len(questions)}) " + in_language(
        question.prompt_km, question.prompt_en, language
    )
    if question.kind not in CHOICE_KINDS:
        conversations.await_text(inbound, f"learning:x:{quiz.pk}:{index}")
        hint = (
            _("Type a number.") if question.kind == QuestionKind.NUMBER else _("Type your answer.")
        )
        return Reply(f"{prompt}\n\n{hint}")
    if question.kind != QuestionKind.MULTIPLE:
        data = f"learning:a:{quiz.pk}:{index}"
        return Reply(prompt, tuple(
            (Button(in_language(c.text_km, c.text_en, language), f"{data}:{c.pk}"),)
            for c in question.choices.all()
        ))  # fmt: skip
    toggles = tuple(
        (
            Button(
                ("☑ " if c.pk in ticked else "☐ ") + in_language(c.text_km, c.text_en, language),
                f"learning:t:{quiz.pk}:{index}:{c.pk}",
            ),
        )
        for c in question.choices.all()
    )
    send = ((Button(_("Send my answers"), f"learning:s:{quiz.pk}:{index}"),),)
    tick = _("Tick every right answer, then send.")
    return Reply(f"{prompt}\n\n{tick}", toggles + send)


def _toggle(inbound: Inbound, quiz: Quiz, index: int, choice: int) -> Reply:
    state = _state(inbound.user, quiz)
    ticked = set(state["ticked"]) ^ {choice}
    state["ticked"] = sorted(ticked)
    cache.set(_state_key(inbound.user, quiz), state, QUIZ_STATE_SECONDS)
    return _question_reply(inbound, quiz, index, state["ticked"])


def _answer(inbound: Inbound, quiz: Quiz, index: int, answer: Any) -> Reply:
    """Keep the answer to question `index`; ask the next one or record the attempt."""
    user, language = inbound.user, inbound.language
    enrolment = progress.do_enrol(user, quiz.lesson.module.course)
    state = _state(user, quiz)
    questions = list(quiz.questions.all())
    state["answers"][str(questions[index].pk)] = answer
    state["ticked"] = []
    if index + 1 < len(questions):
        cache.set(_state_key(user, quiz), state, QUIZ_STATE_SECONDS)
        return _question_reply(inbound, quiz, index + 1, [])
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
                return _question_reply(inbound, quiz, 0, [])
            index = int(rest[1])
            if kind == "t":
                return _toggle(inbound, quiz, index, int(rest[2]))
            if kind == "s":
                return _answer(inbound, quiz, index, _state(inbound.user, quiz)["ticked"])
            if kind == "x":
                return _answer(inbound, quiz, index, inbound.text)
            return _answer(inbound, quiz, index, [int(rest[2])])
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
