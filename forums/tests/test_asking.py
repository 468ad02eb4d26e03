"""Asking and answering through the pages: held first posts, officers' verified answers,
followers told, the accepted answer, votes; and bad input kept with a clear message."""

from __future__ import annotations

import pytest
from django.utils import translation

from audit.models import AuditEntry
from forums.models import Post, Thread, Visibility
from forums.posting import do_ask, do_reply
from notifications.models import Notification

pytestmark = pytest.mark.django_db

ASK = "/en/forums/boards/identity-papers/ask/"


def _ask(client, title="How long does a new ID card take?", body="I applied in May."):
    return client.post(ASK, {"title": title, "body": body})


def test_a_newcomers_first_question_waits_for_a_moderator_who_publishes_it(client, forum_world):
    client.force_login(forum_world.newcomer)
    response = _ask(client)
    thread = Thread.objects.get(author=forum_world.newcomer)
    assert response.status_code == 302 and thread.visibility == Visibility.HELD
    page = client.get(response["Location"]).content.decode()
    assert "A moderator checks a new account" in page and "Waiting for a moderator" in page
    client.logout()
    assert client.get(thread.get_absolute_url()).status_code == 404
    assert thread.title not in client.get("/en/forums/boards/identity-papers/").content.decode()

    client.force_login(forum_world.moderator)
    queue = client.get(f"/en/forums/moderation/{forum_world.hall.code}/").content.decode()
    assert "I applied in May." in queue and "First post of the account" in queue
    post = thread.posts.get()
    client.post(f"/en/forums/moderation/{forum_world.hall.code}/post/{post.public_id}/approve/")
    thread.refresh_from_db()
    assert thread.visibility == Visibility.PUBLISHED
    assert Notification.objects.filter(
        recipient=forum_world.newcomer, event="forums.post_approved"
    ).exists()
    assert AuditEntry.objects.filter(action="forums.approved", actor=forum_world.moderator).exists()
    client.logout()
    assert "I applied in May." in client.get(thread.get_absolute_url()).content.decode()


def test_an_officer_answers_with_a_badge_the_follower_is_told_and_the_asker_accepts(
    client, forum_world
):
    thread = do_ask(forum_world.citizen, forum_world.board, "Lost ID card", "What do I bring?")
    assert thread.visibility == Visibility.PUBLISHED
    client.force_login(forum_world.officer)
    response = client.post(
        f"/en/forums/questions/{thread.public_id}/reply/",
        {"body": "Bring your **family book** and a photo.", "answer_as": forum_world.ministry.pk},
    )
    assert response.status_code == 302
    answer = Post.objects.get(is_opening=False)
    assert answer.office == forum_world.ministry and answer.visibility == Visibility.PUBLISHED
    told = Notification.objects.get(recipient=forum_world.citizen, event="forums.reply")
    assert answer.get_absolute_url().split("#")[0] in told.url

    client.force_login(forum_world.other)
    assert (
        client.post(
            f"/en/forums/questions/{thread.public_id}/{answer.public_id}/accept/"
        ).status_code
        == 403
    )

    client.force_login(forum_world.citizen)
    client.post(f"/en/forums/questions/{thread.public_id}/{answer.public_id}/accept/")
    client.post(f"/en/forums/questions/{thread.public_id}/{answer.public_id}/vote/")
    client.logout()
    with translation.override("en"):
        page = client.get(thread.get_absolute_url()).content.decode()
    assert "Verified: Department of Interior" in page
    assert "Accepted answer" in page and "1 vote" in page
    assert "<strong>family book</strong>" in page
    assert Notification.objects.filter(
        recipient=forum_world.officer, event="forums.answer_accepted"
    ).exists()


def test_nobody_answers_for_an_office_they_do_not_belong_to(client, forum_world):
    thread = do_ask(forum_world.citizen, forum_world.board, "Lost ID card", "What do I bring?")
    client.force_login(forum_world.officer)
    response = client.post(
        f"/en/forums/questions/{thread.public_id}/reply/",
        {"body": "Pretending.", "answer_as": forum_world.hall.pk},
    )
    assert response.status_code == 400 and not Post.objects.filter(office=forum_world.hall)


