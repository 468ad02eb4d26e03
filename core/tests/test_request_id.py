from __future__ import annotations

import json
import logging

import pytest

from core.logging import RequestIdFilter


@pytest.mark.django_db
def test_every_response_carries_a_fresh_request_id(client):
    first = client.get("/en/")["X-Request-ID"]
    second = client.get("/en/")["X-Request-ID"]
    assert len(first) == 32
    assert first != second


@pytest.mark.django_db
def test_a_well_formed_upstream_id_is_kept_and_a_malformed_one_replaced(client):
    kept = client.get("/en/", headers={"X-Request-ID": "nginx-1234abcd"})
    assert kept["X-Request-ID"] == "nginx-1234abcd"
    replaced = client.get("/en/", headers={"X-Request-ID": "bad id\nwith newline"})
    assert replaced["X-Request-ID"] != "bad id\nwith newline"


@pytest.mark.django_db
def test_log_lines_are_json_with_the_request_id(client, caplog):
    caplog.set_level(logging.INFO, logger="sala.request")
    response = client.get("/en/", headers={"X-Request-ID": "trace-abcdef12"})
    record = next(r for r in caplog.records if r.name == "sala.request")
    assert RequestIdFilter().filter(record)
    assert record.status == response.status_code
    assert record.path == "/en/"

    from django.conf import settings
    from pythonjsonlogger.json import JsonFormatter

    options = settings.LOGGING["formatters"]["json"]
    formatter = JsonFormatter(options["fmt"], rename_fields=options["rename_fields"])
    line = json.loads(formatter.format(record))
    assert line["level"] == "INFO"
    assert line["path"] == "/en/"
    assert "request_id" in line
