from __future__ import annotations

from django.core.management.base import BaseCommand

from payments.tasks import poll_payments


class Command(BaseCommand):
    help = "Enqueue asking the payment network which pending payment requests were paid."

    def handle(self, *args, **options) -> None:
        result = poll_payments.enqueue()
        self.stdout.write(f"enqueued {result.id}")
