"""1,000 people booking the same 50 places of a health centre at the same moment, over
HTTP against a real server: exactly 50 get a ticket and 950 a clear "full" answer.

For each setup (demo: SQLite in WAL mode; postgres: PostgreSQL on 127.0.0.1 when
reachable, in a database of its own that is dropped afterwards) a child process migrates a
scratch database, creates a health centre with one slot of SALA_BENCH_PLACES (default 50)
places tomorrow morning and SALA_BENCH_BOOKERS (default 1,000) signed-in citizens, starts
gunicorn on loopback as the operations guide sizes it for a 2-core host (3 processes of 4
threads), and releases them all at once to press "Book" (each with its session and CSRF
cookies made beforehand, so the 1,000 arrive together rather than behind 1,000 page
loads). Each client reads the answer as the browser would show it: the redirect to the
ticket, or back to the slots page with the "full" message (decoded from the messages
cookie the answer sets). It reports the answers counted, the latency of
the booking request (median, p95) for those who got a place and those told it was full,
and asserts what the numbers mean: as many tickets in the database as "booked" answers,
the slot's count equal to its capacity, no error page.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_cases import GUNICORN, free_port, logged_errors, percentile  # noqa: E402
from bench.bench_notifications import reachable  # noqa: E402
from bench.scratch import measure_in_child, run_child  # noqa: E402

RATIOS = {"postgres vs demo, booked p50": ("postgres booked ms", "demo booked ms")}
FULL = "This time is full"
WARM_UP = 12  # bookings of another slot first, so each server thread has loaded Django
# and each process has converted the PDF fonts (seconds, once) before the measured rush


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


def prepare(places: int, bookers: int, progress: Callable[[str], None]):
    import datetime

    from django.conf import settings
    from django.middleware.csrf import get_token
    from django.test import Client, RequestFactory
    from django.utils import timezone

    from accounts.models import User
    from geo.tests.factories import create_facility, create_tree
    from health.models import Slot

    tree = create_tree()
    centre = create_facility(tree.commune, "health-centre", name_en="Sla Kram Health Centre")
    slot = Slot.objects.create(
        office=centre,
        service="vaccination",
        date=timezone.localdate() + datetime.timedelta(days=1),
        window="morning",
        capacity=places,
    )
    warm_up = Slot.objects.create(
        office=centre, service="consultation", date=slot.date, window="afternoon", capacity=WARM_UP
    )
    people = []
    for number in range(bookers + WARM_UP):
        user = User.objects.create_user(f"parent{number}", first_name=f"Parent {number}")
        client = Client()
        client.force_login(user)
        csrf = RequestFactory().get("/")
        token = get_token(csrf)
        people.append(
            {
                "cookies": {
                    settings.SESSION_COOKIE_NAME: client.cookies[
                        settings.SESSION_COOKIE_NAME
                    ].value,
                    settings.CSRF_COOKIE_NAME: csrf.META["CSRF_COOKIE"],
                },
                "token": token,
            }
        )
        if (number + 1) % 250 == 0:
            progress(f"{number + 1} citizens signed in")
    return centre, slot, warm_up, people[:bookers], people[bookers:]


def book(base: str, page: str, action: str, person: dict, barrier: threading.Barrier):
    """One person: wait for everyone, press Book, read the answer. Return (answer,
    booking request ms)."""
    import requests

    session = requests.Session()
    for name, value in person["cookies"].items():
        session.cookies.set(name, value)
    barrier.wait()
    started = time.perf_counter()
    try:
        answer = session.post(
            base + action,
            data={"csrfmiddlewaretoken": person["token"]},
            allow_redirects=False,
            timeout=600,
        )
    except OSError as error:
        return type(error).__name__, 0.0
    elapsed = (time.perf_counter() - started) * 1000
    location = answer.headers.get("Location", "")
    if answer.status_code == 302 and "/appointments/bookings/" in location:
        return "booked", elapsed
    if answer.status_code == 302 and location.endswith(page):
        shown = " ".join(messages_in(answer.cookies.get("messages", "")))
        return ("full" if FULL in shown else f"message {shown!r}"), elapsed
    return f"status {answer.status_code}", elapsed


def messages_in(cookie: str) -> list[str]:
    """The messages the next page shows, read from the cookie as Django reads it."""
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.COOKIES["messages"] = cookie
    return [str(message) for message in CookieStorage(request)]


def measure(setup: str, progress: Callable[[str], None]) -> dict:
    import django

    django.setup()
    from django.core.management import call_command

    progress("migrating")
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    places = int(os.environ.get("SALA_BENCH_PLACES", "50"))
    bookers = int(os.environ.get("SALA_BENCH_BOOKERS", "1000"))
    centre, slot, warm_up, people, warmers = prepare(places, bookers, progress)
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
    page = f"/en/health/appointments/{centre.code}/"
    action = f"/en/health/appointments/slots/{slot.pk}/book/"
    try:
        for _ in range(100):
            if reachable("127.0.0.1", port):
                break
            time.sleep(0.2)
        progress(f"warming up: {WARM_UP} bookings of another slot")
        warm_barrier = threading.Barrier(WARM_UP)
        warm_action = f"/en/health/appointments/slots/{warm_up.pk}/book/"
        with ThreadPoolExecutor(max_workers=WARM_UP) as pool:
            warm = list(pool.map(lambda p: book(base, page, warm_action, p, warm_barrier), warmers))
        progress(f"warm-up answers {dict(Counter(answer for answer, _ms in warm))}")
        progress(f"{bookers} citizens press Book at once for {places} places")
        barrier = threading.Barrier(bookers + 1)
        with ThreadPoolExecutor(max_workers=bookers) as pool:
            futures = [pool.submit(book, base, page, action, p, barrier) for p in people]
            barrier.wait(timeout=600)
            started = time.perf_counter()
            outcomes = [future.result() for future in futures]
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    answers = Counter(answer for answer, _ms in outcomes)
    booked_ms = [ms for answer, ms in outcomes if answer == "booked"]
    full_ms = [ms for answer, ms in outcomes if answer == "full"]
    server_errors = logged_errors(server_log)
    if server_errors:
        kept = Path(tempfile.gettempdir()) / f"sala-bench-booking-{setup}-server.log"
        kept.write_text(server_log.read_text(errors="replace"))
        progress(f"{len(server_errors)} server errors, the server's log kept in {kept}")
    for message in sorted(set(server_errors))[:5]:
        progress(f"server error: {message}")
    from health.models import Booking, Slot

    in_database = Booking.objects.filter(slot=slot, status="booked").count()
    taken = Slot.objects.get(pk=slot.pk).booked
    progress(
        f"answers {dict(answers)}; {in_database} bookings in the database, slot count {taken}; "
        f"booked p50 {statistics.median(booked_ms or [0]):.0f} ms, "
        f"full p50 {statistics.median(full_ms or [0]):.0f} ms; all answered in {wall:.1f} s; "
        f"{len(server_errors)} server errors"
    )
    assert in_database == taken == answers["booked"] == places, (in_database, taken, answers)
    assert answers["full"] == bookers - places, answers
    return {
        f"{setup} booked answers": answers["booked"],
        f"{setup} full answers": answers["full"],
        f"{setup} other answers": bookers - answers["booked"] - answers["full"],
        f"{setup} bookings in database": in_database,
        f"{setup} booked ms": booked_ms,
        f"{setup} full ms": full_ms,
        f"{setup} booked p95 ms": percentile(booked_ms, 0.95),
        f"{setup} full p95 ms": percentile(full_ms, 0.95),
        f"{setup} all answered s": wall,
        f"{setup} server errors logged": len(server_errors),
    }


if __name__ == "__main__":
    setup = sys.argv[1]
    run_child(
        "booking", setup, sys.argv[2], "database", lambda _tmp, progress: measure(setup, progress)
    )
