"""Settings shared by every environment.

Layering: this module holds the defaults and everything read from the environment;
`demo.py`, `test.py` and `production.py` adjust it for their SALA_ENV. Operators set
variables (documented in `.env.example` and docs/operations.md), never edit these files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dj_database_url
import dj_email_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from core.env import envbool, envint, envlist, envsecret, envstr

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(envstr("SALA_VAR_DIR", str(BASE_DIR / "var")))

SALA_ENV = envstr("SALA_ENV", "demo")
DEBUG = envbool("DEBUG", False)
SECRET_KEY = envsecret("SECRET_KEY")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
SALA_SITE_URL = envstr("SALA_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# --- Applications -------------------------------------------------------------------
INSTALLED_APPS = [
    "core",
    "audit",
    "accounts",
    "geo",
    "content",
    "notifications",
    "services",
    "registries",
    "aggregation",
    "documents",
    "search",
    "cases",
    "health",
    "payments",
    "forums",
    "reports",
    "learning",
    "markets",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.usersessions",
    "rules.apps.AutodiscoverRulesConfig",
]

MIDDLEWARE = [
    "core.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "content.cache.AnonymousPageCacheMiddleware",
    "core.middleware.SalaCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "accounts.middleware.OfficerSessionTimeoutMiddleware",
    "accounts.middleware.RequireStaffMFAMiddleware",
    "accounts.middleware.RateLimitedMiddleware",
    "accounts.middleware.AllowNationalIdRedirectMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "sala.urls"
WSGI_APPLICATION = "sala.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "core.context_processors.portal",
                "geo.context_processors.area_choice",
                "accounts.context_processors.acting_for",
                "notifications.context_processors.inbox",
                "content.context_processors.urgent_alerts",
            ],
            "builtins": ["core.templatetags.sala"],
        },
    },
]

# --- Database -----------------------------------------------------------------------
# SQLite (WAL) by default so the demo runs on a bare machine; DATABASE_URL for PostgreSQL.
DATABASE_URL = envstr("DATABASE_URL", f"sqlite:///{VAR_DIR / 'sala.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=envint("DB_CONN_MAX_AGE", 0))
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
        ),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache --------------------------------------------------------------------------
REDIS_URL = envstr("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "sala",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Background tasks ---------------------------------------------------------------
# The database backend by default (worker: `manage.py run_worker`); RQ when
# TASKS_BACKEND=rq and REDIS_URL is set.
TASKS_BACKEND = envstr("TASKS_BACKEND", "database")
if TASKS_BACKEND == "rq":
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0"}}
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
elif TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
elif TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
else:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be database, rq or immediate, not {TASKS_BACKEND!r}"
    )
SALA_WORKER_HEARTBEAT_SECONDS = envint("SALA_WORKER_HEARTBEAT_SECONDS", 15)

# --- Language and time --------------------------------------------------------------
LANGUAGE_CODE = "km"
LANGUAGES = [("km", _("Khmer")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "sala_language"
TIME_ZONE = "Asia/Phnom_Penh"
USE_I18N = True
USE_TZ = True

# --- Static files and media ---------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(envstr("MEDIA_ROOT", str(VAR_DIR / "media")))
# MEDIA_STORAGE=s3 stores uploads in S3-compatible object storage (AWS_* variables).
MEDIA_STORAGE = envstr("MEDIA_STORAGE", "local")
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if MEDIA_STORAGE == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": envstr("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": envstr("AWS_S3_ENDPOINT_URL") or None,
            "access_key": envsecret("AWS_ACCESS_KEY_ID"),
            "secret_key": envsecret("AWS_SECRET_ACCESS_KEY"),
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
elif MEDIA_STORAGE != "local":
    raise ImproperlyConfigured(f"MEDIA_STORAGE must be local or s3, not {MEDIA_STORAGE!r}")
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
# Private files on disk (applicants' attachments, issued documents) and their folders:
# the portal's user only. Public media stays readable by nginx, which serves /media/.
PRIVATE_FILE_PERMISSIONS = {"file_permissions_mode": 0o600, "directory_permissions_mode": 0o700}

# --- Application attachments (private) ----------------------------------------------
# Never served as media: only through services.access. Local files under
# SALA_ATTACHMENTS_ROOT, or with MEDIA_STORAGE=s3 a private prefix of a bucket.
SALA_ATTACHMENTS_ROOT = Path(envstr("SALA_ATTACHMENTS_ROOT", str(VAR_DIR / "attachments")))
STORAGES["attachments"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": SALA_ATTACHMENTS_ROOT, "base_url": None, **PRIVATE_FILE_PERMISSIONS},
}
if MEDIA_STORAGE == "s3":
    STORAGES["attachments"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **STORAGES["default"]["OPTIONS"],
            "bucket_name": envstr("SALA_ATTACHMENTS_BUCKET")
            or STORAGES["default"]["OPTIONS"]["bucket_name"],
            "location": "attachments",
            "default_acl": "private",
        },
    }

# --- Email --------------------------------------------------------------------------
# EMAIL_URL, e.g. submission://user:password@mail.example.org:587 (STARTTLS); the demo
# writes mail to files under var/mail.
EMAIL_URL = envsecret("EMAIL_URL", f"filemail://{VAR_DIR / 'mail'}")
if EMAIL_URL.startswith("filemail://"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = EMAIL_URL.removeprefix("filemail://")
else:
    vars().update(dj_email_url.parse(EMAIL_URL))
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "Sala <no-reply@sala.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security -----------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# A citizen's session lasts Django's two weeks (SESSION_COOKIE_AGE); staff and officers'
# end this many hours after signing in, or after this many idle minutes (accounts/sessions.py).
SALA_OFFICER_SESSION_HOURS = envint("SALA_OFFICER_SESSION_HOURS", 12)
SALA_OFFICER_SESSION_IDLE_MINUTES = envint("SALA_OFFICER_SESSION_IDLE_MINUTES", 30)
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
# How many reverse proxies of ours (nginx, a load balancer) stand in front of gunicorn,
# each appending to X-Forwarded-For: core.addresses finds the client's address with it,
# for the per-address rate limits and the audit records, and so does allauth.
SALA_TRUSTED_PROXY_COUNT = envint("SALA_TRUSTED_PROXY_COUNT", 0)
if SALA_TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured(
        f"SALA_TRUSTED_PROXY_COUNT must be 0 or more, not {SALA_TRUSTED_PROXY_COUNT}"
    )
ALLAUTH_TRUSTED_PROXY_COUNT = SALA_TRUSTED_PROXY_COUNT
# Wagtail's and Django's admin set inline styles; their pages get this relaxed policy.
SALA_ADMIN_PATH_PREFIXES = ("/cms/", "/django-admin/")
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Logging ------------------------------------------------------------------------
# One JSON object per line on stderr, each carrying the request id of its request.
LOG_LEVEL = envstr("LOG_LEVEL", "INFO")
LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.logging.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "datefmt": "%Y-%m-%dT%H:%M:%S%z",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id"],
        },
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.server": {"level": "WARNING"},
        # One INFO line per page event would drown the demo load and imports.
        "wagtail": {"level": "WARNING"},
        # One line per task started and finished: failures are logged at ERROR anyway.
        "django_tasks": {"level": "WARNING"},
    },
}

# --- Wagtail ------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Sala"
# Anonymous visitors' pages are kept this long in the cache (content/cache.py); 0 is off.
SALA_PAGE_CACHE_SECONDS = envint("SALA_PAGE_CACHE_SECONDS", 60)
WAGTAILADMIN_BASE_URL = SALA_SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Sign in ------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "accounts:my_account"
LOGOUT_REDIRECT_URL = "core:home"

# --- Accounts -----------------------------------------------------------------------
# django-allauth: sign up with a Cambodian mobile number (verified by a code sent by SMS)
# or an email address (verified by a mailed link), sign in with either, the username or a
# one-time code; national digital-ID through OpenID Connect; TOTP, recovery codes and
# passkeys. Someone who has neither a verified mobile number nor a verified email address
# cannot sign in (accounts.stages.ContactVerificationStage; allauth's own "mandatory"
# would demand an email address of everyone). Staff and officers must set up a second
# factor (accounts.middleware.RequireStaffMFAMiddleware). Object permissions: django-rules
# (accounts/permissions.py and each app's rules.py).
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"phone", "email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["phone", "email", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "optional"
# allauth warns that neither sign-in method is a required sign-up field: our sign-up form
# (accounts.forms.SignupForm) requires a mobile number or an email address.
SILENCED_SYSTEM_CHECKS = ["account.W001"]
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm", "login": "accounts.forms.LoginForm"}
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
# Six digits: easy to type from an SMS on any phone keypad.
ALLAUTH_USER_CODE_FORMAT = {"numeric": True, "length": 6, "dashed": False}
ACCOUNT_PHONE_VERIFICATION_SUPPORTS_RESEND = 2
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Sala: "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SALA_SITE_URL.startswith("https:") else "http"
# Limits per IP address and per account ("key": the address or number tried). Wrong
# passwords are counted per account by accounts.lockout (SALA_SIGN_IN_LOCKOUT_*); the
# per-address limit is generous because many people share one address behind an
# operator's NAT.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "60/10m/ip",
    "signup": "10/h/ip",
    "confirm_email": "3/10m/key",
    "reset_password": "10/h/ip,3/h/key",
    "reset_password_from_key": "20/h/ip",
    "change_password": "10/h/user",
    "manage_email": "10/h/user",
    "change_phone": "3/10m/user",
    "verify_phone": "1/30s/key,5/m/ip",
    "request_login_code": "20/m/ip,3/m/key",
    "reauthenticate": "10/10m/user",
}
SALA_SIGN_IN_LOCKOUT_ATTEMPTS = 20
SALA_SIGN_IN_LOCKOUT_MINUTES = envint("SALA_SIGN_IN_LOCKOUT_MINUTES", 30)
# Wrong passwords a day for one account from all addresses before the account itself locks.
SALA_SIGN_IN_ACCOUNT_CEILING = 200
# Wrong second-factor codes per account, from any address (accounts.forms.CodeFieldMixin);
# allauth's "login_failed" limit above counts them per address.
SALA_MFA_FAILURES_PER_ACCOUNT = "10/15m"
MFA_FORMS = {
    "authenticate": "accounts.forms.AuthenticateForm",
    "reauthenticate": "accounts.forms.ReauthenticateForm",
    "activate_totp": "accounts.forms.ActivateTOTPForm",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
# The demo and the tests serve passkeys over http://localhost; production checks origins.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = SALA_ENV in ("demo", "test")
MFA_TOTP_ISSUER = "Sala"
# A code from the period just before or after is accepted too (RFC 6238, 5.2): a person who
# types the code as it changes, or whose phone clock is a few seconds off, still signs in.
# Each code is still accepted once.
MFA_TOTP_TOLERANCE = 1
MFA_RECOVERY_CODE_COUNT = 10
USERSESSIONS_TRACK_ACTIVITY = True

# National digital-ID login (CamDigiKey or any OpenID Connect provider). Off while
# SALA_OIDC_ISSUER is empty. The ID token's issuer must be SALA_OIDC_ISSUER exactly.
SALA_OIDC_ISSUER = envstr("SALA_OIDC_ISSUER").rstrip("/")
SALA_OIDC_CLIENT_ID = envstr("SALA_OIDC_CLIENT_ID")
SALA_OIDC_CLIENT_SECRET = envsecret("SALA_OIDC_CLIENT_SECRET")
SALA_OIDC_NAME = envstr("SALA_OIDC_NAME", "CamDigiKey")
SALA_OIDC_SCOPES = envlist("SALA_OIDC_SCOPES", ["openid", "profile", "email", "phone"])
SOCIALACCOUNT_ADAPTER = "accounts.adapter.SocialAccountAdapter"
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = 10


def national_id_providers(issuer: str, client_id: str, secret: str, name: str) -> dict:
    """Return allauth's SOCIALACCOUNT_PROVIDERS for one OpenID Connect identity provider."""
    if not issuer:
        return {}
    if not client_id:
        raise ImproperlyConfigured("SALA_OIDC_ISSUER is set: set SALA_OIDC_CLIENT_ID too")
    return {
        "openid_connect": {
            "OAUTH_PKCE_ENABLED": True,
            "SCOPE": SALA_OIDC_SCOPES,
            "APPS": [
                {
                    "provider_id": "national-id",
                    "name": name,
                    "client_id": client_id,
                    "secret": secret,
                    "settings": {
                        "server_url": issuer,
                        # ID tokens must name the configured issuer, whatever the
                        # provider's discovery document says.
                        "openid_configuration_overrides": {"issuer": issuer},
                    },
                }
            ],
        }
    }


