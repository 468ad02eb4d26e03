"""Create the editors' and approvers' groups and the review workflow on the home pages."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from content.editorial import do_set_up_editorial
from content.models import HomePage


class Command(BaseCommand):
    help = (
        "Create the 'Content editors' and 'Content approvers' groups with their page "
        "permissions, and the 'Institution review' workflow on every home page. Idempotent."
    )

    def handle(self, *args, **options) -> None:
        roots = list(HomePage.objects.all())
        if not roots:
            raise CommandError("There is no home page yet: create one in the admin first.")
        workflow = do_set_up_editorial(roots)
        self.stdout.write(f"Workflow '{workflow.name}' on {len(roots)} home pages.")
