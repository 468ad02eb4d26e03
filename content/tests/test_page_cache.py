"""The anonymous page cache serves the same page to visitors without a session, and
never to signed-in people, pages with a form's CSRF cookie, or after a page is published."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from accounts.tests.factories import create_user
from content.models import InformationPage
from content.tests.factories import create_homes, create_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(settings):
    settings.SALA_PAGE_CACHE_SECONDS = 60
    cache.clear()


@pytest.fixture
def page():
    homes = create_homes()
    return create_page(homes["km"], InformationPage, title="អំពីសាលា", slug="about")


def test_an_anonymous_visitor_gets_the_cached_page(cached, page, client, django_assert_num_queries):
    first = client.get("/km/about/")
    assert first["X-Sala-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/km/about/")
    assert second["X-Sala-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["X-Request-ID"] != first["X-Request-ID"]


def test_publishing_a_page_shows_the_change_at_once(cached, page, client):
    client.get("/km/about/")
    page.title = "អំពីសាលា (កែ)"
    page.save_revision().publish()
    response = client.get("/km/about/")
    assert response["X-Sala-Page-Cache"] == "miss"
    assert "អំពីសាលា (កែ)" in response.text


def test_signed_in_people_never_get_a_cached_page(cached, page, client):
    client.get("/km/about/")
    client.force_login(create_user("dara"))
    response = client.get("/km/about/")
    assert "X-Sala-Page-Cache" not in response
    assert "/km/notifications/" in response.text  # the signed-in header


def test_a_page_with_a_form_is_not_kept(cached, client):
    client.get("/en/account/sign-in/")
    response = client.get("/en/account/sign-in/")
    assert "X-Sala-Page-Cache" not in response


def test_the_cache_is_off_when_the_setting_is_zero(settings, page, client):
    settings.SALA_PAGE_CACHE_SECONDS = 0
    client.get("/km/about/")
    assert "X-Sala-Page-Cache" not in client.get("/km/about/")
