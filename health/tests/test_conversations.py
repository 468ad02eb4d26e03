"""The danger-sign screen by Telegram (through the Bot API stand-in and the webhook) and
by SMS keyword (through the signed SMS webhook): the same table, the same advice."""

from __future__ import annotations

import json
import logging
import time

import pytest

from health.models import Screening
from health.tests.factories import publish_new_version
from health.triage import published_table, signs_for
from notifications.models import TelegramAccount
from notifications.views.sms import signature

pytestmark = pytest.mark.django_db
CHAT = 7001
NUMBER = "+85512345678"


def post_update(client, update: dict):
    return client.post(
        "/notifications/telegram/webhook/",
        json.dumps(update),
        content_type="application/json",
        headers={"X-Telegram-Bot-Api-Secret-Token": "webhook-secret-for-tests"},
    )


def say(client, text: str, update_id: int = 1) -> None:
    message = {"chat": {"id": CHAT}, "from": {"username": "dara"}, "text": text}
    assert post_update(client, {"update_id": update_id, "message": message}).status_code == 200


def press(client, bot_api, label: str) -> None:
    """Press the button labelled `label` under the bot's last message."""
    [data] = [
        b["callback_data"] for row in bot_api.buttons_to(CHAT) for b in row if b["text"] == label
    ]
    update = {"id": "cb", "data": data, "message": {"chat": {"id": CHAT}}}
    assert post_update(client, {"update_id": 9, "callback_query": update}).status_code == 200


def test_telegram_health_walks_the_child_signs_and_a_yes_gives_urgent_advice_near_home(
    client, bot_api, health_world
):
    TelegramAccount.objects.create(user=health_world.citizen, chat_id=CHAT, username="dara")
    say(client, "/health")
    assert "119" in bot_api.texts_to(CHAT)[-1]
    press(client, bot_api, "A child from 2 months to 5 years")
    assert (
        bot_api.texts_to(CHAT)[-1]
        == "(1/5) " + signs_for(published_table(), "child")[0].question_en
    )
    press(client, bot_api, "No")
    assert bot_api.texts_to(CHAT)[-1].startswith("(2/5)")
    press(client, bot_api, "Yes")  # vomits everything

    advice = bot_api.texts_to(CHAT)[-1]
    assert "Urgent: go to a health facility now." in advice
    assert "Call 119 for an ambulance now." in advice
    assert "Siem Reap Hospital" in advice  # the referral hospital of the person's district
    assert "Sla Kram Health Centre" in advice and "012 345 678" in advice
    screening = Screening.objects.get()
    assert (screening.channel, screening.outcome) == ("telegram", "urgent")
    assert screening.signs_present == ["vomits-everything"]
    assert screening.table.version == 1


def test_telegram_in_khmer_no_to_every_sign_is_the_clear_message_in_khmer(client, bot_api, db):
    say(client, "សុខភាព")
    assert "១១៩" in bot_api.texts_to(CHAT)[-1]
    press(client, bot_api, "ស្ត្រីមានផ្ទៃពោះ")
    for _sign in signs_for(published_table(), "pregnancy"):
        press(client, bot_api, "ទេ")
    assert "គ្មានសញ្ញាគ្រោះថ្នាក់" in bot_api.texts_to(CHAT)[-1]
    assert "/km/health/" in bot_api.texts_to(CHAT)[-1]
    screening = Screening.objects.get()
    assert (screening.channel, screening.outcome, screening.group) == (
        "telegram",
        "clear",
        "pregnancy",
    )


def test_urgent_advice_without_a_known_place_asks_for_the_commune_and_finds_care_there(
    client, bot_api, health_world
):
    say(client, "health")
    press(client, bot_api, "A child from 2 months to 5 years")
    press(client, bot_api, "Yes")
    assert "send: HEALTH and the name of your commune" in bot_api.texts_to(CHAT)[-1]

    say(client, "health Sla Kram", update_id=2)
    answer = bot_api.texts_to(CHAT)[-1]
    assert "Nearest care to Sla Kram, Siem Reab, Siemreap" in answer
    assert "Sla Kram Health Centre" in answer


def test_a_button_of_a_retired_version_starts_again_with_the_published_one(
    client, bot_api, health_world
):
    say(client, "health")
    press(client, bot_api, "A child from 2 months to 5 years")
    publish_new_version(health_world.ministry)
    press(client, bot_api, "Yes")
    assert "The danger signs have been updated" in bot_api.texts_to(CHAT)[-1]
    assert not Screening.objects.exists()
    press(client, bot_api, "A child from 2 months to 5 years")
    press(client, bot_api, "Yes")
    assert Screening.objects.get().table.version == 2


def post_sms(client, text: str):
    body = json.dumps({"from": NUMBER, "text": text}).encode()
    timestamp = str(int(time.time()))
    secret = "sms-inbound-secret-for-tests"
    return client.post(
        "/notifications/sms/inbound/",
        body,
        content_type="application/json",
        headers={
            "X-Sala-Timestamp": timestamp,
            "X-Sala-Signature": signature(secret, timestamp, body),
        },
    )


def test_sms_keyword_starts_the_screen_and_answers_by_number(
    client, sms_gateway, django_capture_on_commit_callbacks, health_world, caplog
):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        assert post_sms(client, "HEALTH").status_code == 200
    assert "1 A child from 2 months to 5 years" in sms_gateway[-1].text
    with django_capture_on_commit_callbacks(execute=True):
        post_sms(client, "1")
    first = signs_for(published_table(), "child")[0]
    assert sms_gateway[-1].text == f"(1/5) {first.question_en}\n1 Yes\n2 No"
    with django_capture_on_commit_callbacks(execute=True):
        post_sms(client, "1")  # yes: cannot drink
    assert "Call 119 for an ambulance now." in sms_gateway[-1].text
    screening = Screening.objects.get()
    assert (screening.channel, screening.signs_present) == ("sms", ["cannot-drink"])
    assert first.question_en not in caplog.text


def test_sms_in_khmer_with_khmer_digits(
    client, sms_gateway, django_capture_on_commit_callbacks, db
):
    with django_capture_on_commit_callbacks(execute=True):
        post_sms(client, "សុខភាព")
    assert "កុមារ" in sms_gateway[-1].text
    with django_capture_on_commit_callbacks(execute=True):
        post_sms(client, "៣")  # someone else
    assert sms_gateway[-1].text.startswith("(១/")
    assert sms_gateway[-1].text.endswith("1 បាទ/ចាស\n2 ទេ")


def test_an_unknown_place_gets_a_clear_message(client, bot_api, db):
    say(client, "health Nowhereville")
    assert bot_api.texts_to(CHAT)[-1] == (
        "No place has this name. Try the name of your district or province."
    )


@pytest.mark.parametrize(
    "data",
    ["health:a:1:child:99:n", "health:a:1:child:x:n", "health:a:1:child:0:maybe", "health:z"],
)
def test_a_button_we_did_not_send_records_nothing_and_starts_again(client, bot_api, db, data):
    update = {"id": "cb", "data": data, "message": {"chat": {"id": CHAT}}}
    assert post_update(client, {"update_id": 5, "callback_query": update}).status_code == 200
    assert "Who is ill?" in bot_api.texts_to(CHAT)[-1] or "តើនរណាឈឺ?" in bot_api.texts_to(CHAT)[-1]
    assert not Screening.objects.exists()
