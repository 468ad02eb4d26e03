"""The demo: runs on a bare machine with no variable set (SQLite, local files, file mail).

The secret key is generated once into var/ so that sessions survive restarts. While the
demo runs, its stand-ins for Telegram, the SMS gateway and CamDigiKey (`python -m standins`,
started by tools/run_demo.sh) write where they listen to var/standins.json: the portal then
sends its SMS and Telegram messages to them, reads what a demo user writes on their phone
pages, and offers "Sign in with CamDigiKey" through the CamDigiKey stand-in (unless
SALA_OIDC_ISSUER names a provider), and asks the population and business register
simulators through its CamDX stand-in (unless SALA_CAMDX_* name real registries).
"""

from __future__ import annotations

import json
import os

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403
from .base import (
    INSTALLED_APPS,
    SALA_CAMDX_REGISTRIES,
    SALA_OIDC_ISSUER,
    SALA_OIDC_NAME,
    SECRET_KEY,
    VAR_DIR,
    national_id_providers,
)

# The demo data and its commands (load_demo_data, demo_accounts); never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
# The demo serves its news feeds itself and runs its stand-ins on 127.0.0.1.
SALA_OUTBOUND_ALLOW_LOOPBACK = True

if not SECRET_KEY:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    secret_file = VAR_DIR / "demo-secret-key"
    if not secret_file.exists():
        secret_file.write_text(get_random_secret_key())
    SECRET_KEY = secret_file.read_text().strip()

_standins_file = VAR_DIR / "standins.json"
_standins = json.loads(_standins_file.read_text()) if _standins_file.exists() else {}
if _standins and not os.environ.get("SALA_SMS_PROVIDER"):
    SALA_SMS_PROVIDER = "http"
    SALA_SMS_HTTP_URL = f"{_standins['sms']['url']}/send"
    SALA_SMS_HTTP_TOKEN = _standins["sms"]["token"]
    SALA_SMS_INBOUND_SECRET = _standins["sms"]["inbound_secret"]
    SALA_TELEGRAM_BOT_TOKEN = _standins["telegram"]["token"]
    SALA_TELEGRAM_BOT_USERNAME = _standins["telegram"]["username"]
    SALA_TELEGRAM_API_URL = _standins["telegram"]["url"]
    SALA_TELEGRAM_LINK_URL = _standins["telegram"]["url"]
    SALA_DEMO_PHONES = {"telegram": _standins["telegram"]["url"], "sms": _standins["sms"]["url"]}
if "camdigikey" in _standins and not SALA_OIDC_ISSUER:
    SOCIALACCOUNT_PROVIDERS = national_id_providers(
        _standins["camdigikey"]["issuer"],
        _standins["camdigikey"]["client_id"],
        _standins["camdigikey"]["client_secret"],
        SALA_OIDC_NAME,
    )
if "bakong" in _standins and not os.environ.get("SALA_BAKONG_TOKEN"):
    SALA_BAKONG_API_URL = _standins["bakong"]["url"]
    SALA_BAKONG_TOKEN = _standins["bakong"]["token"]
    SALA_BAKONG_EMAIL = _standins["bakong"]["email"]
    SALA_DEMO_PHONES = {**SALA_DEMO_PHONES, "bank": _standins["bakong"]["url"] + "/pay/"}
if "registries" in _standins and not SALA_CAMDX_REGISTRIES:
    SALA_CAMDX_REGISTRIES = _standins["registries"]
