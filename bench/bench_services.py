"""Benchmark of the services app: one application page of 40 fields, rendered and then
validated with answers, as the page view does (no database work: the fields are of the
types that need none).

`render ms` builds the form from the definition and renders services/page.html;
`validate ms` binds 40 answers, validates them and turns them into JSON answers.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

from bench.scratch import scratch_demo_database

KINDS = ["text", "long_text", "number", "date", "choice", "yes_no", "phone", "email",
         "national_id", "person_name"]  # fmt: skip
ANSWERS = {
    "text": "Sok Dara", "long_text": "A longer answer.\nOn two lines.", "number": "42",
    "date": "2020-01-02", "choice": "b", "yes_no": "yes", "phone": "012 345 678",
    "email": "dara@example.org", "national_id": "123456789",
}  # fmt: skip


def definition() -> dict:
    label = {"km": "សំណួរ", "en": "Question"}
    fields = []
    for number in range(40):
        kind = KINDS[number % len(KINDS)]
        spec = {"key": f"q{number}", "type": kind, "label": label, "help": label}
        if kind == "choice":
            spec["choices"] = [{"value": v, "label": {"km": v, "en": v}} for v in "abc"]
        fields.append(spec)
    return {"pages": [{"key": "page", "title": label, "fields": fields}]}


def posted(form_definition) -> dict:
    data = {}
    for item in form_definition.pages[0].fields:
        if item.type == "person_name":
            data[f"{item.key}__km"], data[f"{item.key}__latin"] = "សុខ ដារា", "Sok Dara"
        else:
            data[item.key] = ANSWERS[item.type]
    return data


def run(progress: Callable[[str], None] = print) -> dict[str, list[float] | int]:
    with scratch_demo_database(progress):
        return measure(progress)


def measure(progress: Callable[[str], None]) -> dict[str, list[float] | int]:
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.sessions.backends.signed_cookies import SessionStore
    from django.template.loader import render_to_string
    from django.test import RequestFactory
    from django.utils import translation

    from services.definitions import parse_definition
    from services.forms import PageForm

    repeat = int(os.environ.get("SALA_BENCH_REPEAT", "200"))
    form_definition = parse_definition(definition())
    page = form_definition.pages[0]
    data = posted(form_definition)
    request = RequestFactory().get("/km/")
    request.user = AnonymousUser()
    request.session = SessionStore()
    render_ms, validate_ms = [], []
    with translation.override("km"):
        progress(f"40-field page: {repeat} renders and validations")
        for round_number in range(repeat + 10):  # the first 10 warm up
            started = time.perf_counter()
            form = PageForm(page, {})
            html = render_to_string(
                "services/page.html",
                {"form": form, "blocks": form.blocks(), "page": page, "service": {"name": "S"},
                 "back_url": "/", "step": 1, "steps": 1},
                request=request,
            )  # fmt: skip
            rendered = time.perf_counter()
            bound = PageForm(page, {}, data=data)
            assert bound.is_valid(), bound.errors
            answers = bound.answers()
            done = time.perf_counter()
            if round_number >= 10:
                render_ms.append((rendered - started) * 1000)
                validate_ms.append((done - rendered) * 1000)
    assert len(answers) == 40 and 'name="q38"' in html
    progress(f"render median {statistics.median(render_ms):.2f} ms")
    return {"render 40 fields ms": render_ms, "validate 40 fields ms": validate_ms,
            "page bytes": len(html.encode())}  # fmt: skip
