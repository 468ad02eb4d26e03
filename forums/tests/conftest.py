"""Personas for the forums tests: a commune hall with its moderator and its head, a
ministry office whose officer answers, an established citizen (joined long ago, posts
already published), a newcomer, and a topic board and the commune's board."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.utils import timezone

from aggregation.tests.conftest import dovecot  # noqa: F401 - the reply mailbox
from notifications.tests.conftest import committed, smtp_server  # noqa: F401


@dataclass
class ForumWorld:
    tree: object
    hall: object
    ministry: object
    board: object
    commune_board: object
    moderator: object
    head: object
    officer: object
    citizen: object
    newcomer: object
    other: object


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits are counted in the cache: each test starts from none."""
    cache.clear()
    yield
    cache.clear()


def establish(user):
    """A person who joined a month ago and has posted before: their posts go out at once."""
    from forums.models import Board, Post, Thread, Visibility

    user.date_joined = timezone.now() - datetime.timedelta(days=30)
    user.save(update_fields=["date_joined"])
    board = Board.objects.order_by("pk").first()
    thread = Thread.objects.create(
        board=board, author=user, title="Earlier question", visibility=Visibility.PUBLISHED
    )
    Post.objects.create(
        thread=thread, author=user, body="Earlier.", html="<p>Earlier.</p>", is_opening=True,
        visibility=Visibility.PUBLISHED,
    )  # fmt: skip
    return user


@pytest.fixture
def forum_world(db):
    from accounts.tests.factories import create_user, grant
    from forums.models import Board
    from geo.tests.factories import create_facility, create_tree

    tree = create_tree()
    hall = create_facility(tree.commune, "commune-hall", name_en="Sla Kram Commune Hall")
    ministry = create_facility(
        tree.province, "provincial-department", name_en="Department of Interior"
    )
    board = Board.objects.create(
        slug="identity-papers", kind=Board.Kind.TOPIC, title_km="អត្តសញ្ញាណប័ណ្ណ",
        title_en="Identity papers", office=hall,
    )  # fmt: skip
    commune_board = Board.objects.create(
        slug="commune-171001", kind=Board.Kind.AREA, area=tree.commune, office=hall,
        title_km="ឃុំស្លក្រាម", title_en="Sla Kram commune",
    )  # fmt: skip
    moderator, head, officer = (create_user(name) for name in ("sopheap", "samnang", "vichet"))
    grant(moderator, hall, "moderator")
    grant(head, hall, "head-of-office")
    grant(officer, ministry, "clerk")
    return ForumWorld(
        tree=tree, hall=hall, ministry=ministry, board=board, commune_board=commune_board,
        moderator=moderator, head=head, officer=officer,
        citizen=establish(create_user("dara", name_km="ដារា")),
        newcomer=create_user("sokha"), other=establish(create_user("chenda")),
    )  # fmt: skip
