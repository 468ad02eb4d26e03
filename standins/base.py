"""What every stand-in server shares: a threaded HTTP server on loopback and small helpers
for JSON answers, form posts and the plain pages a demo user sees."""

from __future__ import annotations

import html
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

PAGE = """<!doctype html>
<html lang="km"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, "Noto Sans Khmer", sans-serif; max-width: 30rem; margin: 0 auto;
  padding: 1rem; background: #eef2f5; color: #1b1b1b; line-height: 1.5; }}
.note {{ background: #fff4ce; padding: .5rem .75rem; border-radius: .5rem; font-size: .9rem; }}
.chat {{ display: flex; flex-direction: column; gap: .5rem; margin: 1rem 0; }}
.msg {{ padding: .5rem .75rem; border-radius: .75rem; max-width: 85%; white-space: pre-wrap;
  overflow-wrap: anywhere; }}
.in {{ background: #fff; align-self: flex-start; }}
.out {{ background: #d9fdd3; align-self: flex-end; }}
form.inline {{ display: inline; }}
button, input[type=text] {{ font: inherit; padding: .5rem .75rem; border-radius: .5rem;
  border: 1px solid #8a8a8a; }}
button {{ background: #0b5cad; color: #fff; border-color: #0b5cad; margin: .15rem 0; }}
.send {{ display: flex; gap: .5rem; }} .send input {{ flex: 1; }}
</style></head><body>{body}</body></html>"""


def escape(text: Any) -> str:
    return html.escape(str(text), quote=True)


def page(title: str, body: str) -> bytes:
    return PAGE.format(title=escape(title), body=body).encode()


class Handler(BaseHTTPRequestHandler):
    """Base request handler: `self.stand_in` is the server's state object."""

    protocol_version = "HTTP/1.1"

    @property
    def stand_in(self) -> Any:
        return self.server.stand_in  # type: ignore[attr-defined]

    @property
    def path_only(self) -> str:
        return urlsplit(self.path).path

    @property
    def query(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}

    def body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(min(length, 1_000_000)) if length else b""

    def form(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.body().decode()).items()}

    def answer_json(self, status: int, data: Any) -> None:
        self.answer(status, json.dumps(data).encode(), "application/json")

    def answer_page(self, title: str, body: str) -> None:
        self.answer(200, page(title, body), "text/html; charset=utf-8")

    def redirect(self, location: str) -> None:
        self.send_response(303)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def answer(self, status: int, data: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


class StandInServer:
    """Run `handler_class` on 127.0.0.1 (port 0: any free port) in a daemon thread."""

    def __init__(self, stand_in: Any, handler_class: type[Handler], port: int = 0) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", port), handler_class)
        self.server.daemon_threads = True
        self.server.stand_in = stand_in  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}"

    def start(self) -> StandInServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
