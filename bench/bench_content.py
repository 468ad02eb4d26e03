"""Anonymous home and news pages served by a real server on loopback, with the anonymous
page cache on (SALA_PAGE_CACHE_SECONDS=60) and off (0): requests per second and latency
(median, p99).

The demo settings and data on a throwaway database in a temporary directory; gunicorn with
two sync workers on 127.0.0.1 (a free port); four client threads, a new connection per
request as a browser without keep-alive would open. SALA_BENCH_REPEAT sets the requests
per page and setting (default 200). Only loopback is ever contacted.
"""

from __future__ import annotations

import http.client
import io
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from bench.scratch import scratch_demo_database

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"home": "/km/", "news": "/km/news/"}
CLIENTS = 4
WORKERS = 2
WARM_UP = 10
RATIOS = {
    f"{name} req/s, cache on vs off": (f"{name} cache on req/s", f"{name} cache off req/s")
    for name in PAGES
}


def run(progress: Callable[[str], None]) -> dict[str, object]:
    repeat = int(os.environ.get("SALA_BENCH_REPEAT", "200"))
    with scratch_demo_database(progress):
        from django.core.management import call_command

        progress("loading the demo data")
        call_command("load_demo_data", verbosity=0, stdout=io.StringIO())
        results: dict[str, object] = {}
        for label, seconds in (("cache on", "60"), ("cache off", "0")):
            with serving(seconds, progress) as port:
                for name, path in PAGES.items():
                    latencies, rate = load(port, path, repeat)
                    progress(f"{name} {label}: {repeat} requests, {rate:.0f} req/s")
                    results[f"{name} {label} ms"] = latencies
                    results[f"{name} {label} p99 ms"] = percentile(latencies, 99)
                    results[f"{name} {label} req/s"] = rate
        return results


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(cache_seconds: str, progress: Callable[[str], None]):
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "SALA_PAGE_CACHE_SECONDS": cache_seconds,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    server = subprocess.Popen(  # noqa: S603 -- our own interpreter and arguments
        [sys.executable, "-m", "gunicorn", "sala.wsgi:application", "--bind",
         f"127.0.0.1:{port}", "--workers", str(WORKERS), "--log-level", "warning"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_until_up(port)
        progress(f"gunicorn on 127.0.0.1:{port}, SALA_PAGE_CACHE_SECONDS={cache_seconds}")
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_until_up(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if fetch(port, "/healthz") == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the server on port {port} did not start in {timeout} s")


def fetch(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Accept-Language": "km"})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def timed_fetch(port: int, path: str) -> float:
    started = time.perf_counter()
    status = fetch(port, path)
    elapsed = (time.perf_counter() - started) * 1000
    assert status == 200, f"{path} answered {status}"
    return elapsed


def load(port: int, path: str, repeat: int) -> tuple[list[float], float]:
    """Return each request's latency in ms and the requests per second of `repeat`
    requests from CLIENTS threads."""
    for _ in range(WARM_UP):
        timed_fetch(port, path)
    with ThreadPoolExecutor(CLIENTS) as pool:
        started = time.perf_counter()
        latencies = list(pool.map(lambda _n: timed_fetch(port, path), range(repeat)))
        elapsed = time.perf_counter() - started
    return latencies, repeat / elapsed


def percentile(samples: list[float], percent: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[percent - 1]
