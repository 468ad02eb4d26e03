from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Cases")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The lower apps call cases through the hooks they offer (never a signal):
        # submitting an application opens its case, and a document issued for a case is
        # handled by the case's current office.
        from cases.hooks import register_hooks

        register_hooks()
