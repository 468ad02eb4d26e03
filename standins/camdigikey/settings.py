"""Settings of the CamDigiKey stand-in's own Django project (never the portal's)."""

from __future__ import annotations

import os
import secrets

SECRET_KEY = secrets.token_urlsafe(50)  # its sessions last as long as its process
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "oauth2_provider",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "standins.camdigikey.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [os.path.join(os.path.dirname(__file__), "templates")],
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ["OIDC_PROVIDER_DB"],
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "/login/"
USE_TZ = True
OAUTH2_PROVIDER = {
    "OIDC_ENABLED": True,
    "OIDC_RSA_PRIVATE_KEY": os.environ["OIDC_PROVIDER_KEY"],
    "PKCE_REQUIRED": True,
    "OAUTH2_VALIDATOR_CLASS": "standins.camdigikey.claims.IdentityValidator",
    "SCOPES": {
        "openid": "OpenID Connect",
        "profile": "Name, date of birth, sex and national ID number",
        "email": "Email address",
        "phone": "Mobile number",
    },
}
# Browsers keep cookies per host, not per port: the portal on the same loopback address
# must not see its session or CSRF cookie overwritten by the stand-in's.
SESSION_COOKIE_NAME = "camdigikey_session"
CSRF_COOKIE_NAME = "camdigikey_csrftoken"
