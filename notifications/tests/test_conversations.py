"""Conversations: a person writes to the portal by Telegram or SMS and an app answers,
through the Bot API stand-in and the signed SMS webhook."""

from __future__ import annotations

import json
import time

import pytest
from django.core.cache import cache

from notifications import conversations, sms
from notifications.conversations import Button, Inbound, Reply
from notifications.models import TelegramAccount
from notifications.tests.factories import create_person
from notifications.views.sms import signature

pytestmark = pytest.mark.django_db
CHAT = 5557001
SMS_SECRET = "sms-inbound-secret-for-tests"
NUMBER = "+85512345678"


def weather(inbound: Inbound) -> Reply:
    place = inbound.argument or "?"
    if inbound.language == "km":
        return Reply(f"អាកាសធាតុ {place}: ភ្លៀង", ((Button("ចាស/បាទ", "weather:yes"),),))
    return Reply(f"Weather in {place}: rain. Tell me tomorrow?", ((Button("Yes", "weather:yes"),),))


def weather_button(inbound: Inbound) -> Reply:
    return Reply("យល់ព្រម" if inbound.language == "km" else f"OK ({inbound.data})")


@pytest.fixture(autouse=True)
def registered(monkeypatch):
    """A test app that answers "weather" / "អាកាសធាតុ" and its button."""
    monkeypatch.setattr(conversations, "registry", conversations.Registry())
    conversations.register_keywords(
        ["weather", "អាកាសធាតុ"], weather, help_km="អាកាសធាតុ ខេត្ត", help_en="weather PROVINCE"
    )
    conversations.register_buttons("weather", weather_button)
    cache.clear()


def test_the_first_word_picks_the_handler_in_any_case_and_with_a_slash():
    for text in ("weather Kampot", "WEATHER Kampot", "/weather Kampot", "/weather@SalaBot Kampot"):
        reply = conversations.dispatch(conversations.inbound_message("telegram", "1", text))
        assert reply.text.startswith("Weather in Kampot"), text


def test_khmer_typed_with_zero_width_spaces_is_the_same_keyword_and_answered_in_khmer():
    inbound = conversations.inbound_message("sms", NUMBER, "អាកាស\u200bធាតុ  កំពត")
    assert (inbound.keyword, inbound.argument, inbound.language) == ("អាកាសធាតុ", "កំពត", "km")
    assert conversations.dispatch(inbound).text == "អាកាសធាតុ កំពត: ភ្លៀង"


def test_an_unknown_message_gets_the_keywords_in_the_persons_language():
    english = conversations.dispatch(conversations.inbound_message("sms", NUMBER, "hello"))
    assert "weather / អាកាសធាតុ: weather PROVINCE" in english.text
    khmer = conversations.dispatch(conversations.inbound_message("sms", NUMBER, "សួស្តី"))
    assert "weather / អាកាសធាតុ: អាកាសធាតុ ខេត្ត" in khmer.text


def test_two_apps_cannot_claim_one_keyword_or_button_prefix():
    with pytest.raises(ValueError, match="already answered"):
        conversations.register_keywords(["Weather"], weather_button, help_km="x", help_en="x")
    with pytest.raises(ValueError, match="already answered"):
        conversations.register_buttons("weather", weather)


def test_button_data_must_carry_a_prefix_and_fit_telegrams_limit():
    with pytest.raises(ValueError):
        Button("Yes", "no-prefix")
    with pytest.raises(ValueError):
        Button("Yes", "weather:" + "x" * 60)


# --- Telegram, through the Bot API stand-in ------------------------------------------


def post_update(client, update: dict):
    return client.post(
        "/notifications/telegram/webhook/",
        json.dumps(update),
        content_type="application/json",
        headers={"X-Telegram-Bot-Api-Secret-Token": "webhook-secret-for-tests"},
    )


