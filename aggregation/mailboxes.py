"""Read a source's mailbox over IMAP: each new message from an allowed sender becomes an
announcement (a draft for the institution's editors unless the source publishes at once),
its attachments kept in private storage. Auto-replies, bounces, unknown senders, forged
senders and messages over the size cap are ignored and counted, never published.

Messages are read with BODY.PEEK (the mailbox is left as it was) and remembered by UID:
`Source.imap_last_uid` within `imap_uidvalidity`.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import imaplib
import ipaddress
import re
import socket
import ssl
from datetime import datetime
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from aggregation.errors import PollError
from aggregation.ingesting import IngestReport, store_entries
from aggregation.mailscreening import screen
from aggregation.models import Attachment, Item, Source
from aggregation.parsing import Entry
from aggregation.publishing import notify_editors_of_draft

SIZE = re.compile(rb"RFC822\.SIZE (\d+)")
ALLOWED_ATTACHMENTS = {
    # extension: magic bytes the content must start with ("" when any will do)
    ".pdf": b"%PDF-",
    ".png": b"\x89PNG",
    ".jpg": b"\xff\xd8\xff",
    ".jpeg": b"\xff\xd8\xff",
    ".docx": b"PK",
    ".xlsx": b"PK",
    ".odt": b"PK",
    ".ods": b"PK",
    ".txt": b"",
}


def connect(source: Source) -> imaplib.IMAP4:
    """Return a logged-in connection; plain connections only to this machine."""
    timeout = settings.SALA_AGGREGATION_TIMEOUT_SECONDS
    imap: imaplib.IMAP4
    try:
        if source.imap_security == Source.Security.TLS:
            imap = imaplib.IMAP4_SSL(
                source.imap_host, source.imap_port, ssl_context=ssl.create_default_context(),
                timeout=timeout,
            )  # fmt: skip
        else:
            if source.imap_security == Source.Security.PLAIN and not _is_loopback(source.imap_host):
                raise PollError(
                    "A mailbox on another machine must be read over TLS or STARTTLS.",
                    "ប្រអប់សំបុត្រនៅលើម៉ាស៊ីនផ្សេង ត្រូវតែអានតាម TLS ឬ STARTTLS។",
                )
            imap = imaplib.IMAP4(source.imap_host, source.imap_port, timeout=timeout)
            if source.imap_security == Source.Security.STARTTLS:
                imap.starttls(ssl.create_default_context())
        imap.login(source.imap_user, source.imap_password)
    except imaplib.IMAP4.error as error:
        raise PollError(
            "The mail server refused the user name or password.",
            "ម៉ាស៊ីនមេសំបុត្របានបដិសេធឈ្មោះអ្នកប្រើ ឬពាក្យសម្ងាត់។",
        ) from error
    except (OSError, ssl.SSLError) as error:
        raise PollError(
            f"The mail server could not be reached ({type(error).__name__}).",
            f"មិនអាចភ្ជាប់ទៅម៉ាស៊ីនមេសំបុត្របានទេ ({type(error).__name__})។",
        ) from error
    return imap


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    try:
        return all(
            ipaddress.ip_address(info[4][0]).is_loopback for info in socket.getaddrinfo(host, None)
        )
    except (OSError, ValueError):
        return False


def poll_mailbox(source: Source) -> IngestReport:
    """Import the messages that arrived since the last poll; return the counts."""
    report = IngestReport()
    imap = connect(source)
    try:
        validity = select_folder(imap, source.imap_folder)
        if validity != source.imap_uidvalidity:
            source.imap_uidvalidity = validity
            source.imap_last_uid = 0
        for uid in _new_uids(imap, source.imap_last_uid):
            _import_one(imap, source, uid, report)
            source.imap_last_uid = uid
    except (imaplib.IMAP4.error, OSError) as error:
        raise PollError(
            f"Reading the mailbox failed ({type(error).__name__}).",
            f"ការអានប្រអប់សំបុត្របានបរាជ័យ ({type(error).__name__})។",
        ) from error
    finally:
        try:
            imap.logout()
        except (imaplib.IMAP4.error, OSError):
            pass
    return report


def select_folder(imap: imaplib.IMAP4, folder: str) -> int | None:
    """Select the folder (writable, so flags can be set); return its UIDVALIDITY."""
    status, _data = imap.select(_quoted(folder))
    if status != "OK":
        raise PollError(
            f"The folder {folder!r} does not exist in the mailbox.",
            f"មិនមានថត {folder!r} នៅក្នុងប្រអប់សំបុត្រទេ។",
        )
    return _uidvalidity(imap)


def _quoted(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _uidvalidity(imap: imaplib.IMAP4) -> int | None:
    """Return the UIDVALIDITY the server announced when the folder was selected."""
    _name, data = imap.response("UIDVALIDITY")
    value = data[0] if data else None
    return int(value) if value and value.isdigit() else None


def _new_uids(imap: imaplib.IMAP4, last_uid: int) -> list[int]:
    # No charset argument: imaplib leaves a None argument out of the command anyway.
    _status, data = imap.uid("SEARCH", f"UID {last_uid + 1}:*")
    uids = [int(uid) for uid in (data[0] or b"").split()]
    # "n:*" always matches the last message, even when its UID is below n.
    return sorted(uid for uid in uids if uid > last_uid)


def fetch_message(imap: imaplib.IMAP4, uid: int) -> bytes | None:
    """Return the message's bytes without marking it read; None when it is over the cap."""
    _status, data = imap.uid("FETCH", str(uid), "(RFC822.SIZE)")
    match = SIZE.search(data[0] or b"") if data and data[0] else None
    size = int(match.group(1)) if match else 0
    if size > settings.SALA_AGGREGATION_MAX_MAIL_BYTES:
        return None
    _status, data = imap.uid("FETCH", str(uid), "(BODY.PEEK[])")
    return next((part[1] for part in data if isinstance(part, tuple)), b"")