SOCIALACCOUNT_PROVIDERS = national_id_providers(
    SALA_OIDC_ISSUER, SALA_OIDC_CLIENT_ID, SALA_OIDC_CLIENT_SECRET, SALA_OIDC_NAME
)

# Once-only data from national registries through CamDX (registries app). The portal's
# subsystem on the exchange, and each registry: {"population" | "business": {"url": the
# security server, "service": the X-Road service id, "public_key": the registry's Ed25519
# public key, PEM}}, each from SALA_CAMDX_<POPULATION|BUSINESS>_URL, _SERVICE and
# _PUBLIC_KEY(_FILE). None set: no registry lookups, people type everything.
SALA_CAMDX_CLIENT = envstr("SALA_CAMDX_CLIENT", "KH/GOV/SALA/PORTAL")
SALA_CAMDX_TIMEOUT = float(envint("SALA_CAMDX_TIMEOUT_SECONDS", 5))


def camdx_registry(name: str) -> dict[str, str] | None:
    """SALA_CAMDX_<NAME>_URL, _SERVICE and _PUBLIC_KEY (or _PUBLIC_KEY_FILE): all three or
    none (the registry is then not asked)."""
    prefix = f"SALA_CAMDX_{name.upper()}"
    config = {
        "url": envstr(f"{prefix}_URL"),
        "service": envstr(f"{prefix}_SERVICE"),
        "public_key": envsecret(f"{prefix}_PUBLIC_KEY"),
    }
    if not any(config.values()):
        return None
    if missing := [key for key, value in config.items() if not value]:
        raise ImproperlyConfigured(
            f"{prefix}_URL, _SERVICE and _PUBLIC_KEY go together; missing: {', '.join(missing)}"
        )
    return config


