"""The address a request came from, also behind the operator's own reverse proxies.

Behind nginx, REMOTE_ADDR is nginx's address. Each proxy appends the address it received
the request from to X-Forwarded-For, so with N proxies of ours in front of Sala the
client is the N-th address from the right; anything further left came from the client
and may be forged. SALA_TRUSTED_PROXY_COUNT is N (0: no proxy, REMOTE_ADDR is the client).
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """Return the client's IP address (rate limits, audit records); None if unknown.
    A header that does not fit the configured proxies counts as REMOTE_ADDR."""
    remote = _ip(request.META.get("REMOTE_ADDR", ""))
    proxies = settings.SALA_TRUSTED_PROXY_COUNT
    if not proxies:
        return remote
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(hops) < proxies:
        return remote
    return _ip(hops[-proxies]) or remote


def _ip(text: str) -> str | None:
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None
