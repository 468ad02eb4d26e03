"""The one HTTP client for every call out of the portal (feeds, SMS gateway, Telegram,
national digital ID, registries, payment networks).

What it guarantees, whoever calls it (docs/decisions/0025-one-outbound-http-client.md):

- connect and read timeouts, and an overall deadline for the whole call, redirects and
  body included;
- the body read as a stream and refused past `max_bytes` (decompressed size);
- redirects followed by hand (GET and HEAD only, at most `max_redirects`), each hop
  checked like the first, credentials dropped when the host changes;
- the destination address checked **when the socket connects**: the name is resolved
  once, inside the connection, every address it gave is checked against the private,
  loopback, link-local, multicast and reserved ranges, and the socket connects to the
  checked address (TLS still verifies the certificate for the name and sends it as SNI).
  There is no second lookup for a rebinding DNS server to answer differently;
- one error type, `OutboundError`, with what happened in English and Khmer.

Loopback is refused unless the call allows it (`allow_loopback`, for tests and the demo's
stand-in servers: `settings.SALA_OUTBOUND_ALLOW_LOOPBACK`, never on in production).
Private addresses are refused unless the operator lists the host or its network in
`SALA_OUTBOUND_ALLOWED_PRIVATE_HOSTS` (an SMS gateway inside the government network).
Proxies from the environment are not used: a proxy would connect for us, unchecked.

    with OutboundClient(allow_loopback=settings.SALA_OUTBOUND_ALLOW_LOOPBACK) as client:
        response = client.post(url, json={"to": number}, headers={"Authorization": ...})
    response.status, response.json()

Libraries that make their own `requests` calls (allauth's OpenID Connect provider) get a
session with the same connection checks from `requests_session()`.
"""

from __future__ import annotations

import functools
import ipaddress
import json as jsonlib
import socket
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.exceptions import TimeoutError as Urllib3TimeoutError
from urllib3.poolmanager import PoolManager
from urllib3.util import connection as urllib3_connection

USER_AGENT = "Sala portal (+https://sala.gov.kh/)"
CHUNK_BYTES = 64 * 1024
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
CREDENTIAL_HEADERS = ("authorization", "cookie", "proxy-authorization")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]
"""Return the addresses (text) a host name has, for a TCP connection to `port`."""


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class OutboundError(Exception):
    """A call out of the portal failed; `en` and `km` say what happened in plain words.

    `kind` is one of: "address" (not an http(s) URL), "name" (the host name was not
    found), "refused" (a private or loopback address), "timeout", "deadline", "too_large",
    "redirects", "unreachable", "broken" (the connection broke mid-answer), "not_json".
    """

    def __init__(self, kind: str, en: str, km: str, *, host: str = "", **facts: Any) -> None:
        super().__init__(en)
        self.kind, self.en, self.km, self.host, self.facts = kind, en, km, host, facts


# --- Which addresses a call may reach ---------------------------------------------------


@dataclass(frozen=True)
class AddressPolicy:
    allow_loopback: bool = False
    allowed_private_hosts: tuple[str, ...] = ()  # names, addresses or networks (CIDR)

    def check(self, host: str, address: str) -> None:
        """Raise OutboundError unless `host` may be reached at `address`."""
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        mapped = getattr(ip, "ipv4_mapped", None)
        if mapped is not None:
            ip = mapped
        if ip.is_global and not ip.is_multicast:
            return
        if ip.is_loopback and self.allow_loopback:
            return
        if self._operator_allows(host, ip):
            return
        raise OutboundError(
            "refused",
            f"{host} points to a private address ({ip}); the portal does not connect there.",
            f"{host} ចង្អុលទៅអាសយដ្ឋានឯកជន ({ip}) ដូច្នេះវិបផតថលមិនភ្ជាប់ទៅទីនោះទេ។",
            host=host,
            address=str(ip),
        )

    def _operator_allows(
        self, host: str, ip: ipaddress.IPv4Address | ipaddress.IPv6Address
    ) -> bool:
        for entry in self.allowed_private_hosts:
            try:
                if ip in ipaddress.ip_network(entry, strict=False):
                    return True
            except ValueError:
                if entry.lower().rstrip(".") == host.lower().rstrip("."):
                    return True
        return False


