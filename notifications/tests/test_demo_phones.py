"""The stand-ins the demo runs for Telegram and the SMS gateway (`standins`): what a demo
user writes on their phone page reaches the portal through the real channel code, and the
portal's answer comes back to that page."""

from __future__ import annotations

import io

import pytest
import requests
from django.core.management import call_command

from standins import sms as sms_standin
from standins import telegram as telegram_standin

NUMBER = "+85512345678"


@pytest.fixture
def gateway(settings, live_server):
    server, state = sms_standin.start(
        "gateway-token", f"{live_server.url}/notifications/sms/inbound/", "inbound-secret"
    )
    settings.SALA_SMS_PROVIDER = "http"
    settings.SALA_SMS_HTTP_URL = f"{server.url}/send"
    settings.SALA_SMS_HTTP_TOKEN = "gateway-token"
    settings.SALA_SMS_INBOUND_SECRET = "inbound-secret"
    yield server, state
    server.stop()


def state_of(gateway) -> sms_standin.GatewayState:
    return gateway[1]


def test_a_text_written_on_the_demo_phone_is_answered_on_it(gateway):
    server, state = gateway
    assert state.write(NUMBER, "hello") == 200
    [answer] = state.texts_to(NUMBER)
    assert answer.startswith("Sala answers these messages:")
    page = requests.get(f"{server.url}/", params={"number": NUMBER}, timeout=10)
    assert "Sala answers these messages:" in page.text


def test_the_gateway_refuses_a_send_without_the_portals_token(gateway):
    server, _state = gateway
    refused = requests.post(f"{server.url}/send", json={"to": NUMBER, "text": "x"}, timeout=10)
    assert refused.status_code == 401
    assert state_of(gateway).texts_to(NUMBER) == []


@pytest.mark.django_db
def test_a_message_and_the_start_button_on_the_telegram_page_reach_the_bot(settings):
    server, state = telegram_standin.start("bot-token", username="SalaTestBot")
    settings.SALA_TELEGRAM_BOT_TOKEN = "bot-token"
    settings.SALA_TELEGRAM_BOT_USERNAME = "SalaTestBot"
    settings.SALA_TELEGRAM_API_URL = server.url
    try:
        requests.post(f"{server.url}/send", data={"chat": "4242", "text": "hello"}, timeout=10)
        call_command("telegram_bot", "poll", "--once", stdout=io.StringIO())
        assert state.texts_to(4242)[-1].startswith("Sala answers these messages:")
        deep_link = requests.get(
            f"{server.url}/SalaTestBot", params={"start": "tok123", "chat": "4242"}, timeout=10
        )
        assert "Start" in deep_link.text
    finally:
        server.stop()
