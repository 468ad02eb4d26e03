"""Text messages people send to the portal's number, posted here by the SMS gateway.

The gateway signs each post: `X-Sala-Timestamp` (Unix seconds) and `X-Sala-Signature`
(`sha256=` and the hex HMAC-SHA256 of "<timestamp>." followed by the body, keyed with
SALA_SMS_INBOUND_SECRET). A post older than SIGNATURE_WINDOW_SECONDS, or signed with
another key, is refused. The body is JSON `{"from": "+855...", "text": "..."}` or the same
two fields form-encoded. The answer (`notifications.conversations`) goes back by SMS.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core import phones
from notifications import conversations, sms

logger = logging.getLogger("sala.sms")
SIGNATURE_WINDOW_SECONDS = 300
MAX_BODY_BYTES = 10_000
MAX_TEXT_CHARACTERS = 1_000


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """Return the signature the gateway sends for `body` at `timestamp`."""
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + digest.hexdigest()


@csrf_exempt  # the gateway posts here; the signature authorises, not a cookie
@require_POST
def inbound(request: HttpRequest) -> HttpResponse:
    secret = settings.SALA_SMS_INBOUND_SECRET
    if not secret:  # not 404: the language middleware would redirect that to /km/...
        return JsonResponse({"error": "incoming text messages are not configured"}, status=503)
    if len(request.body) > MAX_BODY_BYTES:
        return JsonResponse({"error": "too large"}, status=413)
    timestamp = request.headers.get("X-Sala-Timestamp", "")
    given = request.headers.get("X-Sala-Signature", "")
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > SIGNATURE_WINDOW_SECONDS:
        return JsonResponse({"error": "stale or missing timestamp"}, status=403)
    if not hmac.compare_digest(given, signature(secret, timestamp, request.body)):
        return JsonResponse({"error": "bad signature"}, status=403)
    sender, text = _fields(request)
    number = _e164(sender)
    if not number or not text or len(text) > MAX_TEXT_CHARACTERS:
        return JsonResponse({"error": "a valid 'from' number and a text are needed"}, status=400)
    answer = conversations.dispatch(conversations.inbound_sms(number, text))
    reply = conversations.sms_text(answer, number)
    transaction.on_commit(lambda: _send(number, reply))
    return JsonResponse({"ok": True})


def _fields(request: HttpRequest) -> tuple[str, str]:
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body)
        except ValueError:
            return "", ""
        if not isinstance(data, dict):
            return "", ""
        return str(data.get("from") or ""), str(data.get("text") or "")
    return request.POST.get("from", ""), request.POST.get("text", "")


def _e164(number: str) -> str:
    try:
        return phones.normalise_phone(number)
    except ValidationError:
        return ""


def _send(number: str, text: str) -> None:
    try:
        sms.send_sms(number, text)
    except sms.SmsDeliveryError as error:
        logger.warning("Could not answer a text message: %s", error)
