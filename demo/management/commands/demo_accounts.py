"""Print the demo accounts and their generated passwords."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand

from demo.accounts import DEMO_ACCOUNTS, DEMO_SECOND_FACTOR_NOTE, credentials_file, demo_passwords
from demo.documents import demo_document_lines


class Command(BaseCommand):
    help = "Print the demo accounts with their (demo-only) passwords."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--url", default=settings.SALA_SITE_URL)

    def handle(self, *args, **options) -> None:
        passwords = demo_passwords()
        url = options["url"]
        self.stdout.write(f"\nSala is running at {url}/km/ (Khmer) and {url}/en/ (English)")
        self.stdout.write(f"Demo accounts (demo only; passwords are in {credentials_file()}):")
        for account in DEMO_ACCOUNTS:
            self.stdout.write(
                f"  {account.username:<12} {passwords[account.username]:<20} {account.role}"
            )
        self.stdout.write(DEMO_SECOND_FACTOR_NOTE)
        for line in demo_document_lines(url):
            self.stdout.write(line)
        self.stdout.write(f"Back office: {url}/cms/   Design system: {url}/km/design/\n")
