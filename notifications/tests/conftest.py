from __future__ import annotations

import logging

import pytest
from django.core.cache import cache

from notifications import sms
from notifications.tests.servers import SmtpServer
from standins import telegram as telegram_standin

BOT_TOKEN = "123456:test-bot-token"


@pytest.fixture(autouse=True)
def _fresh_state():
    """Overrides are cached and the SMS memory outbox is per process: start clean."""
    cache.clear()
    sms.outbox.clear()
    yield
    cache.clear()


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback, and Django's SMTP backend pointed at it."""
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every command
    server = SmtpServer()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()


@pytest.fixture
def bot_api(settings):
    """A local server speaking the Bot API methods we use; the Telegram channel on."""
    server, state = telegram_standin.start(BOT_TOKEN)
    settings.SALA_TELEGRAM_BOT_TOKEN = BOT_TOKEN
    settings.SALA_TELEGRAM_BOT_USERNAME = "SalaTestBot"
    settings.SALA_TELEGRAM_API_URL = server.url
    settings.SALA_TELEGRAM_WEBHOOK_SECRET = "webhook-secret-for-tests"
    yield state
    server.stop()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): …` runs what is deferred to the commit (the delivery tasks) at
    the end of the block, as a real commit would; the test's own transaction stays open."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