def test_a_telegram_message_is_answered_with_buttons_and_a_pressed_button_is_answered(
    client, bot_api
):
    message = {"chat": {"id": CHAT}, "from": {"username": "x"}, "text": "weather Takeo"}
    assert post_update(client, {"update_id": 1, "message": message}).status_code == 200
    assert bot_api.texts_to(CHAT) == ["Weather in Takeo: rain. Tell me tomorrow?"]
    [[button]] = bot_api.buttons_to(CHAT)
    assert button == {"text": "Yes", "callback_data": "weather:yes"}

    press = {"id": "cb-1", "data": button["callback_data"], "message": {"chat": {"id": CHAT}}}
    assert post_update(client, {"update_id": 2, "callback_query": press}).status_code == 200
    assert bot_api.texts_to(CHAT)[-1] == "OK (weather:yes)"
    assert bot_api.answered_callbacks == ["cb-1"]


def test_a_linked_persons_button_press_reaches_the_handler_with_their_account(client, bot_api):
    dara = create_person()
    seen = {}

    def who(inbound: Inbound) -> Reply:
        seen["user"] = inbound.user
        return Reply("ok")

    conversations.register_buttons("who", who)
    TelegramAccount.objects.create(user=dara, chat_id=CHAT, username="dara")
    press = {"id": "cb-2", "data": "who:me", "message": {"chat": {"id": CHAT}}}
    post_update(client, {"update_id": 3, "callback_query": press})
    assert seen["user"] == dara


# --- SMS, through the signed webhook --------------------------------------------------


@pytest.fixture
def sms_gateway(settings):
    settings.SALA_SMS_INBOUND_SECRET = SMS_SECRET
    settings.SALA_SMS_PROVIDER = "memory"
    sms.outbox.clear()
    return sms.outbox


def post_sms(client, sender: str, text: str, *, secret: str = SMS_SECRET, age: int = 0):
    body = json.dumps({"from": sender, "text": text}).encode()
    timestamp = str(int(time.time()) - age)
    return client.post(
        "/notifications/sms/inbound/",
        body,
        content_type="application/json",
        headers={
            "X-Sala-Timestamp": timestamp,
            "X-Sala-Signature": signature(secret, timestamp, body),
        },
    )


def test_an_sms_keyword_is_answered_by_sms_with_numbered_choices(
    client, sms_gateway, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert post_sms(client, "012 345 678", "weather Kep").status_code == 200
    [answer] = sms_gateway
    assert answer.to == NUMBER
    assert answer.text == "Weather in Kep: rain. Tell me tomorrow?\n1 Yes"
    with django_capture_on_commit_callbacks(execute=True):
        post_sms(client, NUMBER, "១")  # the choice, typed in Khmer digits
    assert sms_gateway[-1].text == "OK (weather:yes)"


def test_a_number_without_earlier_choices_is_an_ordinary_message(
    client, sms_gateway, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_sms(client, NUMBER, "1")
    assert sms_gateway[-1].text.startswith("សាលាឆ្លើយសារទាំងនេះ៖")  # no script: Khmer


@pytest.mark.parametrize(
    ("secret", "age", "status"),
    [("another-key", 0, 403), (SMS_SECRET, 3600, 403), (SMS_SECRET, 0, 200)],
    ids=["forged", "replayed-an-hour-later", "genuine"],
)
def test_only_a_fresh_message_signed_with_our_key_is_read(client, sms_gateway, secret, age, status):
    assert post_sms(client, NUMBER, "weather Kep", secret=secret, age=age).status_code == status


@pytest.mark.parametrize("sender", ["", "not a number", "+855 12"])
def test_a_message_without_a_valid_sender_is_refused_without_an_answer(client, sms_gateway, sender):
    assert post_sms(client, sender, "weather Kep").status_code == 400
    assert sms_gateway == []


def test_without_a_configured_key_nothing_is_read(client, settings):
    settings.SALA_SMS_INBOUND_SECRET = ""
    assert post_sms(client, NUMBER, "weather Kep").status_code == 503