SALA_CAMDX_REGISTRIES: dict[str, dict[str, str]] = {
    name: config
    for name in ("population", "business")
    if (config := camdx_registry(name)) is not None
}

# --- Payments (payments/) ------------------------------------------------------------
# The portal's Bakong account that fees are paid into, and the payee's name the citizen
# checks in the banking app (KHQR tags 29, 59, 60 and, in Khmer, 64).
SALA_KHQR_ACCOUNT_ID = envstr("SALA_KHQR_ACCOUNT_ID", "sala_fees@nbcq")
SALA_KHQR_ACQUIRING_BANK = envstr("SALA_KHQR_ACQUIRING_BANK", "")
SALA_KHQR_MERCHANT_NAME = envstr("SALA_KHQR_MERCHANT_NAME", "SALA PORTAL FEES")
SALA_KHQR_MERCHANT_CITY = envstr("SALA_KHQR_MERCHANT_CITY", "PHNOM PENH")
SALA_KHQR_NAME_KM = envstr("SALA_KHQR_NAME_KM", "ថ្លៃសេវា សាលា")
SALA_KHQR_CITY_KM = envstr("SALA_KHQR_CITY_KM", "ភ្នំពេញ")
# Where the portal asks what was paid (payments/providers.py): the Bakong Open API.
SALA_PAYMENT_PROVIDER = envstr("SALA_PAYMENT_PROVIDER", "bakong")
SALA_BAKONG_API_URL = envstr("SALA_BAKONG_API_URL", "https://api-bakong.nbc.gov.kh")
SALA_BAKONG_TOKEN = envsecret("SALA_BAKONG_TOKEN")
SALA_BAKONG_EMAIL = envstr("SALA_BAKONG_EMAIL", "")
SALA_BAKONG_TIMEOUT = float(envint("SALA_BAKONG_TIMEOUT", 10))
# A Bakong call that gets no answer is tried again within the same run, at most this many
# calls in all, after a pause (SALA_BAKONG_RETRY_PAUSE_MS) that doubles each time.
SALA_BAKONG_ATTEMPTS = max(1, envint("SALA_BAKONG_ATTEMPTS", 3))
SALA_BAKONG_RETRY_PAUSE_MS = max(0, envint("SALA_BAKONG_RETRY_PAUSE_MS", 1000))
# Whether this instance takes fees online; then production needs the KHQR account and the
# Bakong credentials (payments/checks.py).
SALA_PAYMENTS_ENABLED = envbool("SALA_PAYMENTS_ENABLED", True)
# The shared secret a bank signs its payment callbacks with (payments/callbacks.py);
# empty: callbacks are refused.
SALA_BANK_CALLBACK_SECRET = envsecret("SALA_BANK_CALLBACK_SECRET")
# How long a payment QR can be paid, in minutes (KHQR tag 99, then the request expires).
SALA_PAYMENT_EXPIRY_MINUTES = envint("SALA_PAYMENT_EXPIRY_MINUTES", 60 * 24 * 3)

