"""Read the reply mailbox once: mailed replies become forum replies."""

from __future__ import annotations

from collections import Counter

from django.core.management.base import BaseCommand

from forums.mailreplies import poll_replies


class Command(BaseCommand):
    help = (
        "Read the unread mail of SALA_FORUMS_REPLY_MAILBOX; post each good reply to its "
        "thread and print how many were posted, refused or dropped. Run it from cron."
    )

    def handle(self, *args, **options) -> None:
        counts = Counter(record.outcome for record in poll_replies())
        summary = ", ".join(f"{outcome}: {count}" for outcome, count in sorted(counts.items()))
        self.stdout.write(summary or "no new mail")
