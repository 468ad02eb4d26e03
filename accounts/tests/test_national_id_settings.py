"""The CamDigiKey stand-in is the demo's: the demo settings offer it while it runs, the
production settings never do, even with the stand-ins' file left in their var/."""

from __future__ import annotations

import base64
import json
import os
import secrets

import pytest

from core.testing.processes import run_project_python

PRINT_PROVIDERS = (
    "from django.conf import settings; import json; "
    "print(json.dumps(settings.SOCIALACCOUNT_PROVIDERS))"
)
STANDINS = {
    "telegram": {"url": "http://127.0.0.1:9", "token": "t", "username": "SalaDemoBot"},
    "sms": {"url": "http://127.0.0.1:9", "token": "t", "inbound_secret": "s"},
    "camdigikey": {
        "url": "http://127.0.0.1:9",
        "issuer": "http://127.0.0.1:9/o",
        "client_id": "sala-demo",
        "client_secret": "demo-secret",
    },
}


def providers_under(sala_env: str, var_dir, **env: str) -> dict:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "SALA_OIDC_ISSUER", "SALA_SMS_PROVIDER"}
    }
    clean.update(
        SALA_ENV=sala_env,
        SALA_VAR_DIR=str(var_dir),
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="sala.gov.kh",
        SALA_DOCUMENT_SIGNING_KEY=base64.b64encode(secrets.token_bytes(32)).decode(),
        # Production refuses the log SMS provider unless told (docs/security.md, item 7).
        SALA_SMS_LOG_IN_PRODUCTION="true",
        **env,
    )
    result = run_project_python(["manage.py", "shell", "-c", PRINT_PROVIDERS], clean)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def var_with_standins(tmp_path):
    (tmp_path / "standins.json").write_text(json.dumps(STANDINS))
    return tmp_path


def test_the_demo_offers_the_camdigikey_stand_in_while_it_runs(var_with_standins):
    app = providers_under("demo", var_with_standins)["openid_connect"]["APPS"][0]
    assert (app["name"], app["client_id"]) == ("CamDigiKey", "sala-demo")
    assert app["settings"]["server_url"] == "http://127.0.0.1:9/o"


def test_production_never_configures_the_camdigikey_stand_in(var_with_standins):
    assert providers_under("production", var_with_standins) == {}


def test_a_real_provider_in_the_demo_wins_over_the_stand_in(var_with_standins):
    providers = providers_under(
        "demo",
        var_with_standins,
        SALA_OIDC_ISSUER="https://camdigikey.example.gov.kh",
        SALA_OIDC_CLIENT_ID="sala",
    )
    app = providers["openid_connect"]["APPS"][0]
    assert app["settings"]["server_url"] == "https://camdigikey.example.gov.kh"
