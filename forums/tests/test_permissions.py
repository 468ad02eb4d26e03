"""Who sees and does what: a held question for its author and the board's moderators
only; consultations and their responses for the office's editors and head only."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from forums.consultations import do_publish
from forums.posting import do_ask

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persona", "status"),
    [(None, 404), ("citizen", 404), ("officer", 404), ("newcomer", 200), ("moderator", 200)],
)
def test_a_held_question_is_seen_by_its_author_and_the_moderators_only(
    client, forum_world, persona, status
):
    thread = do_ask(forum_world.newcomer, forum_world.board, "Held", "First words")
    if persona:
        client.force_login(getattr(forum_world, persona))
    assert client.get(f"/en/forums/questions/{thread.public_id}/").status_code == status


@pytest.mark.parametrize(
    ("persona", "status"),
    [("citizen", 403), ("moderator", 403), ("officer", 403), ("head", 200)],
)
def test_only_the_offices_editors_and_head_publish_and_respond(
    client, forum_world, persona, status
):
    consultation = do_publish(
        forum_world.head, forum_world.hall, title_km="សំណួរ", title_en="Question",
        body_km="អត្ថបទ", body_en="Text", closes_at=timezone.now() + datetime.timedelta(days=3),
        threshold=1, response_days=7,
    )  # fmt: skip
    client.force_login(getattr(forum_world, persona))
    assert client.get("/en/forums/consultations/new/").status_code == status
    respond = f"/en/forums/consultations/{consultation.public_id}/respond/"
    assert client.get(respond).status_code == status
    client.post(respond, {"response_km": "ចម្លើយ", "response_en": "Answer"})
    consultation.refresh_from_db()
    assert (consultation.responded_at is not None) == (status == 200)


def test_signed_out_people_are_sent_to_sign_in_to_write(client, forum_world):
    thread = do_ask(forum_world.citizen, forum_world.board, "Open", "Words")
    for url in (
        "/en/forums/boards/identity-papers/ask/",
        f"/en/forums/questions/{thread.public_id}/reply/",
        f"/en/forums/questions/{thread.public_id}/follow/",
    ):
        response = client.post(url, {"body": "x", "title": "y"})
        assert response.status_code == 302 and "/account/sign-in/" in response["Location"]
    assert thread.posts.count() == 1
