from __future__ import annotations

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        # Our own events and topic kinds, then every app's <app>/notifications.py.
        from notifications import areas, events  # noqa: F401

        autodiscover_modules("notifications")
        # Every app's <app>/conversations.py: the keywords and buttons it answers by
        # Telegram and SMS (notifications/conversations.py).
        autodiscover_modules("conversations")
