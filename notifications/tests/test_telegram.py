"""Telegram: linking by a one-time deep link (webhook and getUpdates), and messages
through a local server speaking the Bot API."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from notifications.api import notify
from notifications.models import Delivery, TelegramAccount, TelegramLinkToken
from notifications.telegram import do_create_link_token
from notifications.tests.factories import APPROVED, create_person

pytestmark = pytest.mark.django_db
CHAT = 5551234
SECRET = "webhook-secret-for-tests"


def post_update(client, text: str, secret: str = SECRET, chat: int = CHAT):
    update = {
        "update_id": 1,
        "message": {"chat": {"id": chat}, "from": {"username": "dara_kh"}, "text": text},
    }
    return client.post(
        "/notifications/telegram/webhook/",
        json.dumps(update),
        content_type="application/json",
        headers={"X-Telegram-Bot-Api-Secret-Token": secret},
    )


def test_the_link_page_gives_a_one_time_deep_link(client, bot_api):
    dara = create_person()
    client.force_login(dara)
    page = client.post("/en/notifications/telegram/")
    token = TelegramLinkToken.objects.get(user=dara)
    assert f"https://t.me/SalaTestBot?start={token.token}" in page.content.decode()


def test_start_with_the_token_links_the_chat_and_the_bot_confirms_in_khmer(client, bot_api):
    dara = create_person(language="km")
    token = do_create_link_token(dara)
    assert post_update(client, f"/start {token.token}").status_code == 200
    account = TelegramAccount.objects.get(user=dara)
    assert (account.chat_id, account.username) == (CHAT, "dara_kh")
    assert bot_api.texts_to(CHAT) == [
        "គណនីសាលារបស់អ្នកត្រូវបានភ្ជាប់ហើយ។ អ្នកនឹងទទួលបានការជូនដំណឹងរបស់អ្នកនៅទីនេះ។"
    ]
    post_update(client, f"/start {token.token}", chat=999)  # used once only
    assert TelegramAccount.objects.get(user=dara).chat_id == CHAT


def test_an_expired_token_links_nothing(client, bot_api):
    token = do_create_link_token(create_person())
    TelegramLinkToken.objects.update(created_at=timezone.now() - timedelta(minutes=16))
    post_update(client, f"/start {token.token}")
    assert not TelegramAccount.objects.exists()
    [reply] = bot_api.texts_to(CHAT)
    assert reply.startswith("តំណនេះផុតសុពលភាព")


def test_the_webhook_refuses_a_wrong_secret(client, bot_api):
    token = do_create_link_token(create_person())
    assert post_update(client, f"/start {token.token}", secret="guess").status_code == 403
    assert not TelegramAccount.objects.exists()


def test_polling_get_updates_links_too(bot_api, capsys):
    dara = create_person()
    bot_api.add_message(CHAT, f"/start {do_create_link_token(dara).token}")
    call_command("telegram_bot", "poll", "--once")
    assert TelegramAccount.objects.get(user=dara).chat_id == CHAT
    assert "1 linked" in capsys.readouterr().out
    call_command("telegram_bot", "poll", "--once")  # the update was confirmed: nothing new
    assert len(bot_api.texts_to(CHAT)) == 1


def test_notifications_reach_the_linked_chat(bot_api, committed):
    dara = create_person(language="en")
    TelegramAccount.objects.create(user=dara, chat_id=CHAT)
    with committed():
        notify(dara, "tests.case_updated", {"reference": "S-1", "status": APPROVED, "url": "/km/"})
    assert bot_api.texts_to(CHAT) == [
        "Sala: application S-1 is approved. http://127.0.0.1:8000/en/"
    ]
    assert Delivery.objects.get(channel="telegram").status == "sent"


def test_a_blocked_bot_unlinks_the_chat_and_is_not_retried(bot_api, committed):
    dara = create_person()
    TelegramAccount.objects.create(user=dara, chat_id=CHAT)
    bot_api.blocked_chats.add(CHAT)
    with committed():
        notify(dara, "tests.case_updated", {"reference": "S-1", "status": APPROVED})
    assert Delivery.objects.get(channel="telegram").status == "dead"
    assert not TelegramAccount.objects.exists()


def test_stop_unlinks(client, bot_api):
    dara = create_person(language="en")
    TelegramAccount.objects.create(user=dara, chat_id=CHAT)
    post_update(client, "/stop")
    assert not TelegramAccount.objects.exists()
    assert bot_api.texts_to(CHAT) == ["Sala will no longer send you messages here."]


def test_set_webhook_registers_our_address_and_secret(bot_api):
    call_command("telegram_bot", "set-webhook")
    assert bot_api.webhook["url"] == "http://127.0.0.1:8000/notifications/telegram/webhook/"
    assert bot_api.webhook["secret_token"] == "webhook-secret-for-tests"


def test_without_a_bot_the_page_says_telegram_is_not_available(client):
    client.force_login(create_person())
    page = client.get("/en/notifications/telegram/")
    assert "not available" in page.content.decode()
    assert "t.me" not in page.content.decode()