def operator_policy(allow_loopback: bool) -> AddressPolicy:
    return AddressPolicy(
        allow_loopback=allow_loopback,
        allowed_private_hosts=tuple(settings.SALA_OUTBOUND_ALLOWED_PRIVATE_HOSTS),
    )


# --- Connections that check the address they connect to ---------------------------------


class _CheckedConnectionMixin:
    """Resolve the host once, check every address, connect to a checked one."""

    def __init__(self, *args: Any, policy: AddressPolicy, resolver: Resolver, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._policy, self._resolver = policy, resolver

    def _new_conn(self) -> socket.socket:
        host: str = self._dns_host  # type: ignore[attr-defined]
        port: int = self.port  # type: ignore[attr-defined]
        try:
            addresses = self._resolver(host, port)
        except OSError as error:
            raise OutboundError(
                "name",
                f"The name {host} could not be found ({error}).",
                f"រកឈ្មោះ {host} មិនឃើញទេ ({error})។",
                host=host,
            ) from error
        for address in addresses:
            self._policy.check(host, address)
        return self._connect_to_first(host, addresses)

    def _connect_to_first(self, host: str, addresses: list[str]) -> socket.socket:
        error: OSError | None = None
        for address in addresses:
            try:
                return urllib3_connection.create_connection(
                    (address, self.port),  # type: ignore[attr-defined]
                    self.timeout,  # type: ignore[attr-defined]
                    source_address=self.source_address,  # type: ignore[attr-defined]
                    socket_options=self.socket_options,  # type: ignore[attr-defined]
                )
            except TimeoutError as timeout:
                raise ConnectTimeoutError(self, f"Connection to {host} timed out.") from timeout
            except OSError as failure:
                error = failure
        raise NewConnectionError(self, f"Failed to connect to {host}: {error}")  # type: ignore[arg-type]


class CheckedHTTPConnection(_CheckedConnectionMixin, HTTPConnection):
    pass


class CheckedHTTPSConnection(_CheckedConnectionMixin, HTTPSConnection):
    pass


class _CheckedHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = CheckedHTTPConnection


class _CheckedHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = CheckedHTTPSConnection


class _CheckedPoolManager(PoolManager):
    def __init__(self, policy: AddressPolicy, resolver: Resolver, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.policy, self.resolver = policy, resolver
        self.pool_classes_by_scheme = {
            "http": _CheckedHTTPConnectionPool,
            "https": _CheckedHTTPSConnectionPool,
        }

    def _new_pool(self, scheme: str, host: str, port: int, request_context: Any = None):
        pool = super()._new_pool(scheme, host, port, request_context)
        pool.conn_kw.update(policy=self.policy, resolver=self.resolver)
        return pool


class CheckedAdapter(HTTPAdapter):
    """A `requests` transport adapter whose connections check their address."""

    def __init__(self, policy: AddressPolicy, resolver: Resolver, **kwargs: Any) -> None:
        self.policy, self.resolver = policy, resolver
        super().__init__(**kwargs)

    def init_poolmanager(self, connections: int, maxsize: int, block: bool = False, **kw: Any):
        self.poolmanager = _CheckedPoolManager(
            self.policy, self.resolver, num_pools=connections, maxsize=maxsize, block=block, **kw
        )

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any):
        raise OutboundError(
            "refused",
            "Calls out of the portal do not go through a proxy.",
            "ការហៅចេញពីវិបផតថលមិនឆ្លងកាត់ប្រូកស៊ីទេ។",
        )


def _session(
    policy: AddressPolicy, resolver: Resolver, adapter_class: type[CheckedAdapter], **kw: Any
) -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # no proxy, .netrc or CA bundle from the environment
    adapter = adapter_class(policy, resolver, **kw)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


class _LibraryAdapter(CheckedAdapter):
    """For libraries that catch `requests` exceptions: a refusal is a ConnectionError."""

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any):
        try:
            return super().send(request, *args, **kwargs)
        except OutboundError as error:
            raise requests.ConnectionError(error.en, request=request) from error


