"""Issuing a document (sign, render the PDF with shaped Khmer, store it) and verifying
one (the page and the JSON), on the demo settings in a temporary directory.

SALA_BENCH_REPEAT sets the verifications (default 200); issuing runs a tenth as often
(at least 10), since each renders a PDF. The first PDF of a process also converts the
fonts from WOFF2 once; it is measured apart ("first issue ms").
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable

from bench.scratch import scratch_demo_database, time_requests

WARM_UP = 3


def run(progress: Callable[[str], None]) -> dict[str, list[float] | float]:
    repeat = int(os.environ.get("SALA_BENCH_REPEAT", "200"))
    with scratch_demo_database(progress):
        from django.conf import settings
        from django.core.management import call_command

        settings.SALA_DOCUMENT_VERIFICATIONS_PER_MINUTE = 10 * repeat + 100
        call_command("load_demo_data", verbosity=0, stdout=io.StringIO())
        return measure(progress, repeat)


def measure(progress: Callable[[str], None], repeat: int) -> dict[str, list[float] | float]:
    from django.test import Client

    from accounts.models import User
    from demo.documents import BIRTH_FACTS
    from documents.issuing import do_issue_document
    from geo.models import Facility

    office = Facility.objects.filter(code="commune-hall-120201").first()  # None: no gazetteer
    clerk = User.objects.get(username="clerk")

    def issue() -> str:
        return do_issue_document(
            kind="certificate",
            template_key="birth-certificate",
            holder_name="សុខ ដារា",
            facts=BIRTH_FACTS,
            issuer_office=office,
            issued_by=clerk,
        ).code

    started = time.perf_counter()
    code = issue()
    first = (time.perf_counter() - started) * 1000
    issuing = []
    for _ in range(max(10, repeat // 10)):
        started = time.perf_counter()
        issue()
        issuing.append((time.perf_counter() - started) * 1000)
    progress(f"issued {len(issuing) + 1} documents")

    client = Client(HTTP_HOST="localhost")
    results: dict[str, list[float] | float] = {"first issue ms": first, "issue ms": issuing}
    for name, path in (("page", f"/km/verify/{code}/"), ("json", f"/verify/{code}.json")):
        timings, queries = time_requests(client, path, repeat, WARM_UP, progress)
        results[f"verify {name} ms"] = timings
        results[f"verify {name} queries"] = queries
    return results
