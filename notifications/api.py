"""What other apps call. Nothing else in `notifications` is meant for them.

    from notifications.api import Message, notify, notify_subscribers, register_event

Register each event once, in <app>/notifications.py (imported at start-up):

    register_event(
        "cases.status_changed",
        label=_("An application changed status"),
        km=Message(title="ពាក្យស្នើសុំ {{ reference }} ឥឡូវ{{ status }}", body="…"),
        en=Message(title="Application {{ reference }} is now {{ status }}", body="…"),
        example={"reference": "SALA-2026-000123-7", "status": {"km": "…", "en": "approved"}},
    )

Then, inside the transaction that makes the change:

    notify(case.applicant, "cases.status_changed",
           {"reference": case.reference, "status": {"km": "…", "en": "approved"},
            "url": case.get_absolute_url()},
           key=f"case:{case.pk}:status:{case.status_version}")

docs/architecture.md ("Notifications") has the whole contract.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from notifications.contacts import register_contact_lookups
from notifications.models import Notification
from notifications.outbox import do_notify, do_notify_subscribers
from notifications.registry import Message, UnknownEventError, register_event
from notifications.topics import Topic, describe_topic, register_topic_kind

if TYPE_CHECKING:
    from core.typing import User

__all__ = [
    "Message",
    "Topic",
    "UnknownEventError",
    "describe_topic",
    "notify",
    "notify_subscribers",
    "register_contact_lookups",
    "register_event",
    "register_topic_kind",
    "unread_count",
]


def notify(
    recipient: User, event: str, context: dict[str, Any], *, key: str | None = None
) -> Notification:
    """Notify one person of `event`, in the current transaction; return the notification.

    The inbox entry is written at once; email, SMS and Telegram go out from the outbox
    after the commit, in the person's language, on the channels they allow and can be
    reached on (verified addresses only). `context` must be JSON-serialisable; a value
    {"km": …, "en": …} is shown in the person's language, and "url" (a portal path)
    becomes the message's link. With `key`, calling again returns the first notification
    and sends nothing more.
    """
    return do_notify(recipient, event, context, key=key or "")


def notify_subscribers(
    topic: str,
    event: str,
    context: dict[str, Any],
    *,
    key: str | None = None,
    exclude: Iterable[int] = (),
) -> int:
    """Notify everyone following `topic` (and, for nested kinds such as areas, the topics
    inside it); return how many people. `exclude` holds user ids to leave out (the
    author of a forum post, say). With `key`, people already notified are skipped."""
    return do_notify_subscribers(topic, event, context, key=key or "", exclude=exclude)


def unread_count(user: User) -> int:
    return Notification.objects.filter(recipient=user).unread().count()
