"""The SMS interface: the HTTP adapter against a real HTTP server on loopback."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from notifications import sms


class Gateway(BaseHTTPRequestHandler):
    """An operator's gateway: accepts a JSON message with the right token."""

    received: list[dict] = []
    status = 200

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.headers["Authorization"] != "Bearer gateway-token":
            self.send_response(401)
            self.end_headers()
            return
        Gateway.received.append(body)
        self.send_response(Gateway.status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps({"id": f"op-{len(Gateway.received)}"}).encode())

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def gateway(settings):
    Gateway.received, Gateway.status = [], 200
    server = ThreadingHTTPServer(("127.0.0.1", 0), Gateway)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SALA_SMS_PROVIDER = "http"
    settings.SALA_SMS_HTTP_URL = f"http://127.0.0.1:{server.server_port}/send"
    settings.SALA_SMS_HTTP_TOKEN = "gateway-token"
    settings.SALA_SMS_SENDER = "Sala"
    yield server
    server.shutdown()


def test_the_http_adapter_posts_the_message_and_returns_the_operators_id(gateway):
    message_id = sms.send_sms("+85512345678", "លេខកូដ 123456")
    assert message_id == "op-1"
    assert Gateway.received == [{"to": "+85512345678", "text": "លេខកូដ 123456", "from": "Sala"}]


def test_a_refused_message_raises_a_delivery_error_the_caller_can_retry(gateway, settings):
    settings.SALA_SMS_HTTP_TOKEN = "wrong-token"
    with pytest.raises(sms.SmsDeliveryError, match="401"):
        sms.send_sms("+85512345678", "hello")


def test_an_unreachable_gateway_raises_a_delivery_error(settings):
    settings.SALA_SMS_PROVIDER = "http"
    settings.SALA_SMS_HTTP_URL = "http://127.0.0.1:9/send"  # discard port: nothing listens
    with pytest.raises(sms.SmsDeliveryError, match="could not be reached"):
        sms.send_sms("+85512345678", "hello")


@pytest.mark.django_db
def test_the_log_adapter_writes_the_message_to_the_log_without_its_numbers(settings, caplog):
    settings.SALA_SMS_PROVIDER = "log"
    with caplog.at_level("INFO", logger="sala.sms"):
        sms.send_sms("+85512345678", "Sala: your code is 654321. It is valid for 15 minutes.")
    assert "Sala: your code is ####. It is valid for 15 minutes." in caplog.text
    assert "654321" not in caplog.text
    assert "12345678" not in caplog.text


@pytest.mark.parametrize(
    "text",
    [
        "Sala: your code is 482913",
        "សាឡា៖ លេខកូដរបស់អ្នកគឺ ៤៨២៩១៣",
        "code 482-913",
        "code 482 913",
    ],
)
def test_no_code_is_left_in_a_masked_message(text):
    masked = sms.masked(text)
    assert "####" in masked
    assert not any(run in masked for run in ("482", "913", "៤៨២", "៩១៣"))


def test_the_memory_adapter_keeps_messages_for_tests(settings):
    settings.SALA_SMS_PROVIDER = "memory"
    sms.outbox.clear()
    sms.send_sms("+85598765432", "hi")
    assert sms.outbox == [sms.SmsMessage(to="+85598765432", text="hi")]
