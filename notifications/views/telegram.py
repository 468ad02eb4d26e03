"""Linking a Telegram chat, and the bot's webhook."""

from __future__ import annotations

import hmac
import json
import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from core.typing import AuthenticatedHttpRequest
from notifications import telegram
from notifications.views.inbox import inbox_breadcrumbs

logger = logging.getLogger("sala.telegram")
WEBHOOK_MAX_BYTES = 100_000


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def link(request: AuthenticatedHttpRequest) -> HttpResponse:
    """GET explains; POST makes a one-time deep link and shows it."""
    available = telegram.is_configured()
    deep_link = ""
    if request.method == "POST" and available:
        deep_link = telegram.deep_link(telegram.do_create_link_token(request.user))
    return render(
        request,
        "notifications/telegram.html",
        {
            "available": available,
            "account": telegram.linked_account(request.user),
            "deep_link": deep_link,
            "minutes": telegram.LINK_TOKEN_MINUTES,
            "section": "settings",
            "breadcrumbs": inbox_breadcrumbs(_("Telegram")),
        },
    )


@login_required
@require_POST
def unlink(request: AuthenticatedHttpRequest) -> HttpResponse:
    if telegram.do_unlink(request.user):
        messages.success(request, _("Your Telegram account is no longer linked."))
    return redirect("notifications:settings")


@csrf_exempt  # Telegram posts here; the secret header authorises, not a cookie
@require_POST
def webhook(request: HttpRequest) -> HttpResponse:
    secret = settings.SALA_TELEGRAM_WEBHOOK_SECRET
    if not (telegram.is_configured() and secret):
        raise Http404("The Telegram webhook is not configured")
    given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
    if not hmac.compare_digest(given.encode(), secret.encode()):
        return HttpResponse(status=403)
    if len(request.body) > WEBHOOK_MAX_BYTES:
        return HttpResponse(status=413)
    try:
        update = json.loads(request.body)
    except ValueError:
        return HttpResponse(status=400)
    if isinstance(update, dict):
        telegram.handle_update(update)
    return HttpResponse("ok", content_type="text/plain")
