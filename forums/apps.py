from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Forums and consultations")

    def ready(self) -> None:
        from aggregation.stream import register_contributor
        from forums.stream import AnswersInStream

        register_contributor(AnswersInStream())
