from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Issued documents")

    def ready(self) -> None:
        from accounts.profiles import register_export_section
        from documents import checks  # noqa: F401 - registers the signing key check
        from documents.access import export_section

        register_export_section("issued_documents", export_section)
