"""A real HTTP server on loopback that serves feed files, with conditional GET, and the
misbehaviours a poller must survive: a response that never ends (200 MB streamed), a
server that never answers, redirect loops."""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FEEDS = Path(__file__).parent / "feeds"


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "application/rss+xml; charset=utf-8"
    status: int = 200
    location: str = ""
    behaviour: str = ""  # "huge", "hang" or ""
    huge_bytes: int = 200 * 1024 * 1024


@dataclass
class FeedServer:
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, str]] = field(default_factory=list)
    stop_hanging: threading.Event = field(default_factory=threading.Event)
    sent_bytes: int = 0

    def __post_init__(self) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), FeedHandler)
        self.httpd.feed_server = self
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def serve_file(self, path: str, name: str, content_type: str = "") -> str:
        self.routes[path] = Route(
            body=(FEEDS / name).read_bytes(),
            content_type=content_type or "application/rss+xml; charset=utf-8",
        )
        return self.url(path)

    def start(self) -> FeedServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stop_hanging.set()
        self.httpd.shutdown()
        self.httpd.server_close()


class FeedHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    @property
    def feeds(self) -> FeedServer:
        return self.server.feed_server

    def log_message(self, *args) -> None:
        return

    def do_GET(self) -> None:
        self.feeds.requests.append((self.path, self.headers.get("If-None-Match", "")))
        route = self.feeds.routes.get(self.path)
        if route is None:
            self._send(404, b"not found", "text/plain")
        elif route.behaviour == "hang":
            self.feeds.stop_hanging.wait(30)
        elif route.behaviour == "huge":
            self._stream_huge(route)
        elif route.location:
            self.send_response(route.status)
            self.send_header("Location", route.location)
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._send_conditionally(route)

    def _send_conditionally(self, route: Route) -> None:
        etag = '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self._send(route.status, route.body, route.content_type, etag)

    def _send(self, status: int, body: bytes, content_type: str, etag: str = "") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)

    def _stream_huge(self, route: Route) -> None:
        # No Content-Length: the client must count while it reads.
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = b"<rss>" + b"x" * (1024 * 1024 - 5)
        try:
            for _ in range(route.huge_bytes // len(chunk)):
                self.wfile.write(chunk)
                self.feeds.sent_bytes += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            return
