"""Applicants submitting at once against a real server while officers work the queue, and
the office queue's query count with 100,000 cases.

For each setup (demo: SQLite in WAL mode; postgres: PostgreSQL on 127.0.0.1 when
reachable, in a database of its own that is dropped afterwards) a child process migrates a
scratch database, creates a commune hall, a one-page service, SALA_BENCH_APPLICANTS
(default 200) signed-in citizens and two officers, starts gunicorn on loopback as the
operations guide sizes it for a 2-core host (3 processes of 4 threads, DB_CONN_MAX_AGE=60,
errors logged to a file), and runs every applicant's whole journey over HTTP at the
same time (start, fill the page, accept and send), while the officers load the queue and
open cases in a loop. It measures the send's latency and the throughput, asserts that
every applicant has exactly one submitted application with one case (0 lost, 0
duplicated) and reports the error pages the clients saw and the errors the server
logged. Then it adds SALA_BENCH_QUEUE_CASES (default 100,000) cases and counts the
queries the queue takes.
"""

from __future__ import annotations

import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_notifications import reachable  # noqa: E402
from bench.scratch import measure_in_child, run_child  # noqa: E402

RATIOS = {"postgres vs demo, send p50": ("postgres send ms", "demo send ms")}
GUNICORN = ["--workers", "3", "--threads", "4", "--timeout", "30", "--log-level", "warning"]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM = {
    "pages": [{"key": "about", "title": {"km": "អំពីអ្នក", "en": "About you"},
               "fields": [{"key": "full_name", "type": "text",
                           "label": {"km": "ឈ្មោះពេញ", "en": "Full name"}}]}],
    "declaration": {"km": "ខ្ញុំបញ្ជាក់ថាចម្លើយរបស់ខ្ញុំពិតប្រាកដ។",
                    "en": "I confirm that my answers are true."},
}  # fmt: skip


def run(progress: Callable[[str], None] = print) -> dict:
    results = run_setup("demo")
    if os.environ.get("DATABASE_URL", "").startswith("postgres") or reachable("127.0.0.1", 5432):
        results.update(run_setup("postgres"))
    else:
        progress("postgres: skipped, no PostgreSQL")
    return results


def run_setup(setup: str) -> dict:
    return measure_in_child(__file__, setup)


# --- In the child process ----------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(count: int):
    from django.conf import settings
    from django.test import Client

    from accounts.models import OfficeMembership, Role, User
    from geo.models import Institution
    from geo.tests.factories import create_facility, create_tree
    from services.models import FormVersion, Service
    from services.versions import do_publish_form_version

    tree = create_tree()
    commune = tree.commune
    hall = create_facility(commune, "commune-hall")
    institution = Institution.objects.create(code="moi", name_km="ក្រសួងមហាផ្ទៃ",
                                             name_en="Ministry of Interior")  # fmt: skip
    service = Service.objects.create(
        slug="residence", name_km="លិខិតបញ្ជាក់ទីលំនៅ", name_en="Residence certificate",
        summary_km="លិខិតបញ្ជាក់ទីលំនៅ", summary_en="Residence certificate",
        institution=institution, status=Service.Status.PUBLISHED, sla_working_days=10,
    )  # fmt: skip
    do_publish_form_version(
        None, FormVersion.objects.create(service=service, number=1, definition=FORM)
    )
    cookies = []
    for number in range(count):
        user = User.objects.create_user(f"citizen{number}", home_area=commune)
        client = Client()
        client.force_login(user)
        cookies.append(client.cookies[settings.SESSION_COOKIE_NAME].value)
    officers = []
    for name, role in (("clerk", "clerk"), ("approver", "approver")):
        officer = User.objects.create_user(name)
        OfficeMembership.objects.create(user=officer, office=hall, role=Role.objects.get(code=role))
        client = Client()
        client.force_login(officer)
        officers.append(client.cookies[settings.SESSION_COOKIE_NAME].value)
    return service, hall, cookies, officers


