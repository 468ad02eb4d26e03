from __future__ import annotations

import pytest

from geo.places import SESSION_KEY
from geo.tests.factories import create_tree


@pytest.mark.django_db
class TestChoosingAnAreaWithoutJavaScript:
    def setup_method(self):
        self.tree = create_tree()

    def test_at_first_only_the_provinces_are_offered(self, client):
        response = client.get("/en/place/")
        levels = response.context["levels"]
        assert [level.name for level in levels] == ["province"]
        assert levels[0].options == [self.tree.province]

    def test_each_submit_shows_the_next_level_with_the_chosen_ones_kept(self, client):
        response = client.get("/en/place/", {"province": "17", "district": "1710"})
        levels = response.context["levels"]
        assert [level.name for level in levels] == ["province", "district", "commune"]
        assert levels[1].selected == self.tree.district
        assert set(levels[2].options) == {self.tree.commune, self.tree.other_commune}
        assert response.context["chosen"] == self.tree.district
        html = response.content.decode()
        assert '<option value="1710" selected>Siem Reab</option>' in html

    def test_a_district_of_another_province_is_dropped_without_error(self, client):
        response = client.get("/en/place/", {"province": "17", "district": "1201"})
        assert response.context["chosen"] == self.tree.province
        assert not response.context["has_errors"]

    def test_an_unknown_province_is_reported(self, client):
        response = client.get("/en/place/", {"province": "<script>"})
        assert response.status_code == 200
        assert response.context["has_errors"]
        assert "Choose from the list." in response.content.decode()

    def test_the_chosen_area_is_kept_in_the_session_and_shown_later(self, client):
        response = client.post("/en/place/remember/", {"area": "17100101"})
        assert response.status_code == 302
        assert response["Location"] == "/en/place/17100101/"
        assert client.session[SESSION_KEY] == "17100101"

        page = client.get("/en/place/17100101/")
        assert page.context["is_current_area"]
        assert client.get("/en/place/").context["current_area"] == self.tree.village

    def test_remembering_refuses_unknown_areas_and_foreign_next_addresses(self, client):
        response = client.post("/en/place/remember/", {"area": "99999999"})
        assert response["Location"] == "/en/place/"
        assert SESSION_KEY not in client.session

        response = client.post(
            "/en/place/remember/", {"area": "17", "next": "https://evil.example/"}
        )
        assert response["Location"] == "/en/place/17/"

    def test_remembering_needs_a_post_with_a_csrf_token(self, client):
        client.handler.enforce_csrf_checks = True
        assert client.post("/en/place/remember/", {"area": "17"}).status_code == 403
        assert client.get("/en/place/remember/").status_code == 405

    def test_the_search_finds_areas_by_khmer_english_or_code(self, client):
        for query in ("ស្លក្រាម", "sla kram", "171001"):
            matches = client.get("/en/place/", {"q": query}).context["matches"]
            assert self.tree.commune in matches, query


@pytest.mark.django_db
class TestTheAreaInTheProfile:
    def setup_method(self):
        self.tree = create_tree()

    def test_a_signed_in_users_choice_is_saved_in_their_profile(self, client, django_user_model):
        user = django_user_model.objects.create_user("dara", password="a long test password")
        client.force_login(user)
        client.post("/en/place/remember/", {"area": "171001"})
        user.refresh_from_db()
        assert user.home_area == self.tree.commune

    def test_the_profile_area_stands_in_when_the_session_has_none(self, client, django_user_model):
        user = django_user_model.objects.create_user(
            "sokha", password="a long test password", home_area=self.tree.village
        )
        client.force_login(user)
        assert SESSION_KEY not in client.session
        assert client.get("/en/place/").context["current_area"] == self.tree.village
        assert client.get("/en/place/17100101/").context["is_current_area"]

    def test_the_session_wins_over_the_profile_and_visitors_need_no_profile(
        self, client, django_user_model
    ):
        client.post("/en/place/remember/", {"area": "17"})
        assert client.get("/en/place/").context["current_area"] == self.tree.province
        user = django_user_model.objects.create_user(
            "vanna", password="a long test password", home_area=self.tree.village
        )
        client.force_login(user)
        session = client.session
        session[SESSION_KEY] = "1710"
        session.save()
        assert client.get("/en/place/").context["current_area"] == self.tree.district
