from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Citizen reports")

    def ready(self) -> None:
        from audit.labels import register_action_label
        from reports import rules  # noqa: F401 - registers the permissions

        register_action_label("reports.report.sent", _("A problem was reported"))
        register_action_label("reports.report.status_changed", _("A report's status changed"))
        register_action_label("reports.report.reporter_viewed", _("An officer saw who reported"))
        register_action_label("reports.photo.opened", _("An officer opened a report's photo"))
        register_action_label("reports.apikey.issued", _("An Open311 key was issued"))
        register_action_label("reports.apikey.revoked", _("An Open311 key was revoked"))
