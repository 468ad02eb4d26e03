from __future__ import annotations

import pytest

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


def test_the_home_page_asks_no_query_of_a_first_time_visitor(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        client.get("/en/")
