"""What apps index, declared in `<app>/search_indexes.py` (autodiscovered at start-up).

The search app never imports another app: each app describes its objects with an `Index`
and registers it; `geo` registers the area resolver that turns area codes into paths and
names, and tells which area the visitor chose.

    # services/search_indexes.py
    from search.registry import Facet, Index, register

    class ServiceIndex(Index):
        model = Service
        kind = "service"
        kind_label = _("Services")
        promoted = True                       # shown first when they match
        title = {"km": "name_km", "en": "name_en"}
        body = {"km": ["summary_km"], "en": ["summary_en"]}

        def get_queryset(self):
            return Service.objects.filter(is_published=True)

        def institution(self, obj):
            return Facet(f"geo.institution:{obj.institution_id}", obj.institution.name_km,
                         obj.institution.name_en)

        def area_code(self, obj):
            return None

    register(ServiceIndex())

Saving or deleting a registered model re-indexes the object in a task after the
transaction commits (`search.updates`); `manage.py rebuild_search_index` rebuilds all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from django.db import models
from django.utils import translation
from django.utils.functional import Promise


@dataclass(frozen=True)
class Facet:
    """A value results can be filtered by (an institution, an area), named in both
    languages."""

    key: str
    label_km: str
    label_en: str

    def label(self, language: str) -> str:
        return self.label_km if language == "km" else (self.label_en or self.label_km)


@dataclass(frozen=True)
class Entry:
    """What one object says in one language: the document the index stores."""

    language: str
    title: str
    body: str
    url: str


class Index:
    """How one model is indexed. Set `model`, `kind`, `kind_label`, and either `title`
    (and `body`) as {language: field names} or override `entries()`."""

    model: type[models.Model]
    kind: str = ""
    kind_label: str | Promise = ""
    promoted: bool = False
    title: dict[str, str] = {}
    body: dict[str, list[str]] = {}

    @property
    def label(self) -> str:
        """Return the model label that prefixes document keys ("geo.area")."""
        return self.model._meta.label_lower

    def key(self, pk: Any) -> str:
        return f"{self.label}:{pk}"

    def get_queryset(self) -> models.QuerySet:
        return self.model._default_manager.all()

    def entries(self, obj: Any) -> Iterable[Entry]:
        """Return one entry per language the object is written in."""
        for language, title_field in self.title.items():
            title = str(getattr(obj, title_field, "") or "")
            if not title:
                continue
            body = " ".join(str(getattr(obj, f, "") or "") for f in self.body.get(language, []))
            yield Entry(language, title, body, self.url(obj, language))

    def url(self, obj: Any, language: str) -> str:
        with translation.override(language):
            return obj.get_absolute_url()

    def institution(self, obj: Any) -> Facet | None:
        return None

    def boost(self, obj: Any) -> float:
        """Return how much this object outweighs others of equal relevance (1.0)."""
        return 1.0

    def area_code(self, obj: Any) -> str | None:
        return None


class AreaResolver(Protocol):
    """What geo provides: area paths and province names, and the visitor's area."""

    def describe(self, code: str) -> tuple[str, Facet] | None:
        """Return (path like "/12/1201/", the province as a Facet) for an area code."""

    def visitor_area_path(self, request: Any) -> str | None:
        """Return the path of the area the visitor chose, or None."""


_indexes: dict[str, Index] = {}
_area_resolver: list[AreaResolver] = []
_on_register: list[Callable[[Index], None]] = []


def register(index: Index) -> Index:
    """Add an index (again for the same model replaces it) and watch its model."""
    if not index.kind:
        raise ValueError(f"{type(index).__name__} needs a kind")
    _indexes[index.label] = index
    for callback in _on_register:
        callback(index)
    return index


def register_area_resolver(resolver: AreaResolver) -> None:
    _area_resolver[:] = [resolver]


def area_resolver() -> AreaResolver | None:
    return _area_resolver[0] if _area_resolver else None


def indexes() -> list[Index]:
    return list(_indexes.values())


def index_for(label: str) -> Index | None:
    return _indexes.get(label)


def kind_labels() -> dict[str, str | Promise]:
    """Return {kind: label} with promoted kinds first."""
    ordered = sorted(_indexes.values(), key=lambda index: not index.promoted)
    return {index.kind: index.kind_label for index in ordered}


def on_register(callback: Callable[[Index], None]) -> None:
    """Call back for every index registered, now and later (signals hook in here)."""
    _on_register.append(callback)
    for index in _indexes.values():
        callback(index)