def _import_one(imap: imaplib.IMAP4, source: Source, uid: int, report: IngestReport) -> None:
    raw = fetch_message(imap, uid)
    if raw is None:
        report.counts["ignored"] += 1
        report.counts["ignored_too_large"] += 1
        return
    message = email.message_from_bytes(raw, policy=email.policy.default)
    reason = screen(message, source.allowed_sender_list())
    if reason:
        report.counts["ignored"] += 1
        report.counts[f"ignored_{reason}"] += 1
        return
    stored = store_entries(source, [mail_entry(message, raw)], fetched_at=timezone.now())
    report.counts.update(stored.counts)
    report.created.extend(stored.created)
    for item in Item.objects.filter(pk__in=stored.created).select_related("source"):
        keep_attachments(item, message, report)
        if item.status == Item.Status.DRAFT:
            notify_editors_of_draft(item)


def mail_entry(message: EmailMessage, raw: bytes) -> Entry:
    """Return the message as a feed entry: subject, body (HTML part, else the text),
    date, the sender as author."""
    html_part = message.get_body(preferencelist=("html",))
    text_part = message.get_body(preferencelist=("plain",))
    if html_part is not None:
        content = html_part.get_content()
    elif text_part is not None:
        paragraphs = text_part.get_content().replace("\r\n", "\n").split("\n\n")
        content = "".join(
            "<p>" + _escape(paragraph).replace("\n", "<br>") + "</p>"
            for paragraph in paragraphs
            if paragraph.strip()
        )
    else:
        content = ""
    name, address = parseaddr(str(message.get("From", "")))
    message_id = str(message.get("Message-ID", "")).strip()
    return Entry(
        guid=message_id or "sha256:" + hashlib.sha256(raw).hexdigest(),
        title=str(message.get("Subject", "")).strip(),
        content_html=content,
        published=_date(message),
        author=name or address,
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _date(message: EmailMessage) -> datetime | None:
    try:
        value = parsedate_to_datetime(str(message.get("Date", "")))
    except (TypeError, ValueError, IndexError):
        return None
    return value if value.tzinfo else None


def keep_attachments(item: Item, message: EmailMessage, report: IngestReport) -> None:
    """Store the message's attachments that pass the size, type and content checks."""
    for part in message.iter_attachments():
        filename = (part.get_filename() or "").strip().replace("/", "_")[:200]
        decoded = part.get_payload(decode=True)  # bytes, or None for a multipart part
        payload = decoded if isinstance(decoded, bytes) else b""
        extension = "." + filename.rpartition(".")[2].lower() if "." in filename else ""
        if len(payload) > settings.SALA_AGGREGATION_MAX_ATTACHMENT_BYTES:
            report.counts["attachments_too_large"] += 1
            continue
        magic = ALLOWED_ATTACHMENTS.get(extension)
        if magic is None or not payload.startswith(magic):
            report.counts["attachments_refused"] += 1
            continue
        attachment = Attachment(
            item=item,
            filename=filename,
            content_type=part.get_content_type()[:100],
            size=len(payload),
        )
        attachment.file.save(filename, ContentFile(payload), save=False)
        attachment.save()
        report.counts["attachments"] += 1
