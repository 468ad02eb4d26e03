"""Replying to a forum thread by e-mail: the notification goes out through a real SMTP
server, the reply comes back through a real dovecot mailbox."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import format_datetime

import pytest
from django.core import signing
from django.utils import timezone

from aggregation.tests.dovecot import PASSWORD
from forums.mailreplies import SALT, poll_replies, read_reply_token, reply_token
from forums.models import MailReply, Post
from forums.posting import do_ask, do_reply
from notifications.models import Notification

pytestmark = pytest.mark.django_db

QUOTED = "On Mon, 7 Dec 2026 at 10:00, Sala <noreply@sala.test> wrote:\n> Someone replied.\n"


@pytest.fixture
def mail_setup(settings, dovecot):
    settings.SALA_FORUMS_REPLY_ADDRESS = "replies@sala.test"
    settings.SALA_FORUMS_REPLY_MAILBOX = f"imap://replies:{PASSWORD}@127.0.0.1:{dovecot.port}/INBOX"
    return dovecot


def reply_mail(
    to: str,
    body: str,
    *,
    sender: str = "dara@example.org",
    message_id: str = "",
    envelope: str = "",
) -> bytes:
    message = EmailMessage()
    message["From"] = f"Dara <{sender}>"
    message["To"] = to
    message["Subject"] = "Re: New reply"
    message["Date"] = format_datetime(timezone.now())
    message["Message-ID"] = message_id or f"<{abs(hash(body + to))}@example.org>"
    message["Return-Path"] = f"<{envelope or sender}>"
    message.set_content(body)
    return bytes(message)


def notified_reply_to(forum_world, smtp_server, committed) -> str:
    """Dara asks and follows; Chenda replies; return the Reply-To of Dara's e-mail."""
    thread = do_ask(forum_world.citizen, forum_world.board, "Birth certificate copy?", "Where?")
    with committed():
        do_reply(forum_world.other, thread, "At the commune hall, on weekday mornings.")
    [sent] = smtp_server.messages
    assert sent["To"] == "dara@example.org"
    return str(sent["Reply-To"]).strip()


def test_a_follower_replies_to_the_notification_and_the_reply_is_in_the_thread(
    forum_world,
    smtp_server,
    committed,
    mail_setup,
):
    reply_to = notified_reply_to(forum_world, smtp_server, committed)
    assert reply_to.startswith("replies+") and reply_to.endswith("@sala.test")
    mail_setup.append(
        "replies", reply_mail(reply_to, f"Thank you, it worked.\n\n-- \nDara\n\n{QUOTED}")
    )

    [record] = poll_replies()

    assert record.outcome == MailReply.Outcome.POSTED
    post = Post.objects.get(author=forum_world.citizen, is_opening=False)
    assert post.body == "Thank you, it worked."
    assert post.thread.title == "Birth certificate copy?"
    assert poll_replies() == []  # read once: the mail is marked read


def test_the_same_message_twice_posts_once(forum_world, smtp_server, committed, mail_setup):
    reply_to = notified_reply_to(forum_world, smtp_server, committed)
    mail = reply_mail(reply_to, "Thank you.", message_id="<same@example.org>")
    mail_setup.append("replies", mail)
    mail_setup.append("replies", mail)

    assert len(poll_replies()) == 1
    assert Post.objects.filter(author=forum_world.citizen, is_opening=False).count() == 1


def test_a_forged_token_or_another_sender_posts_nothing(
    forum_world,
    smtp_server,
    committed,
    mail_setup,
):
    reply_to = notified_reply_to(forum_world, smtp_server, committed)
    token = reply_to.split("+", 1)[1].split("@")[0]
    names, timestamp, signature = token.split(".")
    forged = f"replies+{names}.{timestamp}.{signature[:-2]}xx@sala.test"
    mail_setup.append("replies", reply_mail(forged, "Forged token."))
    mail_setup.append("replies", reply_mail(reply_to, "Not Dara.", sender="chenda@example.org"))
    mail_setup.append("replies", reply_mail(reply_to, "Forged From.", envelope="x@evil.test"))

    outcomes = sorted(record.outcome for record in poll_replies())

    assert outcomes == [MailReply.Outcome.BAD_TOKEN] + [MailReply.Outcome.WRONG_SENDER] * 2
    bodies = ["Forged token.", "Not Dara.", "Forged From."]
    assert not Post.objects.filter(body__in=bodies).exists()


def test_a_token_expires_and_names_its_thread_and_person(settings):
    token = reply_token(12, 345)
    assert read_reply_token(token) == (12, 345)
    assert read_reply_token(token.replace(".", ".x", 1)) is None
    settings.SALA_FORUMS_REPLY_MAX_AGE_DAYS = -1
    assert read_reply_token(token) is None
    other_salt = signing.TimestampSigner(salt=SALT + "x", sep=".").sign("c-5J")
    assert read_reply_token(other_salt) is None


def test_a_reply_breaking_the_rules_is_refused_and_the_person_told(
    forum_world,
    smtp_server,
    committed,
    mail_setup,
):
    reply_to = notified_reply_to(forum_world, smtp_server, committed)
    mail_setup.append("replies", reply_mail(reply_to, f"\n\n{QUOTED}"))  # nothing new written

    with committed():
        [record] = poll_replies()

    assert record.outcome == MailReply.Outcome.REFUSED
    assert not Post.objects.filter(author=forum_world.citizen, is_opening=False).exists()
    assert Notification.objects.filter(
        recipient=forum_world.citizen, event="forums.mail_reply_refused"
    ).exists()
