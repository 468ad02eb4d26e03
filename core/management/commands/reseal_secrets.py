"""Encrypt every stored secret again with the newest of SALA_STORED_SECRET_KEYS, after a
new key was put in front (core/sealing.py); then the old key can be dropped."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from core.sealing import SealedTextField


class Command(BaseCommand):
    help = "Encrypt the stored secrets again with the newest SALA_STORED_SECRET_KEYS key."

    def handle(self, *args: Any, **options: Any) -> None:
        count = 0
        for model in apps.get_models():
            names = [f.name for f in model._meta.fields if isinstance(f, SealedTextField)]
            if not names:
                continue
            with transaction.atomic():
                for row in model._default_manager.select_for_update().only("pk", *names):
                    # Reading decrypts with any key; saving encrypts with the newest.
                    row.save(update_fields=names)
                    count += 1
        self.stdout.write(f"{count} record(s) encrypted with the newest key.")
