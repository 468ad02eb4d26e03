"""An institution's answer in a forum appears in the news stream under its office's name;
a citizen's reply and a held thread do not."""

from __future__ import annotations

import pytest

from forums.posting import do_ask, do_reply

pytestmark = pytest.mark.django_db


def test_official_answers_are_in_the_news_stream(client, forum_world):
    thread = do_ask(forum_world.citizen, forum_world.board, "Water cut in Sla Kram", "Why?")
    do_reply(
        forum_world.officer,
        thread,
        "The pipes are repaired by Friday.",
        office=forum_world.ministry,
    )
    do_reply(forum_world.other, thread, "Same on my street, neighbour.")
    held = do_ask(forum_world.newcomer, forum_world.board, "Held question", "Hmm")
    page = client.get("/en/news/").content.decode()
    assert "Water cut in Sla Kram" in page and "The pipes are repaired by Friday." in page
    assert forum_world.ministry.name_en in page
    assert "Same on my street" not in page and held.title not in page
    in_khmer_only = client.get("/en/news/", {"language": "km"}).content.decode()
    assert "Water cut in Sla Kram" not in in_khmer_only
