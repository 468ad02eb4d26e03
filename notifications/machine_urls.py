"""Endpoints for machines, outside the language prefix: mail programs' one-click
unsubscribe (RFC 8058) and the Telegram bot's webhook."""

from __future__ import annotations

from django.urls import path

from notifications.views import preferences, telegram

urlpatterns = [
    path(
        "unsubscribe/<str:token>/one-click",
        preferences.one_click_unsubscribe,
        name="notifications_one_click_unsubscribe",
    ),
    path("telegram/webhook/", telegram.webhook, name="notifications_telegram_webhook"),
]
