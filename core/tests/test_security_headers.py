"""Security headers on every kind of public page, the admin's relaxed policy, and HSTS in
production (checked in a subprocess, because production settings refuse test values)."""

from __future__ import annotations

import json
import os
import secrets

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.contrib.auth import get_user_model

from core.testing.processes import run_project_python
from documents.signing import private_key_pem

pytestmark = pytest.mark.django_db


# Pages anyone can reach without signing in, one of each kind (200, 403, 404, form, search,
# machine endpoint).
PUBLIC_PATHS = [
    "/km/",
    "/en/",
    "/km/search/?q=passport",
    "/en/search/",
    "/km/account/sign-in/",
    "/km/no-such-page/",
    "/en/design/",
    "/km/cms/",
    "/healthz",
]
# The admins' own pages, for a signed-in administrator (their login pages only send people
# to the portal's sign-in, accounts/tests/test_sign_in_routes.py).
ADMIN_PATHS = ["/cms/", "/django-admin/"]


def csp_directives(response) -> dict[str, list[str]]:
    """Return the Content-Security-Policy header as {directive: [sources]}."""
    header = response.headers.get("Content-Security-Policy")
    assert header, f"No Content-Security-Policy on {response.request['PATH_INFO']}"
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name.lower()] = sources
    return directives


@pytest.fixture(autouse=True)
def design_page_closed(settings):
    settings.SALA_DESIGN_PAGE_PUBLIC = False


@pytest.mark.parametrize("path", PUBLIC_PATHS)
class TestPublicPages:
    def test_the_content_security_policy_is_strict(self, client, path):
        csp = csp_directives(client.get(path))
        script_src = csp.get("script-src", csp.get("default-src"))
        assert script_src, "script-src (or default-src) must be set"
        assert "'unsafe-inline'" not in script_src
        assert "'unsafe-eval'" not in script_src
        assert "*" not in script_src
        assert "'unsafe-inline'" not in csp.get("style-src", csp["default-src"])
        assert csp["default-src"] == ["'self'"]
        assert csp["frame-ancestors"] == ["'none'"]
        assert csp["object-src"] == ["'none'"]
        assert csp["base-uri"] == ["'self'"]
        assert csp["form-action"] == ["'self'"]

    def test_it_sends_the_other_security_headers(self, client, path):
        response = client.get(path)
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"

    def test_it_never_gets_the_admins_relaxed_policy(self, admin_client, path):
        # Signed in as a superuser too: the relaxation follows the path, not the person.
        csp = csp_directives(admin_client.get(path))
        assert "'unsafe-inline'" not in csp.get("script-src", [])
        assert "'unsafe-eval'" not in csp.get("script-src", [])
        assert "'unsafe-inline'" not in csp.get("style-src", [])


@pytest.mark.parametrize("path", ADMIN_PATHS)
def test_the_admin_gets_the_relaxed_policy_and_keeps_the_rest(admin_client, path):
    response = admin_client.get(path)
    assert response.status_code == 200
    csp = csp_directives(response)
    assert "'unsafe-inline'" in csp["script-src"]
    assert "'unsafe-inline'" in csp["style-src"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_admin_pages_of_a_signed_in_editor_get_the_relaxed_policy(client):
    editor = get_user_model().objects.create_superuser("editor", password="pw")
    client.force_login(editor)
    response = client.get("/cms/")
    assert response.status_code == 200
    assert "'unsafe-inline'" in csp_directives(response)["script-src"]


# --- Production -----------------------------------------------------------------------

# HTTPS headers on /healthz, because a page would need collectstatic's manifest first; the
# security middleware treats every response alike. Plain HTTP to a page is redirected before
# any view runs; the health checks are exempt so load balancers can probe them.
PRODUCTION_REQUEST_SCRIPT = """
import json
import django
from django.test import Client
from django.test.utils import setup_test_environment

PATH = "/healthz"
django.setup()
setup_test_environment()
client = Client()
secure = client.get(PATH, secure=True)
plain = client.get("/km/")
plain_probe = client.get(PATH)
print(json.dumps({
    "secure_status": secure.status_code,
    "secure_headers": dict(secure.headers),
    "plain_status": plain.status_code,
    "plain_location": plain.headers.get("Location"),
    "plain_hsts": plain.headers.get("Strict-Transport-Security"),
    "plain_probe_status": plain_probe.status_code,
}))
"""


@pytest.fixture
def production_env(tmp_path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "SECRET_KEY_FILE", "DEBUG", "REDIS_URL"}
    }
    env.update(
        SALA_ENV="production",
        DJANGO_SETTINGS_MODULE="sala.settings.production",
        SECRET_KEY=secrets.token_urlsafe(48)[:64],
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"sqlite:///{tmp_path / 'production.sqlite3'}",
        SALA_VAR_DIR=str(tmp_path),
        LOG_LEVEL="ERROR",
        SALA_DOCUMENT_SIGNING_KEY=private_key_pem(Ed25519PrivateKey.generate()),
        SALA_SMS_PROVIDER="http",
        SALA_SMS_HTTP_URL="https://sms-gateway.example.gov.kh/send",
        SALA_SMS_HTTP_TOKEN=secrets.token_urlsafe(24),
        SALA_KHQR_ACCOUNT_ID="fees@nbcq",
        SALA_BAKONG_TOKEN=secrets.token_urlsafe(24),
        SALA_BAKONG_EMAIL="fees@ministry.example.gov.kh",
    )
    return env


def test_production_passes_djangos_deployment_checklist(production_env):
    assert len(production_env["SECRET_KEY"]) == 64
    result = run_project_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_sends_hsts_over_https_and_redirects_plain_http(production_env):
    result = run_project_python(["-c", PRODUCTION_REQUEST_SCRIPT], production_env)
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])

    assert outcome["secure_status"] == 200
    headers = outcome["secure_headers"]
    hsts = {
        part.strip().split("=")[0].lower(): part.strip().partition("=")[2]
        for part in headers["Strict-Transport-Security"].split(";")
    }
    assert int(hsts["max-age"]) >= 31_536_000
    assert "includesubdomains" in hsts
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"]

    assert outcome["plain_status"] == 301
    assert outcome["plain_location"] == "https://testserver/km/"
    assert outcome["plain_hsts"] is None  # HSTS is only meaningful over HTTPS
    assert outcome["plain_probe_status"] == 200
