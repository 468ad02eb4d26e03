from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Cases")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from accounts.profiles import register_export_section
        from cases import receivers  # noqa: F401  (connects to services' signals)
        from cases.exporting import export_section

        register_export_section("cases", export_section)