# --- Portal -------------------------------------------------------------------------
SALA_PORTAL_NAME = {"km": "សាលា", "en": "Sala"}
SALA_DEMO_DATA_ALLOWED = True
# The demo's phone pages (Telegram and SMS stand-ins) while the demo runs; never set otherwise.
SALA_DEMO_PHONES: dict[str, str] = {}
# Where the demo's stand-in ministry website listens (python -m standins serves it there).
SALA_DEMO_MINISTRY_SITE_URL = envstr("SALA_DEMO_MINISTRY_SITE_URL", "http://127.0.0.1:8790")
SALA_DESIGN_PAGE_PUBLIC = DEBUG
SALA_MAP_TILE_URL = envstr("SALA_MAP_TILE_URL", "")
SALA_MAP_TILE_ATTRIBUTION = envstr("SALA_MAP_TILE_ATTRIBUTION", "")

# --- Calls out of the portal (core/outbound.py) --------------------------------------
# Every outside call refuses loopback, private, link-local and reserved addresses, checked
# when the socket connects. Loopback is allowed only where the demo and the tests run their
# stand-in servers (demo.py, test.py); there is no variable for it, so production cannot.
SALA_OUTBOUND_ALLOW_LOOPBACK = False
# Private hosts an operator trusts (an SMS gateway inside the government network): host
# names, addresses or networks, e.g. "sms-gw.internal,10.20.0.0/24".
SALA_OUTBOUND_ALLOWED_PRIVATE_HOSTS = envlist("SALA_OUTBOUND_ALLOWED_PRIVATE_HOSTS")

