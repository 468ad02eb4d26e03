"""Keep the test suite off the network: only loopback addresses may be reached.

Like Zulip's `block_internet`, but at the socket level, so it catches every client library
(urllib, requests, smtplib, redis-py, ...). A test that needs the outside world mocks it at
the edge, or runs a real server on 127.0.0.1. The browser is kept off the network by its
own launch flags (see `core.testing.browser`), because it is a separate process.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from typing import Any

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


class InternetBlockedError(RuntimeError):
    """A test tried to reach something other than this machine's loopback interface.

    A RuntimeError rather than an OSError, so that code which handles network errors
    cannot swallow it and let the test pass for the wrong reason.
    """


def is_loopback_host(host: object) -> bool:
    """Return whether `host` (a name or an address literal) can only mean this machine."""
    if host is None:
        return True  # getaddrinfo(None, port): the local wildcard address
    if isinstance(host, bytes):
        host = host.decode("idna")
    if not isinstance(host, str):
        return False
    name = host.strip("[]").split("%", 1)[0].rstrip(".").lower()
    if name in LOOPBACK_NAMES or name.endswith(".localhost") or name == "":
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)
    return address.is_loopback or (mapped is not None and mapped.is_loopback)


def _refuse(what: str) -> InternetBlockedError:
    return InternetBlockedError(
        f"Tests may not use the network: tried to {what}. Only loopback (127.0.0.1, ::1, "
        "localhost) is allowed. Mock the outside world at its edge, or run a real server "
        "on 127.0.0.1 (see conftest.py)."
    )


class NetworkGuard:
    """Patches the socket module so that non-loopback lookups and connections raise."""

    def __init__(self) -> None:
        self._saved: dict[str, Callable[..., Any]] = {}

    @property
    def installed(self) -> bool:
        return bool(self._saved)

    def install(self) -> None:
        if self.installed:
            return
        self._saved = {name: getattr(socket, name) for name in LOOKUPS}
        self._saved.update({name: getattr(socket.socket, name) for name in CONNECTS})
        for name in LOOKUPS:
            setattr(socket, name, _guard_lookup(self._saved[name]))
        for name in CONNECTS:
            setattr(socket.socket, name, _guard_connect(self._saved[name]))

    def uninstall(self) -> None:
        for name, original in self._saved.items():
            setattr(socket.socket if name in CONNECTS else socket, name, original)
        self._saved = {}


LOOKUPS = ("getaddrinfo", "gethostbyname", "gethostbyname_ex")
CONNECTS = ("connect", "connect_ex")


def _guard_lookup(lookup: Callable[..., Any]) -> Callable[..., Any]:
    def guarded(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not is_loopback_host(host):
            raise _refuse(f"look up {host!r}")
        return lookup(host, *args, **kwargs)

    return guarded


def _guard_connect(connect: Callable[..., Any]) -> Callable[..., Any]:
    def guarded(sock: socket.socket, address: Any) -> Any:
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            host = address[0] if isinstance(address, tuple) else address
            if not is_loopback_host(host):
                raise _refuse(f"connect to {address!r}")
        return connect(sock, address)

    return guarded


network_guard = NetworkGuard()
