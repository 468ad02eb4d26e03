"""Endpoints for machines, outside the language prefix: mail programs' one-click
unsubscribe (RFC 8058), the Telegram bot's webhook and the SMS gateway's incoming messages."""

from __future__ import annotations

from django.urls import path

from notifications.views import preferences, sms, telegram

urlpatterns = [
    path(
        "unsubscribe/<str:token>/one-click",
        preferences.one_click_unsubscribe,
        name="notifications_one_click_unsubscribe",
    ),
    path("telegram/webhook/", telegram.webhook, name="notifications_telegram_webhook"),
    path("sms/inbound/", sms.inbound, name="notifications_sms_inbound"),
]