# --- Notifications ------------------------------------------------------------------
# SMS through the operator's gateway (notifications/sms.py): log (demo), http, memory.
SALA_SMS_PROVIDER = envstr("SALA_SMS_PROVIDER", "log")
SALA_SMS_HTTP_URL = envstr("SALA_SMS_HTTP_URL")
SALA_SMS_HTTP_TOKEN = envsecret("SALA_SMS_HTTP_TOKEN")
SALA_SMS_SENDER = envstr("SALA_SMS_SENDER", "Sala")
# Incoming text messages (notifications/views/sms.py): the key the gateway signs with.
SALA_SMS_INBOUND_SECRET = envsecret("SALA_SMS_INBOUND_SECRET")
# Telegram bot (notifications/telegram.py); the channel is off until token and name are set.
SALA_TELEGRAM_BOT_TOKEN = envsecret("SALA_TELEGRAM_BOT_TOKEN")
SALA_TELEGRAM_BOT_USERNAME = envstr("SALA_TELEGRAM_BOT_USERNAME")
SALA_TELEGRAM_API_URL = envstr("SALA_TELEGRAM_API_URL", "https://api.telegram.org")
SALA_TELEGRAM_WEBHOOK_SECRET = envsecret("SALA_TELEGRAM_WEBHOOK_SECRET")
# Where the "open Telegram" deep links point: https://t.me/<bot>?start=<token>.
SALA_TELEGRAM_LINK_URL = envstr("SALA_TELEGRAM_LINK_URL", "https://t.me").rstrip("/")
# The outbox: attempts before a delivery is dead, the first retry delay (doubling after),
# how long a worker's claim on a delivery lasts, and the daily digest's hour.
SALA_NOTIFICATIONS_MAX_ATTEMPTS = envint("SALA_NOTIFICATIONS_MAX_ATTEMPTS", 10)
SALA_NOTIFICATIONS_RETRY_SECONDS = envint("SALA_NOTIFICATIONS_RETRY_SECONDS", 60)
SALA_NOTIFICATIONS_LEASE_SECONDS = envint("SALA_NOTIFICATIONS_LEASE_SECONDS", 300)
SALA_NOTIFICATIONS_DIGEST_HOUR = envint("SALA_NOTIFICATIONS_DIGEST_HOUR", 18)
SALA_BROADCASTS_PER_HOUR = envint("SALA_BROADCASTS_PER_HOUR", 5)
# Outgoing mail never waits on a silent server for ever (EMAIL_URL's timeout= wins).
if not globals().get("EMAIL_TIMEOUT"):
    EMAIL_TIMEOUT = 10