def requests_session(
    *,
    allow_loopback: bool = False,
    timeout: tuple[float, float] = (5.0, 10.0),
    max_redirects: int = 5,
    resolver: Resolver | None = None,
) -> requests.Session:
    """Return a `requests` session whose connections are checked as `OutboundClient`'s
    (every redirect hop too) and whose calls time out; for libraries that call `requests`
    themselves. It does not cap the size of an answer: the library reads it."""
    policy = operator_policy(allow_loopback)
    session = _session(policy, resolver or system_resolver, _LibraryAdapter)
    session.max_redirects = max_redirects
    session.request = functools.partial(session.request, timeout=timeout)  # type: ignore[method-assign]
    return session


# --- The client ----------------------------------------------------------------------------


@dataclass
class Response:
    url: str  # after redirects
    status: int
    headers: dict[str, str] = field(default_factory=dict)  # names in lower case
    content: bytes = b""

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")

    def json(self) -> Any:
        try:
            return jsonlib.loads(self.content or b"null")
        except ValueError as error:
            host = urlsplit(self.url).hostname or self.url
            raise OutboundError(
                "not_json",
                f"{host} answered with something that is not JSON.",
                f"{host} បានឆ្លើយតបដោយអ្វីមួយដែលមិនមែនជា JSON។",
                host=host,
            ) from error


class OutboundClient:
    """Calls out of the portal with timeouts, a deadline, a size cap, checked redirects and
    addresses checked at connect time. Keep one for a batch of calls (it pools
    connections) and close it, or use it as a context manager."""

    def __init__(
        self,
        *,
        allow_loopback: bool = False,
        connect_timeout: float = 5.0,
        read_timeout: float = 10.0,
        deadline: float = 30.0,
        max_bytes: int = 1_000_000,
        max_redirects: int = 5,
        user_agent: str = USER_AGENT,
        verify: bool | str = True,
        resolver: Resolver | None = None,
        pool_size: int = 10,
    ) -> None:
        self.connect_timeout, self.read_timeout = connect_timeout, read_timeout
        self.deadline, self.max_bytes, self.max_redirects = deadline, max_bytes, max_redirects
        self.user_agent, self.verify = user_agent, verify
        self.session = _session(
            operator_policy(allow_loopback),
            resolver or system_resolver,
            CheckedAdapter,
            pool_maxsize=pool_size,
        )

    def __enter__(self) -> OutboundClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.session.close()

    def get(self, url: str, **kwargs: Any) -> Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> Response:
        return self.request("POST", url, **kwargs)

    def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        data: bytes | str | None = None,
        follow_redirects: bool | None = None,
    ) -> Response:
        """Send the request; return the answer whatever its status (the caller decides
        what a 4xx or 5xx means). Raise OutboundError when there is no whole answer."""
        method = method.upper()
        if follow_redirects is None:
            follow_redirects = method in ("GET", "HEAD")
        sent_headers = {"User-Agent": self.user_agent, **(headers or {})}
        ends_at = time.monotonic() + self.deadline
        for _hop in range(self.max_redirects + 1):
            host = _checked_url(url)
            response = self._send(method, url, sent_headers, json, data, ends_at, host)
            location = response.headers.get("location")
            if follow_redirects and response.status_code in REDIRECT_STATUSES and location:
                response.close()
                next_url = urljoin(url, location)
                if urlsplit(next_url).hostname != host:
                    sent_headers = _without_credentials(sent_headers)
                url = next_url
                continue
            with response:
                return self._read(response, url, host, ends_at)
        raise OutboundError(
            "redirects",
            f"{host} redirected more than {self.max_redirects} times.",
            f"{host} បញ្ជូនបន្តលើសពី {self.max_redirects} ដង។",
            host=host,
            limit=self.max_redirects,
        )

    def _send(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        json: Any,
        data: bytes | str | None,
        ends_at: float,
        host: str,
    ) -> requests.Response:
        remaining = self._remaining(ends_at, host)
        timeout = (min(self.connect_timeout, remaining), min(self.read_timeout, remaining))
        try:
            return self.session.request(
                method,
                url,
                headers=headers,
                json=json,
                data=data,
                timeout=timeout,
                stream=True,
                allow_redirects=False,
                verify=self.verify,
            )
        except requests.Timeout as error:
            seconds = timeout[0] if isinstance(error, requests.ConnectTimeout) else timeout[1]
            raise _timeout(host, seconds) from error
        except requests.RequestException as error:
            raise _unreachable(host, error) from error

    def _read(self, response: requests.Response, url: str, host: str, ends_at: float) -> Response:
        headers = {name.lower(): value for name, value in response.headers.items()}
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise _too_large(host, self.max_bytes)
        chunks: list[bytes] = []
        size = 0
        try:
            while chunk := response.raw.read1(CHUNK_BYTES, decode_content=True):
                size += len(chunk)
                if size > self.max_bytes:
                    raise _too_large(host, self.max_bytes)
                self._remaining(ends_at, host)
                chunks.append(chunk)
        except Urllib3TimeoutError as error:
            raise _timeout(host, self.read_timeout) from error
        except (OSError, Urllib3Error, requests.RequestException, ValueError) as error:
            reason = type(error).__name__
            raise OutboundError(
                "broken",
                f"The connection to {host} broke while reading the answer ({reason}).",
                f"ការតភ្ជាប់ទៅ {host} បានដាច់ពេលកំពុងអានចម្លើយ ({reason})។",
                host=host,
            ) from error
        content = b"".join(chunks)
        return Response(url=url, status=response.status_code, headers=headers, content=content)

    def _remaining(self, ends_at: float, host: str) -> float:
        remaining = ends_at - time.monotonic()
        if remaining <= 0:
            seconds = self.deadline
            raise OutboundError(
                "deadline",
                f"{host} sent its answer too slowly; we stopped waiting after {seconds:g} seconds.",
                f"{host} បញ្ជូនចម្លើយយឺតពេក ដូច្នេះយើងឈប់រង់ចាំបន្ទាប់ពី {seconds:g} វិនាទី។",
                host=host,
                seconds=seconds,
            )
        return remaining


