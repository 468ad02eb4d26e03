"""The one outbound HTTP client, against real servers on loopback (plain and TLS).

Names other than localhost are given to the client through its resolver hook, as a DNS
server would answer them; nothing leaves the machine (core/testing/network.py would stop it).
"""

from __future__ import annotations

import datetime
import gzip
import ipaddress
import json
import socket
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from core.outbound import OutboundClient, OutboundError
from core.testing.network import InternetBlockedError

PUBLIC = "93.184.216.34"  # a global address: connecting there would leave the machine


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        server: Server = self.server.owner  # type: ignore[attr-defined]
        server.requests.append((self.path, dict(self.headers.items())))
        path, query = self.path.split("?", 1) if "?" in self.path else (self.path, "")
        if path == "/ok":
            self.answer(200, b"hello")
        elif path == "/json":
            self.answer(200, json.dumps({"answer": 42}).encode())
        elif path == "/redirect":
            self.send_response(302)
            self.send_header("Location", parse_qs(query)["to"][0])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/declared-big":
            self.send_response(200)
            self.send_header("Content-Length", str(2_000_000))
            self.end_headers()
        elif path == "/undeclared-big":  # no length: the body ends when the server closes
            self.send_response(200)
            self.end_headers()
            self.stream(b"x" * 65_536, 32)
        elif path == "/gzip-bomb":
            self.send_response(200)
            body = gzip.compress(b"\0" * 5_000_000)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif path == "/trickle":  # one byte every 50 ms, for a minute
            self.send_response(200)
            self.send_header("Content-Length", "1200")
            self.end_headers()
            self.stream(b"x", 1200, pause=0.05)
        elif path == "/silent":
            server.release.wait(10)
        else:
            self.answer(404, b"")

    do_POST = do_GET

    def answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def stream(self, chunk: bytes, times: int, pause: float = 0) -> None:
        server: Server = self.server.owner  # type: ignore[attr-defined]
        try:
            for _ in range(times):
                self.wfile.write(chunk)
                self.wfile.flush()
                if pause and server.release.wait(pause):
                    return
        except OSError:
            return  # the client hung up, as it should