# --- Aggregation (news from feeds and mailboxes) -------------------------------------
# Feeds are fetched through core.outbound: no loopback or private hosts (see above).
SALA_AGGREGATION_MAX_FEED_BYTES = envint("SALA_AGGREGATION_MAX_FEED_BYTES", 5 * 1024 * 1024)
SALA_AGGREGATION_TIMEOUT_SECONDS = envint("SALA_AGGREGATION_TIMEOUT_SECONDS", 10)
SALA_AGGREGATION_MAX_MAIL_BYTES = envint("SALA_AGGREGATION_MAX_MAIL_BYTES", 25 * 1024 * 1024)
SALA_AGGREGATION_MAX_ATTACHMENT_BYTES = envint(
    "SALA_AGGREGATION_MAX_ATTACHMENT_BYTES", 10 * 1024 * 1024
)
# The authserv-id our own mail server writes into Authentication-Results; empty: those
# headers are not trusted and only Return-Path/From alignment is checked.
SALA_AGGREGATION_MAIL_AUTHSERV_ID = envstr("SALA_AGGREGATION_MAIL_AUTHSERV_ID")
# Crawling ministries' websites (aggregation.crawling): the largest page and PDF read, the
# timeout of one request, the first back-off after an error (doubled after each, at most a
# minute) and the errors in a row after which a crawl stops until the source's next turn.
SALA_CRAWL_MAX_PAGE_BYTES = envint("SALA_CRAWL_MAX_PAGE_BYTES", 2 * 1024 * 1024)
SALA_CRAWL_MAX_PDF_BYTES = envint("SALA_CRAWL_MAX_PDF_BYTES", 20 * 1024 * 1024)
SALA_CRAWL_TIMEOUT_SECONDS = envint("SALA_CRAWL_TIMEOUT_SECONDS", 10)
SALA_CRAWL_BACKOFF_SECONDS = envint("SALA_CRAWL_BACKOFF_SECONDS", 2)
SALA_CRAWL_ERRORS_IN_A_ROW = envint("SALA_CRAWL_ERRORS_IN_A_ROW", 10)

