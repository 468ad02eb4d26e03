"""Receive the Telegram bot's updates by polling, or register the webhook."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse

from notifications import telegram


class Command(BaseCommand):
    help = (
        "poll: fetch the bot's updates with getUpdates and act on them (links, /stop); "
        "for installations the Telegram servers cannot reach. set-webhook: tell Telegram to "
        "post updates to this portal instead."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["poll", "set-webhook"])
        parser.add_argument(
            "--once", action="store_true", help="poll: handle what is waiting, then exit."
        )

    def handle(self, *args, action: str, once: bool = False, **options) -> None:
        if not telegram.is_configured():
            raise CommandError("Set SALA_TELEGRAM_BOT_TOKEN and SALA_TELEGRAM_BOT_USERNAME first.")
        api = telegram.bot()
        try:
            if action == "set-webhook":
                self.set_webhook(api)
            else:
                self.poll(api, once)
        except telegram.BotApiError as error:
            raise CommandError(str(error)) from error

    def set_webhook(self, api: telegram.BotApi) -> None:
        secret = settings.SALA_TELEGRAM_WEBHOOK_SECRET
        if not secret:
            raise CommandError("Set SALA_TELEGRAM_WEBHOOK_SECRET first.")
        url = f"{settings.SALA_SITE_URL}{reverse('notifications_telegram_webhook')}"
        api.set_webhook(url, secret)
        self.stdout.write(f"Telegram will post the bot's updates to {url}.")

    def poll(self, api: telegram.BotApi, once: bool) -> None:
        offset = None
        counts: dict[str, int] = {}
        while True:
            updates = api.get_updates(offset, timeout=0 if once else 30)
            for update in updates:
                outcome = telegram.handle_update(update, api)
                counts[outcome] = counts.get(outcome, 0) + 1
                offset = int(update["update_id"]) + 1
            if once:
                if offset is not None:
                    api.get_updates(offset, timeout=0)  # confirms what was handled
                break
        summary = ", ".join(f"{n} {outcome}" for outcome, n in sorted(counts.items()))
        self.stdout.write(f"Telegram updates: {summary or 'none'}.")