class Server:
    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.release = threading.Event()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.owner = self  # type: ignore[attr-defined]
        if tls is not None:
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str, host: str = "127.0.0.1", scheme: str = "http") -> str:
        return f"{scheme}://{host}:{self.port}{path}"

    def stop(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def server():
    running = Server()
    yield running
    running.stop()


@pytest.fixture(autouse=True)
def _fresh(server):
    server.requests.clear()


def answering(**names: str):
    """Return a resolver that knows these names (dots and dashes as underscores), address
    literals, and nothing else."""

    def resolve(host: str, port: int) -> list[str]:
        try:
            return [str(ipaddress.ip_address(host))]
        except ValueError:
            pass
        try:
            return [names[host.replace(".", "_").replace("-", "_")]]
        except KeyError:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known") from None

    return resolve


def failure(call) -> OutboundError:
    with pytest.raises(OutboundError) as caught:
        call()
    return caught.value


def test_a_loopback_server_answers_when_the_call_allows_loopback(server):
    with OutboundClient(allow_loopback=True) as client:
        response = client.get(server.url("/json"))
    assert (response.status, response.json()) == (200, {"answer": 42})
    assert response.headers["content-length"] == "14"


def test_loopback_is_refused_by_default_before_anything_is_sent(server):
    with OutboundClient() as client:
        error = failure(lambda: client.get(server.url("/ok")))
    assert error.kind == "refused"
    assert "private address" in error.en and "អាសយដ្ឋានឯកជន" in error.km
    assert server.requests == []


def test_a_name_that_rebinds_to_a_private_address_is_refused_at_connect(server):
    """The name is looked up once per connection and the socket connects to the address
    that was checked: there is no second lookup for a DNS server to answer differently."""
    answers = iter([[PUBLIC], ["127.0.0.1"]])
    lookups: list[str] = []

    def rebinding(host: str, port: int) -> list[str]:
        lookups.append(host)
        return next(answers)

    url = server.url("/ok", host="news.example")
    with OutboundClient(resolver=rebinding) as client:
        # First answer: a public address, checked and connected to (the test's network
        # guard stops the socket there, which shows where it went).
        with pytest.raises(InternetBlockedError, match=PUBLIC):
            client.get(url)
        # Then the same name answers 127.0.0.1: refused when connecting.
        error = failure(lambda: client.get(url))
    assert error.kind == "refused"
    assert lookups == ["news.example", "news.example"]
    assert server.requests == []


def test_a_name_with_one_private_address_among_public_ones_is_refused(server):
    resolver = lambda host, port: [PUBLIC, "10.0.0.7"]  # noqa: E731
    with OutboundClient(resolver=resolver) as client:
        error = failure(lambda: client.get("http://mixed.example/"))
    assert (error.kind, error.facts["address"]) == ("refused", "10.0.0.7")


@pytest.mark.parametrize(
    "address",
    ["10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",  # noqa: S104
     "224.0.0.1", "240.0.0.1", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1"],
)  # fmt: skip
def test_private_link_local_and_reserved_addresses_are_refused(address):
    with OutboundClient(resolver=lambda host, port: [address]) as client:
        error = failure(lambda: client.get("http://inside.example/"))
    assert error.kind == "refused"


def test_an_operator_may_allow_a_private_gateway_by_name_or_network(server, settings):
    resolver = answering(sms_gateway_internal="127.0.0.1")
    url = server.url("/ok", host="sms-gateway.internal")
    with OutboundClient(resolver=resolver) as client:
        assert failure(lambda: client.get(url)).kind == "refused"
    settings.SALA_OUTBOUND_ALLOWED_PRIVATE_HOSTS = ["sms-gateway.internal"]
    with OutboundClient(resolver=resolver) as client:
        assert client.get(url).content == b"hello"
    settings.SALA_OUTBOUND_ALLOWED_PRIVATE_HOSTS = ["127.0.0.0/8"]
    with OutboundClient(resolver=resolver) as client:
        assert client.get(url).content == b"hello"


def test_a_slow_body_is_cut_at_the_deadline(server):
    started = time.monotonic()
    with OutboundClient(allow_loopback=True, read_timeout=2, deadline=0.5) as client:
        error = failure(lambda: client.get(server.url("/trickle")))
    assert error.kind == "deadline"
    assert time.monotonic() - started < 2  # the whole body would take a minute
    assert "too slowly" in error.en and "យឺតពេក" in error.km


def test_a_silent_server_times_out(server):
    with OutboundClient(allow_loopback=True, read_timeout=0.3) as client:
        error = failure(lambda: client.get(server.url("/silent")))
    assert (error.kind, error.facts["seconds"]) == ("timeout", 0.3)


@pytest.mark.parametrize("path", ["/declared-big", "/undeclared-big", "/gzip-bomb"])
def test_an_oversized_body_is_refused(server, path):
    with OutboundClient(allow_loopback=True, max_bytes=1_000_000) as client:
        error = failure(lambda: client.get(server.url(path)))
    assert error.kind == "too_large"
    assert "larger than 0.953674 MB" in error.en


def test_a_redirect_to_a_private_host_is_refused(server):
    resolver = answering(localhost="127.0.0.1", intranet_example="192.168.1.20")
    with OutboundClient(allow_loopback=True, resolver=resolver) as client:
        for target in ("http://10.1.2.3/admin", "http://intranet.example/"):
            error = failure(lambda t=target: client.get(server.url(f"/redirect?to={t}")))
            assert error.kind == "refused"
    assert [path for path, _headers in server.requests] == [
        "/redirect?to=http://10.1.2.3/admin",
        "/redirect?to=http://intranet.example/",
    ]


def test_redirects_are_followed_each_hop_checked_and_credentials_stay_with_their_host(server):
    target = server.url("/ok", host="localhost")
    with OutboundClient(allow_loopback=True) as client:
        response = client.get(
            server.url(f"/redirect?to={target}"), headers={"Authorization": "Bearer secret"}
        )
    assert (response.status, response.content, response.url) == (200, b"hello", target)
    (_, first), (_, second) = server.requests
    assert first["Authorization"] == "Bearer secret"
    assert "Authorization" not in second


def test_a_redirect_loop_ends(server):
    with OutboundClient(allow_loopback=True, max_redirects=3) as client:
        error = failure(lambda: client.get(server.url("/loop")))
    assert (error.kind, len(server.requests)) == ("redirects", 4)


def test_a_post_is_not_redirected(server):
    with OutboundClient(allow_loopback=True) as client:
        response = client.post(server.url("/redirect?to=/ok"), json={})
    assert (response.status, response.headers["location"]) == (302, "/ok")
    assert [path for path, _headers in server.requests] == ["/redirect?to=/ok"]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/", "http:///path"])
def test_only_web_addresses_are_called(url):
    with OutboundClient() as client:
        assert failure(lambda: client.get(url)).kind == "address"


def test_an_unknown_name_says_so_in_both_languages():
    with OutboundClient(resolver=answering()) as client:
        error = failure(lambda: client.get("http://nowhere.example/"))
    assert error.kind == "name"
    assert "nowhere.example could not be found" in error.en
    assert "រកឈ្មោះ nowhere.example មិនឃើញទេ" in error.km


def test_a_closed_port_is_unreachable():
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    with OutboundClient(allow_loopback=True) as client:
        assert failure(lambda: client.get(f"http://127.0.0.1:{port}/")).kind == "unreachable"


# --- TLS: the socket goes to the checked address, the certificate is checked for the name


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "feed.example")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("feed.example")]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    (folder / "cert.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    names: list[str | None] = []
    context.sni_callback = lambda _socket, name, _context: names.append(name)
    running = Server(tls=context)
    running.sni_names = names  # type: ignore[attr-defined]
    running.ca = str(folder / "cert.pem")  # type: ignore[attr-defined]
    yield running
    running.stop()


def test_tls_connects_to_the_checked_address_and_verifies_the_name(tls_server):
    resolver = answering(feed_example="127.0.0.1")
    url = tls_server.url("/ok", host="feed.example", scheme="https")
    with OutboundClient(allow_loopback=True, resolver=resolver, verify=tls_server.ca) as client:
        assert client.get(url).content == b"hello"
    assert tls_server.sni_names[-1] == "feed.example"
    assert urlsplit(url).hostname == "feed.example"


def test_tls_refuses_a_certificate_for_another_name(tls_server):
    resolver = answering(other_example="127.0.0.1")
    url = tls_server.url("/ok", host="other.example", scheme="https")
    with OutboundClient(allow_loopback=True, resolver=resolver, verify=tls_server.ca) as client:
        error = failure(lambda: client.get(url))
    assert (error.kind, error.facts["reason"]) == ("unreachable", "TLS")