RETRIES = 30
errors: list[str] = []


def step(session, method: str, url: str, *, form: bool = True, **data) -> tuple[object, str]:
    """One request as a person makes it: on an error page (e.g. the database busy), wait
    and try again. Return the response and the next form's CSRF token."""
    for attempt in range(RETRIES):
        try:
            response = session.request(method, url, data=data or None, timeout=120)
        except OSError as exc:
            errors.append(type(exc).__name__)
        else:
            found = CSRF.search(response.text)
            if response.status_code == 200 and (found or not form):
                return response, found.group(1) if found else ""
            errors.append(str(response.status_code))
        time.sleep(min(3.0, 0.1 * 2**attempt) * random.uniform(0.5, 1.5))  # noqa: S311
    raise AssertionError(f"{url} kept failing: {errors[-RETRIES:]}")


def apply(base: str, cookie: str) -> float:
    """One applicant's whole journey over HTTP; return the send's latency in ms."""
    import requests

    session = requests.Session()
    session.cookies.set("sessionid", cookie)
    _page, token = step(session, "GET", f"{base}/en/services/residence/")
    form, token = step(session, "POST", f"{base}/en/services/residence/start/",
                       csrfmiddlewaretoken=token)  # fmt: skip
    check, token = step(session, "POST", form.url, csrfmiddlewaretoken=token,
                        full_name="Sok Dara", _continue="1")  # fmt: skip
    sent_at = time.perf_counter()
    sent, _token = step(session, "POST", check.url, form=False, csrfmiddlewaretoken=token,
                        declaration="yes")  # fmt: skip
    elapsed = (time.perf_counter() - sent_at) * 1000
    assert "/sent/" in sent.url, sent.url
    return elapsed


def work_queue(base: str, cookie: str, stop: threading.Event, timings: list[float]) -> None:
    import requests

    session = requests.Session()
    session.cookies.set("sessionid", cookie)
    while not stop.is_set():
        started = time.perf_counter()
        try:
            queue = session.get(f"{base}/en/office/", timeout=120)
        except OSError as exc:
            errors.append(f"queue {type(exc).__name__}")
            continue
        if queue.status_code != 200:
            errors.append(f"queue {queue.status_code}")
            continue
        timings.append((time.perf_counter() - started) * 1000)
        for link in re.findall(r'href="(/en/office/cases/[0-9a-f-]+/)"', queue.text)[:3]:
            try:
                session.get(base + link, timeout=120)
            except OSError as exc:
                errors.append(f"case {type(exc).__name__}")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(setup: str, progress: Callable[[str], None]) -> dict:
    import django

    django.setup()
    from django.core.management import call_command

    progress("migrating")
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    count = int(os.environ.get("SALA_BENCH_APPLICANTS", "200"))
    service, hall, cookies, officers = prepare(count)
    from django.db import connections

    connections.close_all()
    port = free_port()
    server_log = Path(os.environ["SALA_VAR_DIR"]) / "server.log"
    server = subprocess.Popen(  # noqa: S603 -- our own interpreter and arguments
        [sys.executable, "-m", "gunicorn", "sala.wsgi:application", "--bind",
         f"127.0.0.1:{port}", *GUNICORN],
        cwd=ROOT, env={**os.environ, "DB_CONN_MAX_AGE": "60", "ALLOWED_HOSTS": "127.0.0.1"},
        stdout=subprocess.DEVNULL, stderr=server_log.open("w"),
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            if reachable("127.0.0.1", port):
                break
            time.sleep(0.2)
        progress(f"{count} applicants sending at once while 2 officers work the queue")
        stop, queue_ms = threading.Event(), []
        workers = [threading.Thread(target=work_queue, args=(base, c, stop, queue_ms))
                   for c in officers]  # fmt: skip
        for worker in workers:
            worker.start()
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=count) as pool:
            send_ms = list(pool.map(lambda c: apply(base, c), cookies))
        wall = time.perf_counter() - started
        stop.set()
        for worker in workers:
            worker.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    server_errors = logged_errors(server_log)
    for message in sorted(set(server_errors))[:5]:
        progress(f"server error: {message}")
    from cases.models import Case
    from services.models import Application

    submitted = Application.objects.submitted()
    lost = count - submitted.values("user").distinct().count()
    duplicated = submitted.count() - submitted.values("user").distinct().count()
    assert lost == 0 and duplicated == 0, (lost, duplicated)
    assert Case.objects.count() == count == Case.objects.filter(office=hall).count()
    progress(f"send p50 {statistics.median(send_ms):.0f} ms, p95 {percentile(send_ms, .95):.0f}"
             f" ms, {count / wall:.1f} applicants/s; 0 lost, 0 duplicated; "
             f"{len(errors)} error pages retried, {len(server_errors)} server errors")  # fmt: skip
    queries_small, _ms = queue_queries()
    total = int(os.environ.get("SALA_BENCH_QUEUE_CASES", "100000"))
    add_cases(service, hall, total, progress)
    queries_big, ms_big = queue_queries()
    assert queries_big == queries_small, (queries_small, queries_big)
    return {
        f"{setup} send ms": send_ms,
        f"{setup} send p95 ms": percentile(send_ms, 0.95),
        f"{setup} applicants per s": count / wall,
        f"{setup} officer queue ms": queue_ms,
        f"{setup} lost": lost,
        f"{setup} error pages retried": len(errors),
        f"{setup} server errors logged": len(server_errors),
        f"{setup} duplicated": duplicated,
        f"{setup} queue queries, {count} cases": queries_small,
        f"{setup} queue queries, {total + count} cases": queries_big,
        f"{setup} queue ms, {total + count} cases": ms_big,
    }


