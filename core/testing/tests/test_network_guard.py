"""The suite cannot reach the network; loopback still works."""

from __future__ import annotations

import socket
import urllib.request

import pytest

from core.testing.network import InternetBlockedError, is_loopback_host, network_guard


def test_the_guard_is_on_for_the_whole_suite():
    assert network_guard.installed


@pytest.mark.parametrize(
    "host",
    ["localhost", "127.0.0.1", "127.8.9.10", "::1", "[::1]", "::ffff:127.0.0.1", "a.localhost"],
)
def test_loopback_names_and_addresses_are_allowed(host):
    assert is_loopback_host(host)


@pytest.mark.parametrize(
    "host", ["example.org", "8.8.8.8", "10.0.0.1", "2001:db8::1", "localhost.org"]
)
def test_everything_else_is_not(host):
    assert not is_loopback_host(host)


def test_a_lookup_of_another_host_is_refused():
    with pytest.raises(InternetBlockedError, match=r"look up 'example\.org'"):
        socket.getaddrinfo("example.org", 443)


def test_a_connection_to_another_address_is_refused():
    with pytest.raises(InternetBlockedError, match=r"192\.0\.2\.1"):
        socket.create_connection(("192.0.2.1", 80), timeout=1)


def test_an_http_client_cannot_get_around_it():
    with pytest.raises(InternetBlockedError):
        urllib.request.urlopen("http://example.org/", timeout=1)


def test_loopback_connections_work():
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        with socket.create_connection(("localhost", port), timeout=1):
            connection, _address = server.accept()
            connection.close()
