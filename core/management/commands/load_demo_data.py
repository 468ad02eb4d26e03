"""Load the demo data (idempotent; refused when SALA_ENV=production)."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from accounts.demo import load_demo_officers
from aggregation.demo import load_demo as load_demo_news
from content.demo import load_demo_content
from core.demo import load_demo_accounts
from documents.demo import load_demo as load_demo_documents
from geo.demo import load_demo_places
from notifications.demo import load_demo_notifications
from services.demo import load_demo as load_demo_services


class Command(BaseCommand):
    help = "Load demo accounts and content. Running it again changes nothing."

    def handle(self, *args, **options) -> None:
        try:
            created, existing = load_demo_accounts()
            places = load_demo_places()
            officers = load_demo_officers()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Demo accounts: {created} created, {existing} already there.")
        self.stdout.write(
            f"Demo offices and facilities: {places.created} created, "
            f"{places.existing} already there; {places.holidays} public holidays added."
        )
        self.stdout.write(
            f"Demo officers: {officers.roles} office roles and {officers.second_factors} "
            f"second factors set up; {officers.organisations} demo businesses added."
        )
        self.stdout.write(load_demo_content().summary())
        self.stdout.write(load_demo_notifications().summary())
        self.stdout.write(load_demo_services().summary())
        self.stdout.write(load_demo_news().summary())
        self.stdout.write(load_demo_documents().summary())