def logged_errors(log: Path) -> list[str]:
    """The messages of the ERROR (and worse) lines the server wrote: Sala's JSON lines and
    gunicorn's own '[ERROR]' lines."""
    found = []
    for line in log.read_text(errors="replace").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            if "[ERROR]" in line or "[CRITICAL]" in line:
                found.append(line.split("] ", 3)[-1])
            continue
        if isinstance(record, dict) and record.get("level") in {"ERROR", "CRITICAL"}:
            found.append(f"{record.get('logger')}: {record.get('message')}"[:200])
    return found


def queue_queries() -> tuple[int, list[float]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User

    client = Client(HTTP_HOST="localhost")
    client.force_login(User.objects.get(username="clerk"))
    client.get("/en/office/")
    timings = []
    for _ in range(5):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get("/en/office/?page=2")
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return len(captured), timings


def add_cases(service, hall, total: int, progress: Callable[[str], None]) -> None:
    from django.db import transaction
    from django.utils import timezone

    from accounts.models import User
    from cases.models import Case
    from services.models import Application

    progress(f"adding {total:,} cases")
    user = User.objects.get(username="citizen0")
    version = service.published_form()
    now = timezone.now()
    batch = 5000
    for start in range(0, total, batch):
        with transaction.atomic():
            applications = Application.objects.bulk_create(
                Application(service=service, form_version=version, user=user, area=hall.area,
                            office=hall, reference=f"BENCH-{n:09d}", state="submitted",
                            submitted_at=now, answers={"full_name": "Sok Dara"})
                for n in range(start, min(total, start + batch))
            )  # fmt: skip
            Case.objects.bulk_create(
                Case(application=a, reference=a.reference, service=service, applicant=user,
                     office=hall, area=hall.area, received_at=now, due_date=now.date())
                for a in applications
            )  # fmt: skip


if __name__ == "__main__":
    setup = sys.argv[1]
    run_child(
        "cases", setup, sys.argv[2], "database", lambda tmp, progress: measure(setup, progress)
    )
