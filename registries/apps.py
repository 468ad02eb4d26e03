from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistriesConfig(AppConfig):
    name = "registries"
    verbose_name = _("National registries")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from audit.labels import register_action_label
        from registries.auditing import lookup_about, lookup_label

        register_action_label("registries.lookup", lookup_label, about=lookup_about)
