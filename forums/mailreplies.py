"""Replying to a forum thread by e-mail.

Each `forums.reply` e-mail names a Reply-To unique to (thread, person):
replies+<token>@domain, the token signed with Django's signing and dated, so checking it
needs no database row. The reply mailbox is read with aggregation's IMAP layer; a mail
to a good token, from that person's verified address, becomes their reply through
`posting.do_reply` (moderation holds, rate limits and the Markdown checks apply), with
the quoted text and the signature cut off. Anything else is dropped and logged, never
posted; a Message-ID is handled once.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import imaplib
import logging
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from mailparser_reply import EmailReplyParser

from aggregation.mailboxes import connect, fetch_message, select_folder
from aggregation.mailscreening import screen
from aggregation.models import Source
from forums.models import MailReply, Thread
from forums.posting import do_reply
from notifications.api import notify
from notifications.contacts import verified_email

logger = logging.getLogger("sala.forums")

SALT = "forums.reply-by-mail"
SCHEMES = {
    "imaps": (Source.Security.TLS, 993),
    "imap+starttls": (Source.Security.STARTTLS, 143),
    "imap": (Source.Security.PLAIN, 143),
}


def _signer() -> signing.TimestampSigner:
    # "." is not in the signature's alphabet and is allowed in an address's local part.
    return signing.TimestampSigner(salt=SALT, sep=".")


def reply_token(thread_id: int, user_id: int) -> str:
    """A short dated token naming the thread and the person (primary keys in base 62)."""
    return _signer().sign(f"{signing.b62_encode(thread_id)}-{signing.b62_encode(user_id)}")


def read_reply_token(token: str) -> tuple[int, int] | None:
    """Return (thread id, user id), or None for a token we did not make or one too old."""
    max_age = settings.SALA_FORUMS_REPLY_MAX_AGE_DAYS * 86400
    try:
        value = _signer().unsign(token, max_age=max_age)
        thread, user = value.split("-")
        return signing.b62_decode(thread), signing.b62_decode(user)
    except (signing.BadSignature, ValueError):
        return None


def reply_address(context: dict[str, Any], recipient_id: int) -> str:
    """The Reply-To of a `forums.reply` e-mail ("" when replying by mail is off)."""
    address = settings.SALA_FORUMS_REPLY_ADDRESS
    thread_id = context.get("thread_id")
    if not address or not isinstance(thread_id, int):
        return ""
    local, _at, domain = address.rpartition("@")
    return f"{local}+{reply_token(thread_id, recipient_id)}@{domain}"


def token_in(message: EmailMessage) -> str:
    """The token of the first replies+<token>@ address the message was sent to."""
    local = settings.SALA_FORUMS_REPLY_ADDRESS.rpartition("@")[0]
    for header in ("Delivered-To", "X-Original-To", "To", "Cc"):
        for _name, address in email.utils.getaddresses(message.get_all(header, [])):
            mine, plus, token = address.rpartition("@")[0].partition("+")
            if plus and mine.lower() == local.lower() and token:
                return token
    return ""


def reply_text(message: EmailMessage) -> str:
    """The new text of the mail: its plain part without the quoted mail and signature."""
    part = message.get_body(preferencelist=("plain",))
    text = part.get_content() if part is not None else ""
    replies = EmailReplyParser(languages=["en"]).read(text=text).replies
    # A first part with headers ("On … wrote:") is the quoted mail: nothing new was written.
    if not replies or replies[0].headers:
        return ""
    return replies[0].body.strip()


def message_key(message: EmailMessage, raw: bytes) -> str:
    message_id = str(message.get("Message-ID", "")).strip()
    return hashlib.sha256(message_id.encode() if message_id else raw).hexdigest()


@dataclass
class Outcome:
    outcome: str
    thread: Thread | None = None
    user: Any = None


def judge(message: EmailMessage) -> Outcome:
    """Whose reply to which thread this is, or why it must not be posted."""
    found = read_reply_token(token_in(message))
    if found is None:
        return Outcome(MailReply.Outcome.BAD_TOKEN)
    thread = Thread.objects.filter(pk=found[0]).first()
    user = get_user_model().objects.filter(pk=found[1], is_active=True).first()
    if thread is None or user is None:
        return Outcome(MailReply.Outcome.BAD_TOKEN)
    address = verified_email(user)
    if not address or screen(message, [address.lower()]):
        return Outcome(MailReply.Outcome.WRONG_SENDER, thread, user)
    return Outcome(MailReply.Outcome.POSTED, thread, user)


def take(raw: bytes) -> MailReply | None:
    """Handle one mail; None when its Message-ID was handled before."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    verdict = judge(message)
    try:
        with transaction.atomic():
            record = MailReply.objects.create(
                message_key=message_key(message, raw), outcome=verdict.outcome,
                thread=verdict.thread, user=verdict.user,
            )  # fmt: skip
    except IntegrityError:
        return None
    thread, user = verdict.thread, verdict.user
    if verdict.outcome != MailReply.Outcome.POSTED or thread is None:
        logger.warning("forums: a mailed reply was dropped (%s)", verdict.outcome)
        return record
    try:
        with transaction.atomic():
            record.post = do_reply(user, thread, reply_text(message))
    except (ValidationError, PermissionDenied) as error:
        record.outcome = MailReply.Outcome.REFUSED
        logger.info("forums: a mailed reply was refused: %s", error)
        notify(
            user, "forums.mail_reply_refused",
            {"title": thread.title, "url": thread.get_absolute_url()},
            key=f"forums-mail-refused:{record.pk}",
        )  # fmt: skip
    record.save(update_fields=["outcome", "post"])
    return record


def mailbox() -> tuple[Source, str]:
    """The reply mailbox from SALA_FORUMS_REPLY_MAILBOX, as an unsaved news source (what
    aggregation's IMAP layer reads), and its folder."""
    url = urlsplit(settings.SALA_FORUMS_REPLY_MAILBOX)
    security, port = SCHEMES[url.scheme]
    source = Source(
        imap_host=url.hostname or "", imap_port=url.port or port, imap_security=security,
        imap_user=unquote(url.username or ""), imap_password=unquote(url.password or ""),
    )  # fmt: skip
    return source, unquote(url.path.strip("/")) or "INBOX"


def poll_replies() -> list[MailReply]:
    """Read the unread mail of the reply mailbox; each becomes read once handled."""
    if not settings.SALA_FORUMS_REPLY_MAILBOX:
        return []
    source, folder = mailbox()
    handled: list[MailReply] = []
    imap = connect(source)
    try:
        select_folder(imap, folder)
        _status, data = imap.uid("SEARCH", "UNSEEN")
        for uid in sorted(int(uid) for uid in (data[0] or b"").split()):
            raw = fetch_message(imap, uid)
            if not raw:
                logger.warning("forums: mail %s in the reply mailbox is too large or empty", uid)
            record = take(raw) if raw else None
            if record is not None:
                handled.append(record)
            imap.uid("STORE", str(uid), "+FLAGS", "(\\Seen)")
    finally:
        try:
            imap.logout()
        except (imaplib.IMAP4.error, OSError):
            pass
    return handled
