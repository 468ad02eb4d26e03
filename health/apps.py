from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HealthConfig(AppConfig):
    name = "health"
    verbose_name = _("Health")

    def ready(self) -> None:
        from documents.actions import register_verification_actions
        from health.booking import TICKET_TEMPLATE
        from health.desk import verification_actions

        register_verification_actions(TICKET_TEMPLATE, verification_actions)
