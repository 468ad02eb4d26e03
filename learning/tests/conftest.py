"""The learning tests' world: an institution, a published public course of two modules and
three lessons (the last with a quiz of every kind of question), a learner, and storages of
their own for lesson media and issued documents."""

from __future__ import annotations

import pytest
from django.core.files.storage import storages

from standins import telegram as telegram_standin


@pytest.fixture(autouse=True)
def learning_storages(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
        "documents": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    for alias in ("default", "documents"):
        storages._storages.pop(alias, None)
    yield
    for alias in ("default", "documents"):
        storages._storages.pop(alias, None)


@pytest.fixture
def bot_api(settings):
    """The Bot API stand-in on loopback, and the portal's Telegram channel pointed at it."""
    token = "123456:learning-test-bot"
    server, state = telegram_standin.start(token)
    settings.SALA_TELEGRAM_BOT_TOKEN = token
    settings.SALA_TELEGRAM_BOT_USERNAME = "SalaTestBot"
    settings.SALA_TELEGRAM_API_URL = server.url
    settings.SALA_TELEGRAM_WEBHOOK_SECRET = "webhook-secret-for-tests"
    yield state
    server.stop()
