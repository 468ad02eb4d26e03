"""Property-based tests: any sound definition renders; no answers make a server error."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.tests.factories import create_user
from services.definitions import FIELD_TYPES, definition_errors, parse_definition
from services.forms import PageForm
from services.models import Application
from services.tests.factories import create_service

pytestmark = pytest.mark.django_db

LABEL = {"km": "សំណួរ", "en": "Question"}
SIMPLE_TYPES = [t for t in FIELD_TYPES if t not in ("group", "file")]


def field_spec(key: str, kind: str, required: bool) -> dict:
    spec = {"key": key, "type": kind, "label": LABEL, "required": required}
    if kind == "choice":
        spec["choices"] = [{"value": v, "label": {"km": v, "en": v}} for v in ("a", "b", "c")]
    if kind == "group":
        spec["fields"] = [{"key": f"{key}_x", "type": "text", "label": LABEL}]
    return spec


@st.composite
def definitions(draw) -> dict:
    pages = []
    number = 0
    for page_index in range(draw(st.integers(1, 3))):
        fields = []
        for _ in range(draw(st.integers(1, 5))):
            number += 1
            kind = draw(st.sampled_from(FIELD_TYPES))
            spec = field_spec(f"f{number}", kind, draw(st.booleans()))
            if kind == "choice":
                spec["widget"] = draw(st.sampled_from(["radio", "select", "checkboxes"]))
            fields.append(spec)
        page = {"key": f"p{page_index}", "title": LABEL, "fields": fields}
        earlier = [f for p in pages for f in p["fields"] if f["type"] in SIMPLE_TYPES]
        if earlier and draw(st.booleans()):
            target = draw(st.sampled_from(earlier))
            page["when"] = {"field": target["key"], "answered": True}
        pages.append(page)
    return {"pages": pages}


answer_values = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "a", "yes", "no", "2020-01-02", "31/02/2020", "012345678", "1e99",
                     "-5", "០១២៣", "x" * 5000, "17100101", "Sla Kram", "on"]),
)  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(definitions())
def test_every_sound_definition_renders_every_page(data):
    assert definition_errors(data) == []
    form_definition = parse_definition(data)
    request = RequestFactory().get("/en/")
    request.user = AnonymousUser()
    request.session = SessionStore()
    for page in form_definition.pages:
        form = PageForm(page, {})
        html = render_to_string(
            "services/page.html",
            {"form": form, "blocks": form.blocks(), "page": page, "service": {"name": "S"},
             "back_url": "/", "step": 1, "steps": 1},
            request=request,
        )  # fmt: skip
        for item in page.fields:
            assert f'name="{item.key}' in html


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(definitions(), st.dictionaries(st.integers(0, 40), answer_values, max_size=12))
def test_random_answers_never_raise(data, values):
    form_definition = parse_definition(data)
    for page in form_definition.pages:
        names = list(PageForm(page, {}).fields)
        posted = MultiValueDict()
        for index, value in values.items():
            if names:
                posted.appendlist(names[index % len(names)], value)
        form = PageForm(page, {}, data=posted, files=MultiValueDict())
        if form.is_valid():
            form.answers()


@pytest.fixture
def applying(client):
    user = create_user()
    client.force_login(user)
    service = create_service()
    client.post(reverse("services:start", args=[service.slug]))
    return Application.objects.get(user=user)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.sampled_from(["about", "spouse", "children", "documents", "nowhere"]),
    st.dictionaries(
        st.sampled_from(["name__km", "name__latin", "phone", "married", "kind", "reason",
                         "children__count", "children__0__child_name", "children__0__born",
                         "children__5__born", "_add", "_remove", "return", "photo__remove"]),
        answer_values, max_size=8,
    ),
)  # fmt: skip
def test_random_posts_to_the_pages_never_give_a_server_error(client, applying, page_key, data):
    url = f"/en/services/apply/{applying.public_id}/{page_key}/"
    response = client.post(url, data)
    assert response.status_code < 500
