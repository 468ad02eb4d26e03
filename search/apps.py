from __future__ import annotations

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from search import updates  # noqa: F401 - watches the models of every index

        # Every app's <app>/search_indexes.py registers what it indexes.
        autodiscover_modules("search_indexes")