def test_a_vote_counts_once_and_not_for_ones_own_post(client, forum_world):
    thread = do_ask(forum_world.citizen, forum_world.board, "Lost ID card", "What do I bring?")
    answer = do_reply(forum_world.other, thread, "Go to the commune hall.")
    client.force_login(forum_world.other)
    client.post(f"/en/forums/questions/{thread.public_id}/{answer.public_id}/vote/")
    assert answer.votes.count() == 0
    client.force_login(forum_world.citizen)
    url = f"/en/forums/questions/{thread.public_id}/{answer.public_id}/vote/"
    client.post(url)
    assert answer.votes.count() == 1
    client.post(url)
    assert answer.votes.count() == 0


def test_a_one_megabyte_post_is_refused_and_kept(client, forum_world):
    client.force_login(forum_world.citizen)
    body = "ក" * (1024 * 1024 // 3)
    with translation.override("en"):
        response = _ask(client, body=body)
    page = response.content.decode()
    assert response.status_code == 400 and "Write at most 10,000 characters" in page
    assert body in page and not Thread.objects.filter(title__startswith="How long")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("<script>alert('x')</script>", "Posts cannot carry scripts"),
        ("![x](https://tracker.example/x.gif)", "Pictures from other websites"),
    ],
)
def test_script_and_outside_pictures_are_refused_and_kept(client, forum_world, body, message):
    client.force_login(forum_world.citizen)
    response = _ask(client, body=body)
    page = response.content.decode()
    assert response.status_code == 400 and message in page
    assert "How long does a new ID card take?" in page
    assert "&lt;script&gt;" in page or "tracker.example" in page
    assert not Thread.objects.filter(title__startswith="How long").exists()


def test_fifty_posts_a_minute_are_stopped_with_the_text_kept(client, forum_world):
    client.force_login(forum_world.citizen)
    statuses = [
        _ask(client, title=f"Question {n}", body=f"Body {n}").status_code for n in range(50)
    ]
    assert statuses[:5] == [302] * 5 and set(statuses[5:]) == {429}
    last = _ask(client, title="One more", body="Still here")
    page = last.content.decode()
    assert "You are posting too fast" in page and "Still here" in page
    assert Thread.objects.filter(author=forum_world.citizen).count() == 1 + 5


def test_links_and_repeats_from_a_new_account_are_held(client, forum_world):
    from forums.tests.conftest import establish

    newcomer = establish(forum_world.newcomer)
    newcomer.date_joined = newcomer.date_joined.replace(year=2099)  # joined "now" for the rule
    newcomer.save()
    thread = do_ask(forum_world.citizen, forum_world.board, "Where to apply?", "Which office?")
    with_link = do_reply(newcomer, thread, "Cheap cards at www.example.com")
    plain = do_reply(newcomer, thread, "At the commune hall.")
    repeat = do_reply(newcomer, thread, "at the commune hall")
    assert (with_link.visibility, with_link.held_because) == (Visibility.HELD, "link")
    assert plain.visibility == Visibility.PUBLISHED
    assert (repeat.visibility, repeat.held_because) == (Visibility.HELD, "duplicate")


def test_published_questions_are_found_by_search_and_held_ones_are_not(
    client, forum_world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        shown = do_ask(forum_world.citizen, forum_world.board, "Birth certificate copy", "Where?")
        held = do_ask(forum_world.newcomer, forum_world.board, "Passport renewal", "Hmm")
    found = client.get("/en/search/", {"q": "birth certificate"}).content.decode()
    assert f"/en/forums/questions/{shown.public_id}/" in found
    found = client.get("/en/search/", {"q": "passport renewal"}).content.decode()
    assert str(held.public_id) not in found


def test_a_commune_hall_opens_the_board_of_its_commune(client, forum_world):
    from forums.models import Board

    Board.objects.filter(area=forum_world.tree.commune).delete()
    client.force_login(forum_world.head)
    assert f"/forums/open/{forum_world.hall.code}/" in client.get("/en/forums/").content.decode()
    response = client.post(f"/en/forums/open/{forum_world.hall.code}/")
    board = Board.objects.get(area=forum_world.tree.commune)
    assert response["Location"] == board.get_absolute_url() and board.office == forum_world.hall
    client.force_login(forum_world.citizen)
    assert client.post(f"/en/forums/open/{forum_world.hall.code}/").status_code == 403
