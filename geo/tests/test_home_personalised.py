from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from geo.tests.factories import create_tree

pytestmark = pytest.mark.django_db


def test_a_visitor_without_an_area_is_asked_to_choose_one(client):
    response = client.get("/en/")
    assert 'href="/en/place/"' in response.text


def test_the_home_page_leads_to_the_area_the_visitor_chose(client):
    tree = create_tree()
    client.post("/km/place/remember/", {"area": tree.commune.code})
    response = client.get("/km/")
    assert f'href="/km/place/{tree.commune.code}/"' in response.text
    assert tree.commune.name_km in response.text


def test_the_home_page_asks_no_area_query_of_a_first_time_visitor(client):
    # The home page is a Wagtail page (content), which reads its own tables.
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/")
    assert not [query for query in queries.captured_queries if "geo_area" in query["sql"]]
