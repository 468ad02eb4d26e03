from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Public services")

    def ready(self) -> None:
        from accounts.profiles import register_export_section
        from registries.auditing import register_sent_reference
        from services.exporting import export_section
        from services.prefilling import sent_reference

        register_export_section("applications", export_section)
        register_sent_reference(sent_reference)
