"""Email through Django's email backend (SMTP in production), with a signed unsubscribe
link in every message and the List-Unsubscribe headers mail programs show as a button.

One SMTP connection is kept open for a whole batch; a connection that fails is dropped and
opened again for the next message.
"""

from __future__ import annotations

import functools
import smtplib
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from notifications.contacts import verified_email
from notifications.registry import get_event
from notifications.transports import PermanentFailure, TemporaryFailure

if TYPE_CHECKING:
    from core.typing import User
    from notifications.models import Delivery
    from notifications.rendering import Rendered

UNSUBSCRIBE_SALT = "notifications.unsubscribe"


def unsubscribe_token(user_id: int, topic: str = "") -> str:
    """Return a signed token that stops emails about `topic` (or all notification emails
    when `topic` is "") for the user; it needs no sign-in and does not expire."""
    return signing.dumps({"u": user_id, "t": topic}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    """Return (user id, topic) from a token, or None if it was not made by us."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return int(data["u"]), str(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def unsubscribe_urls(user_id: int, topic: str, language: str) -> tuple[str, str]:
    """Return (the page a person opens, the RFC 8058 one-click address), both absolute."""
    token = unsubscribe_token(user_id, topic)
    page, one_click = unsubscribe_url_patterns(language)
    return page.replace(PLACEHOLDER, token), one_click.replace(PLACEHOLDER, token)


PLACEHOLDER = "placeholder"


@functools.lru_cache(maxsize=8)
def unsubscribe_url_patterns(language: str) -> tuple[str, str]:
    """Reverse the two addresses once per language (a batch sends thousands)."""
    with translation.override(language):
        page = reverse("notifications:unsubscribe", args=[PLACEHOLDER])
    one_click = reverse("notifications_one_click_unsubscribe", args=[PLACEHOLDER])
    return f"{settings.SALA_SITE_URL}{page}", f"{settings.SALA_SITE_URL}{one_click}"


def build_email(delivery: Delivery, rendered: Rendered, address: str) -> EmailMultiAlternatives:
    notification = delivery.notification
    page, one_click = unsubscribe_urls(
        notification.recipient_id, notification.topic, notification.language
    )
    context: dict[str, Any] = {
        "rendered": rendered,
        "unsubscribe_url": page,
        "topic": notification.topic,
        "portal": settings.SALA_PORTAL_NAME.get(notification.language, "Sala"),
        "site_url": settings.SALA_SITE_URL,
        "language": notification.language,
    }
    with translation.override(notification.language):
        text = render_to_string("notifications/email/message.txt", context)
        html = render_to_string("notifications/email/message.html", context)
    event = get_event(notification.event)
    reply_to = (
        event.reply_to(notification.context, notification.recipient_id) if event.reply_to else ""
    )
    domain = settings.SALA_SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=text,
        to=[address],
        reply_to=[reply_to] if reply_to else None,
        headers={
            "List-Unsubscribe": f"<{one_click}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            # Stable per delivery: a message sent again after a crash carries the same id.
            "Message-ID": f"<delivery-{delivery.pk}@{domain or 'sala.localhost'}>",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    attachments = event.attachments
    if attachments is not None:
        for filename, content, mimetype in attachments(notification.context, notification.language):
            message.attach(filename, content, mimetype)
    return message


class EmailTransport:
    channel = "email"

    def __init__(self) -> None:
        self.connection: Any = None

    def address(self, user: User) -> str:
        return verified_email(user)

    def send(self, delivery: Delivery, rendered: Rendered, address: str) -> str:
        message = build_email(delivery, rendered, address)
        try:
            if self.connection is None:
                self.connection = get_connection(fail_silently=False)
                self.connection.open()
            self.connection.send_messages([message])
        except smtplib.SMTPRecipientsRefused as error:
            raise PermanentFailure(f"the mail server refused {address}: {error}") from error
        except (smtplib.SMTPException, OSError) as error:
            self.close()
            raise TemporaryFailure(
                f"the mail server could not take the message: {error}"
            ) from error
        return message.extra_headers["Message-ID"]

    def close(self) -> None:
        if self.connection is not None:
            try:
                self.connection.close()
            except (smtplib.SMTPException, OSError):
                pass  # the connection is gone already, which is what close wants
            self.connection = None
