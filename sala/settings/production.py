"""Production: refuses to start without a real secret key and the hosts it serves."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from core.env import envbool, envlist, envstr

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, DEBUG, SALA_SMS_PROVIDER, SECRET_KEY

if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off when SALA_ENV=production.")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured(
        "SALA_ENV=production needs SECRET_KEY (or SECRET_KEY_FILE): at least 50 random "
        "characters. Generate one with: python -c 'import secrets; "
        "print(secrets.token_urlsafe(64))'"
    )
if not envlist("ALLOWED_HOSTS") or "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "SALA_ENV=production needs ALLOWED_HOSTS: the comma-separated host names the "
        "portal answers to, e.g. ALLOWED_HOSTS=sala.gov.kh,www.sala.gov.kh"
    )
# Text messages carry one-time sign-in codes: in production they go to the operator's
# gateway, never only to a log (where nobody receives them) nor to memory.
SALA_SMS_LOG_IN_PRODUCTION = envbool("SALA_SMS_LOG_IN_PRODUCTION", False)
if SALA_SMS_PROVIDER == "memory" or (SALA_SMS_PROVIDER == "log" and not SALA_SMS_LOG_IN_PRODUCTION):
    raise ImproperlyConfigured(
        f"SALA_ENV=production cannot send text messages with SALA_SMS_PROVIDER="
        f"{SALA_SMS_PROVIDER!r}: nobody would receive the sign-in codes. Set "
        "SALA_SMS_PROVIDER=http with SALA_SMS_HTTP_URL and SALA_SMS_HTTP_TOKEN (the "
        "operator's gateway), or, for an instance that sends no SMS at all, "
        "SALA_SMS_LOG_IN_PRODUCTION=true to keep the log provider (numbers masked)."
    )

# The demo's Bakong account is not the ministry's: production names its own (payments.E001).
SALA_KHQR_ACCOUNT_ID = envstr("SALA_KHQR_ACCOUNT_ID", "")

SALA_DEMO_DATA_ALLOWED = False
SALA_DESIGN_PAGE_PUBLIC = False

SECURE_SSL_REDIRECT = True
# Load balancers probe these over plain HTTP inside the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
