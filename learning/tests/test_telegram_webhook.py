"""A quiz answered through the real Telegram path: updates posted to the portal's webhook,
replies read from the Bot API stand-in on loopback. Toggle buttons and a typed number."""

from __future__ import annotations

import json

import pytest

from accounts.tests.factories import create_user
from learning.models import QuizAttempt
from learning.progress import do_complete_lesson, do_enrol
from learning.tests.factories import create_course
from notifications.models import TelegramAccount

pytestmark = pytest.mark.django_db
CHAT = 7101


def post_update(client, update: dict) -> None:
    response = client.post(
        "/notifications/telegram/webhook/",
        json.dumps(update),
        content_type="application/json",
        headers={"X-Telegram-Bot-Api-Secret-Token": "webhook-secret-for-tests"},
    )
    assert response.status_code == 200


def say(client, text: str) -> None:
    message = {"chat": {"id": CHAT}, "from": {"username": "dara"}, "text": text}
    post_update(client, {"update_id": 1, "message": message})


def press(client, bot_api, label: str) -> None:
    [data] = [
        b["callback_data"] for row in bot_api.buttons_to(CHAT) for b in row if b["text"] == label
    ]
    update = {"id": "cb", "data": data, "message": {"chat": {"id": CHAT}}}
    post_update(client, {"update_id": 9, "callback_query": update})


def test_a_quiz_with_toggles_and_a_typed_number_through_the_webhook(client, bot_api):
    small = create_course()
    small.questions["single"].delete()
    small.questions["text"].delete()
    learner = create_user("learner", preferred_language="en")
    TelegramAccount.objects.create(user=learner, chat_id=CHAT, username="dara")
    enrolment = do_enrol(learner, small.course)
    for lesson in small.lessons[:2]:
        do_complete_lesson(learner, enrolment, lesson)

    say(client, "learn")
    press(client, bot_api, "Using the portal safely")
    press(client, bot_api, "Take the quiz")
    assert bot_api.texts_to(CHAT)[-1].startswith("(1/3) Signs of a scam")
    press(client, bot_api, "☐ Hurry")
    press(client, bot_api, "☐ A prize")
    press(client, bot_api, "Send my answers")
    press(client, bot_api, "True")  # wrong
    assert bot_api.texts_to(CHAT)[-1].endswith("Type a number.")
    say(client, "6")
    assert "67% right" in bot_api.texts_to(CHAT)[-1]
    attempt = QuizAttempt.objects.get()
    assert (attempt.score, attempt.passed) == (67, True)
