"""Following a course by the Telegram bot: the lesson as a message with its link, "done" and
the quiz with buttons; the progress is the same as on the web."""

from __future__ import annotations

import pytest
from django.utils import translation

from accounts.tests.factories import create_user
from learning.models import Enrolment, LessonProgress, QuizAttempt
from learning.progress import summary_of
from learning.tests.factories import add_choice, create_course
from notifications.conversations import dispatch, inbound_button, inbound_message

pytestmark = pytest.mark.django_db
CHAT = "7001"


def press(user, reply, label):
    [data] = [b.data for b in reply.choices() if b.label == label]
    return dispatch(inbound_button("telegram", CHAT, data, user))


def test_a_course_followed_by_telegram_is_the_same_progress_as_on_the_web(settings):
    small = create_course()
    small.questions["multiple"].delete()
    small.questions["number"].delete()
    small.questions["text"].delete()
    add_choice(small.questions["single"], "ប្អូន", "My brother")
    learner = create_user("learner", preferred_language="en")

    reply = dispatch(inbound_message("telegram", CHAT, "learn", learner))
    reply = press(learner, reply, "Using the portal safely")
    assert reply.text.startswith("1/3. Passwords")
    assert "Use a long password." in reply.text
    with translation.override("en"):
        lesson_url = small.lessons[0].get_absolute_url()
    assert reply.link == f"{settings.SALA_SITE_URL}{lesson_url}"
    reply = press(learner, reply, "I have read this lesson")
    assert reply.text.startswith("2/3. Sign-in codes")
    reply = press(learner, reply, "I have read this lesson")
    reply = press(learner, reply, "Take the quiz")
    assert reply.text == "(1/2) Who may ask for your code?"
    reply = press(learner, reply, "The police")
    reply = press(learner, reply, "False")
    assert "50% right" in reply.text and "Not passed yet." in reply.text
    reply = press(learner, reply, "Try again")
    reply = press(learner, reply, "No one")
    reply = press(learner, reply, "False")
    assert "100% right" in reply.text
    assert "certificate" in reply.text

    enrolment = Enrolment.objects.get(user=learner)
    assert summary_of(enrolment).complete and enrolment.completed_at is not None
    assert LessonProgress.objects.count() == 3
    assert list(QuizAttempt.objects.order_by("number").values_list("score", flat=True)) == [50, 100]


def test_an_unlinked_chat_is_asked_to_link_the_account_and_khmer_gets_khmer():
    create_course()
    reply = dispatch(inbound_message("telegram", CHAT, "learn", None))
    assert "Link this chat" in reply.text
    khmer = dispatch(inbound_message("telegram", CHAT, "រៀន", create_user("learner")))
    assert khmer.text == "ជ្រើសរើសវគ្គសិក្សាមួយ។ មេរៀននីមួយៗនឹងមកជាសារ ជាមួយតំណរបស់វា។"
    assert [b.label for b in khmer.choices()] == ["ប្រើវិបផតថលដោយសុវត្ថិភាព"]


def test_a_lesson_removed_meanwhile_is_answered_kindly():
    small = create_course()
    learner = create_user("learner", preferred_language="en")
    stale = f"learning:d:{small.lessons[0].pk}"
    small.lessons[0].delete()
    # Another chat: a button's reply is in the language the chat last wrote in.
    reply = dispatch(inbound_button("telegram", "7002", stale, learner))
    assert "no longer part of the course" in reply.text


def say(user, text):
    return dispatch(inbound_message("telegram", CHAT, text, user))


def test_every_kind_of_question_is_answered_in_telegram_and_scored_as_on_the_web():
    small = create_course()
    learner = create_user("learner", preferred_language="en")
    enrolment = Enrolment.objects.create(user=learner, course=small.course)
    say(learner, "learn")  # the chat writes in English
    for lesson in small.lessons[:2]:
        dispatch(inbound_button("telegram", CHAT, f"learning:d:{lesson.pk}", learner))
    reply = dispatch(inbound_button("telegram", CHAT, f"learning:q:{small.quiz.pk}", learner))
    reply = press(learner, reply, "No one")
    assert reply.text.startswith("(2/5) Signs of a scam")
    assert [b.label for b in reply.choices()] == [
        "☐ Hurry", "☐ A prize", "☐ Your real name", "Send my answers"
    ]  # fmt: skip
    reply = press(learner, reply, "☐ Hurry")
    reply = press(learner, reply, "☐ Your real name")
    reply = press(learner, reply, "☐ A prize")
    reply = press(learner, reply, "☑ Your real name")  # ticked by mistake, unticked
    assert [b.label for b in reply.choices()][:3] == ["☑ Hurry", "☑ A prize", "☐ Your real name"]
    reply = press(learner, reply, "Send my answers")
    reply = press(learner, reply, "False")
    assert reply.text.startswith("(4/5) How many digits") and "Type a number." in reply.text
    assert reply.choices() == []
    reply = say(learner, "៦")  # Khmer digits, as the web accepts
    assert reply.text.startswith("(5/5) The portal's name")
    reply = say(learner, "  SALA ")
    assert "100% right" in reply.text and "You passed." in reply.text

    attempt = QuizAttempt.objects.get(enrolment=enrolment)
    assert attempt.score == 100 and attempt.passed and attempt.entered_by is None
    assert attempt.answers[str(small.questions["number"].pk)] == "៦"
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None


def test_a_wrong_typed_answer_counts_wrong_and_a_keyword_still_works_meanwhile():
    small = create_course()
    for name in ("single", "multiple", "true-false", "text"):
        small.questions[name].delete()
    learner = create_user("learner", preferred_language="en")
    dispatch(inbound_button("telegram", CHAT, f"learning:q:{small.quiz.pk}", learner))
    reply = say(learner, "learn")  # a keyword is not taken as the answer
    assert reply.text.startswith("Choose a course.")
    dispatch(inbound_button("telegram", CHAT, f"learning:q:{small.quiz.pk}", learner))
    reply = say(learner, "seven")
    assert "0% right" in reply.text and "Not passed yet." in reply.text
    assert QuizAttempt.objects.get().score == 0
    # Nothing awaited any more: a stray number gets the help, not a second attempt.
    assert "Sala answers these messages" in say(learner, "6").text
    assert QuizAttempt.objects.count() == 1
