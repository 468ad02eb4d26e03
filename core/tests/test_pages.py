from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "portal_name"), [("km", "សាលា"), ("en", "Sala")])
def test_the_home_page_is_in_the_language_of_its_url(client, language, portal_name):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.text
    assert portal_name in response.text
    assert response["Content-Language"] == language


def test_the_bare_root_sends_a_visitor_to_khmer_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/km/"


def test_an_english_browser_is_sent_to_english(client):
    response = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert response["Location"] == "/en/"


def test_every_page_links_to_itself_in_the_other_language(client):
    response = client.get("/km/search/?q=abc")
    assert 'href="/en/search/?q=abc"' in response.text


@pytest.mark.parametrize("path", ["/km/search/?q=abc", "/en/services/"])
def test_every_page_leads_to_the_status_check_and_document_verification(client, path):
    """A walk-in applicant with a paper receipt, or someone handed a certificate, must
    find these two pages from wherever they land."""
    language = path[1:3]
    footer = client.get(path).text.partition('<footer class="site-footer">')[2]
    for target in ("cases/status/", "verify/", "news/", "services/", "facilities/"):
        assert f'href="/{language}/{target}"' in footer


class TestDesignPage:
    def test_it_is_hidden_from_visitors_in_production_style_settings(self, client, settings):
        settings.SALA_DESIGN_PAGE_PUBLIC = False
        assert client.get("/en/design/").status_code == 403

    def test_staff_see_it(self, client, settings):
        settings.SALA_DESIGN_PAGE_PUBLIC = False
        staff = get_user_model().objects.create_user("editor", password="pw", is_staff=True)
        client.force_login(staff)
        assert client.get("/en/design/").status_code == 200

    def test_it_is_open_when_debugging(self, client, settings):
        settings.SALA_DESIGN_PAGE_PUBLIC = True
        assert client.get("/km/design/").status_code == 200


class TestErrorPages:
    def test_an_unknown_page_gets_a_404_in_both_languages(self, client):
        response = client.get("/km/no-such-page/")
        assert response.status_code == 404
        assert 'lang="km"' in response.text
        assert 'lang="en"' in response.text

    def test_a_forbidden_page_gets_the_403_page(self, client, settings):
        settings.SALA_DESIGN_PAGE_PUBLIC = False
        response = client.get("/en/design/")
        assert response.status_code == 403
        assert "<main" in response.text

    def test_the_500_page_renders_without_the_database(self):
        from django.template.loader import render_to_string

        html = render_to_string("500.html")
        assert 'lang="km"' in html
        assert 'lang="en"' in html


def test_the_design_page_shows_todays_date_in_khmer(client, settings):
    import datetime

    from core.formatting import format_date

    settings.SALA_DESIGN_PAGE_PUBLIC = True
    response = client.get("/km/design/")
    today = datetime.datetime.now(datetime.UTC).astimezone(
        datetime.timezone(datetime.timedelta(hours=7))
    )
    assert format_date(today.date(), "km", "full") in response.text
