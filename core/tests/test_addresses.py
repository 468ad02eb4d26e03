"""The client's address behind the operator's proxies, and what a client cannot forge."""

from __future__ import annotations

import os

import pytest
from django.test import RequestFactory

from core.addresses import client_address
from core.testing.processes import run_project_python


def address(settings, proxies: int, forwarded: str | None, remote: str | None = "127.0.0.1"):
    settings.SALA_TRUSTED_PROXY_COUNT = proxies
    meta = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    request = RequestFactory().get("/", **meta)
    if remote is None:
        del request.META["REMOTE_ADDR"]
    else:
        request.META["REMOTE_ADDR"] = remote
    return client_address(request)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    assert address(settings, 0, "203.0.113.7", remote="198.51.100.2") == "198.51.100.2"
    assert address(settings, 0, None, remote="198.51.100.2") == "198.51.100.2"


def test_behind_one_proxy_the_client_is_the_address_it_appended(settings):
    assert address(settings, 1, "203.0.113.7") == "203.0.113.7"
    assert address(settings, 1, " 203.0.113.7 ") == "203.0.113.7"


def test_addresses_a_client_sends_itself_are_not_believed(settings):
    # The client sent "X-Forwarded-For: 10.9.9.9, 192.0.2.1"; nginx appended its address.
    assert address(settings, 1, "10.9.9.9, 192.0.2.1, 203.0.113.7") == "203.0.113.7"


def test_behind_a_load_balancer_and_nginx_the_second_from_the_right(settings):
    # The load balancer appended the client, nginx appended the load balancer.
    assert address(settings, 2, "10.9.9.9, 203.0.113.7, 10.0.0.5") == "203.0.113.7"


@pytest.mark.parametrize(
    "forwarded",
    [None, "", " ", ",", "unknown", "203.0.113.7,", "999.1.1.1", "203.0.113.7:443", "<script>"],
)
def test_a_missing_or_malformed_header_counts_as_the_proxy(settings, forwarded):
    assert address(settings, 1, forwarded) == "127.0.0.1"


def test_fewer_addresses_than_proxies_count_as_the_nearest_proxy(settings):
    assert address(settings, 2, "203.0.113.7", remote="10.0.0.5") == "10.0.0.5"


def test_ipv6_addresses_are_read_and_written_in_their_short_form(settings):
    assert address(settings, 1, "2001:DB8:0:0::7", remote="::1") == "2001:db8::7"
    assert address(settings, 1, "2001:db8::66, 2001:db8::7", remote="::1") == "2001:db8::7"
    assert address(settings, 0, None, remote="::1") == "::1"


def test_no_usable_address_at_all_is_none(settings):
    assert address(settings, 0, None, remote=None) is None
    assert address(settings, 1, "garbage", remote="") is None


@pytest.mark.parametrize(
    ("value", "message"),
    [("-1", "must be 0 or more"), ("one", "must be a whole number")],
)
def test_a_bad_trusted_proxy_count_stops_start_up(value, message):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(SALA_ENV="test", SALA_TRUSTED_PROXY_COUNT=value)
    result = run_project_python(["manage.py", "check"], env)
    assert result.returncode != 0
    assert f"SALA_TRUSTED_PROXY_COUNT {message}" in result.stderr
