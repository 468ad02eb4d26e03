from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo data and the commands that load and print it. Installed by the demo and
    test settings only: production has no `load_demo_data` at all."""

    name = "demo"
    verbose_name = _("Demo data")
