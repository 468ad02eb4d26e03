"""Where the portal finds its registries: the operator's SALA_CAMDX_* variables; in the
demo, the simulators while they run; in production never the simulators, even with their
file left in var/."""

from __future__ import annotations

import base64
import json
import os
import secrets

import pytest

from core.testing.processes import run_project_python

PRINT_REGISTRIES = (
    "from django.conf import settings; import json; "
    "print(json.dumps(settings.SALA_CAMDX_REGISTRIES))"
)
SIMULATORS = {
    "telegram": {"url": "http://127.0.0.1:9", "token": "t", "username": "SalaDemoBot"},
    "sms": {"url": "http://127.0.0.1:9", "token": "t", "inbound_secret": "s"},
    "registries": {
        "population": {
            "url": "http://127.0.0.1:9",
            "service": "KH/GOV/MOI/POPULATION/person",
            "public_key": "simulator key",
        }
    },
}
KEY = (
    "-----BEGIN PUBLIC KEY-----\n"
    "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n"
    "-----END PUBLIC KEY-----"
)


def registries_under(sala_env: str, var_dir, **env: str):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k != "DJANGO_SETTINGS_MODULE" and not k.startswith(("SALA_CAMDX_", "SALA_SMS_"))
    }
    clean.update(
        SALA_ENV=sala_env,
        SALA_VAR_DIR=str(var_dir),
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="sala.gov.kh",
        SALA_DOCUMENT_SIGNING_KEY=base64.b64encode(secrets.token_bytes(32)).decode(),
        SALA_SMS_LOG_IN_PRODUCTION="true",
        **env,
    )
    return run_project_python(["manage.py", "shell", "-c", PRINT_REGISTRIES], clean)


def configured(sala_env: str, var_dir, **env: str) -> dict:
    result = registries_under(sala_env, var_dir, **env)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def var_with_simulators(tmp_path):
    (tmp_path / "standins.json").write_text(json.dumps(SIMULATORS))
    return tmp_path


def test_the_demo_asks_the_simulators_while_they_run(var_with_simulators):
    population = configured("demo", var_with_simulators)["population"]
    assert population["url"] == "http://127.0.0.1:9"


def test_production_never_asks_the_simulators(var_with_simulators):
    assert configured("production", var_with_simulators) == {}


def test_the_operator_names_each_registry_in_the_environment(var_with_simulators):
    registries = configured(
        "production",
        var_with_simulators,
        SALA_CAMDX_BUSINESS_URL="https://ss.camdx.example.gov.kh",
        SALA_CAMDX_BUSINESS_SERVICE="KH/GOV/MOC/BUSINESS/company",
        SALA_CAMDX_BUSINESS_PUBLIC_KEY=KEY,
    )
    assert registries == {
        "business": {
            "url": "https://ss.camdx.example.gov.kh",
            "service": "KH/GOV/MOC/BUSINESS/company",
            "public_key": KEY,
        }
    }


def test_a_registry_half_configured_stops_the_portal_with_a_clear_message(tmp_path):
    result = registries_under(
        "production", tmp_path, SALA_CAMDX_POPULATION_URL="https://ss.camdx.example.gov.kh"
    )
    assert result.returncode != 0
    assert "missing: service, public_key" in result.stderr