# --- Forums: replies by mail ---------------------------------------------------------
# The address whose +tagged forms reach the reply mailbox (replies+<token>@domain); empty:
# forum e-mails carry no Reply-To. The mailbox as imaps://user:password@host:993/INBOX
# (imap+starttls:// on 143; plain imap:// only to this machine); a token's age limit.
SALA_FORUMS_REPLY_ADDRESS = envstr("SALA_FORUMS_REPLY_ADDRESS")
SALA_FORUMS_REPLY_MAILBOX = envsecret("SALA_FORUMS_REPLY_MAILBOX")
SALA_FORUMS_REPLY_MAX_AGE_DAYS = envint("SALA_FORUMS_REPLY_MAX_AGE_DAYS", 60)
# --- Issued documents ---------------------------------------------------------------
# PDFs of issued documents are private: stored under SALA_DOCUMENTS_ROOT (never served as
# media) or, with MEDIA_STORAGE=s3, in the bucket under issued-documents/, and handed out
# only by documents.views after a permission check. Signing keys: documents/signing.py.
SALA_DOCUMENTS_ROOT = Path(envstr("SALA_DOCUMENTS_ROOT", str(VAR_DIR / "documents")))
if MEDIA_STORAGE == "s3":
    STORAGES["documents"] = {
        "BACKEND": STORAGES["default"]["BACKEND"],
        "OPTIONS": {**STORAGES["default"]["OPTIONS"], "location": "issued-documents"},
    }
else:
    STORAGES["documents"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": str(SALA_DOCUMENTS_ROOT),
            "base_url": None,
            **PRIVATE_FILE_PERMISSIONS,
        },
    }
# Fernet keys, newest first, that encrypt the secrets kept in the database (a news
# mailbox's password; core/sealing.py). Empty: one key derived from SECRET_KEY.
SALA_STORED_SECRET_KEYS = [
    key.strip() for key in envsecret("SALA_STORED_SECRET_KEYS").split(",") if key.strip()
]
SALA_DOCUMENT_SIGNING_KEY = envsecret("SALA_DOCUMENT_SIGNING_KEY")
SALA_DOCUMENT_RETIRED_PUBLIC_KEYS = envlist("SALA_DOCUMENT_RETIRED_PUBLIC_KEYS")
# Verification look-ups (page or JSON) one address may make per minute.
SALA_DOCUMENT_VERIFICATIONS_PER_MINUTE = envint("SALA_DOCUMENT_VERIFICATIONS_PER_MINUTE", 30)
# fontTools logs every table it subsets at INFO, once per PDF.
LOGGING["loggers"]["fontTools"] = {"level": "WARNING"}

# --- Health: monthly counts for DHIS2 (health/dhis2.py) -------------------------------
# The DHIS2 data set and the data elements the four monthly counts per facility go to,
# as the ministry's DHIS2 instance names them (11-character UIDs); the facility's code is
# the organisation unit.
SALA_DHIS2_DATA_SET = envstr("SALA_DHIS2_DATA_SET", "SalaHlthMon")
SALA_DHIS2_DATA_ELEMENTS = {
    "questions": envstr("SALA_DHIS2_DE_QUESTIONS", "SalaHlthQst"),
    "bookings": envstr("SALA_DHIS2_DE_BOOKINGS", "SalaHlthBkg"),
    "attendances": envstr("SALA_DHIS2_DE_ATTENDANCES", "SalaHlthAtt"),
    "no_shows": envstr("SALA_DHIS2_DE_NO_SHOWS", "SalaHlthNoS"),
}

# --- Citizen reports: Open311 GeoReport v2 (reports/open311.py) -------------------------
# The portal's one Open311 jurisdiction_id, and the contact that discovery names (where an
# application asks for an API key).
SALA_OPEN311_JURISDICTION = envstr("SALA_OPEN311_JURISDICTION", "sala.gov.kh")
SALA_OPEN311_CONTACT = envstr("SALA_OPEN311_CONTACT", "open311@sala.gov.kh")

# --- Markets: agricultural prices (markets/) -------------------------------------------
# Riel per US dollar, to compare prices entered in dollars with prices in riel.
SALA_MARKETS_KHR_PER_USD = envint("SALA_MARKETS_KHR_PER_USD", 4100)