def _checked_url(url: str) -> str:
    """Return the host of an http(s) URL; raise OutboundError for anything else."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise OutboundError(
            "address",
            f"The address {url!r} is not a web address (http or https).",
            f"អាសយដ្ឋាន {url!r} មិនមែនជាអាសយដ្ឋានគេហទំព័រ (http ឬ https) ទេ។",
        )
    return parts.hostname


def _without_credentials(headers: Mapping[str, str]) -> dict[str, str]:
    return {k: v for k, v in headers.items() if k.lower() not in CREDENTIAL_HEADERS}


def _timeout(host: str, seconds: float) -> OutboundError:
    return OutboundError(
        "timeout",
        f"{host} did not answer within {seconds:g} seconds.",
        f"{host} មិនបានឆ្លើយតបក្នុងរយៈពេល {seconds:g} វិនាទីទេ។",
        host=host,
        seconds=seconds,
    )


def _unreachable(host: str, error: Exception) -> OutboundError:
    reason = "TLS" if isinstance(error, requests.exceptions.SSLError) else type(error).__name__
    return OutboundError(
        "unreachable",
        f"{host} could not be reached ({reason}).",
        f"មិនអាចភ្ជាប់ទៅ {host} បានទេ ({reason})។",
        host=host,
        reason=reason,
    )


def _too_large(host: str, max_bytes: int) -> OutboundError:
    megabytes = max_bytes / (1024 * 1024)
    return OutboundError(
        "too_large",
        f"The answer from {host} is larger than {megabytes:g} MB; we did not read it.",
        f"ចម្លើយពី {host} ធំជាង {megabytes:g} MB ដូច្នេះយើងមិនបានអានវាទេ។",
        host=host,
        max_bytes=max_bytes,
    )
