"""Benchmark of payment polling: SALA_BENCH_PAYMENTS (default 10,000) pending payment
requests checked against the Bakong stand-in (a real HTTP server on loopback, in a thread of
this process) by `payments.polling.poll_payments`: 50 MD5s a call, as the Bakong Open API
allows.

Each round (SALA_BENCH_ROUNDS, default 3) starts from fresh requests, pays one in ten of
them in the stand-in's bank, then times one polling cycle (ask about all, record the paid
ones with their audit entry and notification), and runs a second cycle which must record
nothing (its time is the cost of asking alone). Measured: seconds per cycle, checks per
second, the second cycle's seconds, and how many requests were
recorded paid more than once (audit entries "payments.request.paid" per request; must be
0). Demo settings (SQLite WAL) in a throwaway directory.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

PAYMENTS = int(os.environ.get("SALA_BENCH_PAYMENTS", "10000"))
ROUNDS = int(os.environ.get("SALA_BENCH_ROUNDS", "3"))
PAID_EVERY = 10


def run(progress: Callable[[str], None] = print) -> dict:
    with tempfile.TemporaryDirectory(prefix="sala-bench-") as tmp:
        os.environ.update(
            SALA_ENV="demo",
            DJANGO_SETTINGS_MODULE="sala.settings.demo",
            SALA_VAR_DIR=tmp,
            DATABASE_URL=f"sqlite:///{tmp}/bench.sqlite3",
            LOG_LEVEL="ERROR",
        )
        os.environ.pop("REDIS_URL", None)
        import django
        from django.core.management import call_command

        django.setup()
        progress("migrating a temporary database")
        call_command("migrate", verbosity=0, interactive=False)
        return measure(progress)


def measure(progress: Callable[[str], None]) -> dict:
    from django.conf import settings

    from payments.polling import poll_payments
    from standins import bakong

    server, state = bakong.start()
    settings.SALA_PAYMENT_PROVIDER = "bakong"
    settings.SALA_BAKONG_API_URL, settings.SALA_BAKONG_TOKEN = server.url, state.token
    settings.SALA_BAKONG_EMAIL = state.email
    case = a_case()
    cycle_s: list[float] = []
    checks_per_s: list[float] = []
    twice: list[int] = []
    quiet_s: list[float] = []
    try:
        for round_number in range(1, ROUNDS + 1):
            payloads = fresh_requests(case, state)
            for payload in payloads[::PAID_EVERY]:
                state.pay(payload)
            paid = len(payloads[::PAID_EVERY])
            progress(f"round {round_number}: {PAYMENTS:,} pending, {paid:,} paid in the bank")
            started = time.perf_counter()
            result = poll_payments()
            seconds = time.perf_counter() - started
            assert not result.failed and result.asked == PAYMENTS, result
            assert result.recorded == paid, result
            started = time.perf_counter()
            again = poll_payments()
            quiet_s.append(time.perf_counter() - started)
            assert again.recorded == 0 and again.asked == PAYMENTS - paid, again
            cycle_s.append(seconds)
            checks_per_s.append(PAYMENTS / seconds)
            twice.append(marked_twice())
            progress(
                f"round {round_number}: cycle {seconds:.2f} s, "
                f"{PAYMENTS / seconds:,.0f} checks/s, next cycle {quiet_s[-1]:.2f} s, "
                f"{twice[-1]} marked twice"
            )
    finally:
        state.stopping.set()
        server.stop()
    return {
        "polling cycle s": cycle_s,
        "checks per s": checks_per_s,
        "marked paid twice": twice,
        "next cycle, none paid, s": quiet_s,
        "pending requests": PAYMENTS,
    }


def a_case():
    """One case with a fee in a small gazetteer; the requests of the bench are its bills."""
    from accounts.tests.factories import create_user
    from cases.tests.factories import submit
    from geo.tests.factories import create_facility, create_tree
    from services.tests.factories import create_service

    tree = create_tree()
    create_facility(tree.commune, "commune-hall")
    service = create_service(sla_working_days=5, fee_kind="fixed", fee_khr=20000)
    return submit(create_user("dara"), service, area=tree.village)


def fresh_requests(case, state) -> list[str]:
    """Replace every payment request with PAYMENTS pending ones; return their payloads."""
    from django.utils import timezone

    from payments import khqr
    from payments.models import PaymentRequest
    from payments.requesting import payload_for

    state.reset()
    PaymentRequest.objects.all().delete()
    now = timezone.now()
    expires = now + timedelta(days=3)
    requests = []
    for number in range(PAYMENTS):
        reference = f"BENCH-{number:06d}"
        payload = payload_for(reference, Decimal(20000), "KHR", now, expires)
        requests.append(
            PaymentRequest(
                case=case,
                reference=reference,
                amount=20000,
                currency="KHR",
                payload=payload,
                md5=khqr.md5(payload),
                created_at=now,
                expires_at=expires,
            )
        )
    PaymentRequest.objects.bulk_create(requests, batch_size=1000)
    return [request.payload for request in requests]


def marked_twice() -> int:
    """Requests with more than one "paid" audit entry."""
    from django.db.models import Count

    from audit.models import AuditEntry

    return (
        AuditEntry.objects.filter(action="payments.request.paid")
        .values("object_id")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .count()
    )
