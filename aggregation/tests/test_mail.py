"""Announcements mailed to a source's mailbox, read from a real dovecot on loopback."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import format_datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from aggregation.models import Attachment, Item, Source
from aggregation.polling import poll_source, poll_sources
from aggregation.tests.dovecot import PASSWORD
from aggregation.tests.factories import create_institution, create_source

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def mailbox_source(dovecot, **fields) -> Source:
    defaults = {
        "kind": Source.Kind.IMAP,
        "name_en": "Ministry of Health announcements",
        "imap_host": "127.0.0.1",
        "imap_port": dovecot.port,
        "imap_security": Source.Security.PLAIN,
        "imap_user": "announce@moh",
        "imap_password": PASSWORD,
        "allowed_senders": "press@moh.gov.kh\n@mef.gov.kh",
        "institution": create_institution(),
    }
    defaults.update(fields)
    return create_source(**defaults)


def announcement(
    subject: str = "Free eye checks at provincial hospitals",
    body: str = "All provincial hospitals offer free eye checks for people over sixty in "
    "December. Bring your identity card.",
    *,
    sender: str = "Press office <press@moh.gov.kh>",
    return_path: str = "<press@moh.gov.kh>",
    headers: dict[str, str] | None = None,
    attachments: list[tuple[str, str, bytes]] = (),
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "announce@moh"
    message["Subject"] = subject
    message["Date"] = format_datetime(timezone.now())
    message["Message-ID"] = f"<{abs(hash(subject + sender))}@moh.gov.kh>"
    if return_path:
        message["Return-Path"] = return_path
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    for filename, content_type, payload in attachments:
        maintype, subtype = content_type.split("/")
        message.add_attachment(payload, maintype=maintype, subtype=subtype, filename=filename)
    return bytes(message)


def test_mail_from_an_allowed_sender_becomes_a_draft_with_its_attachment(dovecot):
    source = mailbox_source(dovecot)
    dovecot.append("announce@moh", announcement(attachments=[("notice.pdf", "application/pdf",
                                                              PDF)]))  # fmt: skip

    report = poll_source(source)

    assert report.counts["new"] == 1
    item = Item.objects.get()
    assert item.status == Item.Status.DRAFT
    assert item.title == "Free eye checks at provincial hospitals"
    assert "people over sixty" in item.body
    assert item.author == "Press office"
    assert item.institution == source.institution
    attachment = Attachment.objects.get()
    assert attachment.filename == "notice.pdf"
    assert attachment.file.read() == PDF
    source.refresh_from_db()
    assert source.imap_last_uid == 1
    assert source.last_success_at is not None


def test_the_next_poll_reads_only_new_messages(dovecot):
    source = mailbox_source(dovecot, publish_at_once=True)
    dovecot.append("announce@moh", announcement())
    poll_source(source)
    dovecot.append("announce@moh", announcement("Clinic opening hours over the holidays",
                                                "Clinics open from eight to noon on the "
                                                "public holidays this month."))  # fmt: skip

    report = poll_source(source)

    assert report.counts == {"new": 1}
    assert Item.objects.filter(status=Item.Status.PUBLISHED).count() == 2


@pytest.mark.parametrize(
    ("reason", "message"),
    [
        ("auto_reply", {"headers": {"Auto-Submitted": "auto-replied"}}),
        ("auto_reply", {"headers": {"X-Autoreply": "yes"}}),
        ("auto_reply", {"headers": {"Precedence": "bulk"}}),
        ("bounce", {"sender": "MAILER-DAEMON@mail.moh.gov.kh", "return_path": "<>"}),
        ("unknown_sender", {"sender": "someone@mail.example", "return_path": "<a@mail.example>"}),
        ("forged", {"return_path": "<spoofer@attacker.example>"}),
        ("forged", {"return_path": ""}),
    ],
)  # fmt: skip
def test_auto_replies_bounces_unknown_and_forged_senders_are_ignored_and_counted(
    dovecot, reason, message
):
    source = mailbox_source(dovecot)
    dovecot.append("announce@moh", announcement(**message))

    report = poll_source(source)

    assert not Item.objects.exists()
    assert report.counts["ignored"] == 1
    assert report.counts[f"ignored_{reason}"] == 1
    source.refresh_from_db()
    assert source.last_report[f"ignored_{reason}"] == 1


@override_settings(SALA_AGGREGATION_MAIL_AUTHSERV_ID="mx.sala.gov.kh")
def test_our_servers_authentication_results_decide_when_configured(dovecot):
    source = mailbox_source(dovecot)
    signed = {"Authentication-Results": "mx.sala.gov.kh; dkim=pass header.d=moh.gov.kh"}
    failed = {"Authentication-Results": "mx.sala.gov.kh; dkim=fail header.d=moh.gov.kh; "
              "dmarc=fail"}  # fmt: skip
    someone_elses = {"Authentication-Results": "mx.attacker.example; dmarc=pass"}
    dovecot.append(
        "announce@moh",
        announcement(
            "Signed", "A signed announcement about vaccines.", return_path="", headers=signed
        ),
    )
    dovecot.append(
        "announce@moh",
        announcement("Failed", "An announcement that failed its checks.", headers=failed),
    )
    dovecot.append("announce@moh", announcement(
        "Claimed", "An announcement with a header the sender wrote.",
        return_path="<x@attacker.example>", headers=someone_elses,
    ))  # fmt: skip

    report = poll_source(source)

    assert list(Item.objects.values_list("title", flat=True)) == ["Signed"]
    assert report.counts["ignored_forged"] == 2


def test_a_mail_with_a_30_mb_attachment_is_not_imported_and_the_rest_is(dovecot):
    source = mailbox_source(dovecot)
    huge = bytes(range(256)) * (30 * 1024 * 1024 // 256)
    dovecot.append("announce@moh", announcement(
        "Budget annex", "The annex is attached.",
        attachments=[("annex.pdf", "application/pdf", b"%PDF-" + huge)],
    ))  # fmt: skip
    dovecot.append("announce@moh", announcement())

    report = poll_source(source)

    assert report.counts["ignored_too_large"] == 1
    assert list(Item.objects.values_list("title", flat=True)) == [
        "Free eye checks at provincial hospitals"
    ]


@override_settings(SALA_AGGREGATION_MAX_ATTACHMENT_BYTES=64 * 1024)
def test_attachments_over_the_cap_or_of_a_refused_type_are_not_kept(dovecot):
    source = mailbox_source(dovecot)
    dovecot.append("announce@moh", announcement(attachments=[
        ("big.pdf", "application/pdf", PDF + b"0" * 100_000),
        ("tool.exe", "application/octet-stream", b"MZ\x90\x00"),
        ("fake.pdf", "application/pdf", b"<html>not a pdf</html>"),
        ("small.pdf", "application/pdf", PDF),
    ]))  # fmt: skip

    report = poll_source(source)

    assert report.counts["attachments_too_large"] == 1
    assert report.counts["attachments_refused"] == 2
    assert list(Attachment.objects.values_list("filename", flat=True)) == ["small.pdf"]


def test_the_same_story_by_mail_and_by_feed_shows_once(dovecot, feed_server):
    from aggregation.tests.servers import Route

    feed_server.routes["/rss"] = Route(body=(
        b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>MOH</title>'
        b"<link>https://moh.gov.kh/</link><item><title>Free eye checks at provincial "
        b"hospitals</title><link>https://moh.gov.kh/news/eye-checks</link><guid>eye</guid>"
        b"<description>All provincial hospitals offer free eye checks for people over sixty "
        b"in December. Bring your identity card.</description></item></channel></rss>"
    ))  # fmt: skip
    feed = create_source(url=feed_server.url("/rss"), name_en="MOH feed")
    mailbox = mailbox_source(dovecot)
    dovecot.append("announce@moh", announcement())

    cycle = poll_sources([feed, mailbox])

    assert cycle.counts["new"] == 1
    assert cycle.counts["duplicate"] == 1
    assert Item.objects.get().source == feed


def test_a_wrong_password_is_a_plain_error_for_that_source(dovecot):
    source = mailbox_source(dovecot, imap_password="wrong")
    poll_source(source)
    source.refresh_from_db()
    assert source.last_error_en == "The mail server refused the user name or password."
    assert source.consecutive_failures == 1


def test_a_plain_connection_to_another_machine_is_refused():
    source = create_source(kind=Source.Kind.IMAP, imap_host="192.0.2.10", imap_port=143,
                           imap_security=Source.Security.PLAIN)  # fmt: skip
    poll_source(source)
    assert source.last_error_en.startswith("A mailbox on another machine must be read over TLS")
