"""The stream's filters: every choice comes from the database; a value that matches
nothing is an error shown on the page, and that filter is left out."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from aggregation.models import Language, Source
from aggregation.stream import PORTAL, StreamFilters
from content.news import live_topics
from geo.models import Area, Institution

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class StreamFilterForm(forms.Form):
    institution = forms.ChoiceField(label=_("Institution"), required=False)
    area = forms.ChoiceField(label=_("Province"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    source = forms.ChoiceField(label=_("Source"), required=False)

    def _choice_field(self, name: str) -> forms.ChoiceField:
        return cast(forms.ChoiceField, self.fields[name])

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        language = (get_language() or "km")[:2]
        self.institutions = {i.code: i for i in Institution.objects.all()}
        self.areas = {a.code: a for a in Area.objects.filter(level=1, is_current=True)}
        self.topics = {str(t.pk): t for t in live_topics(language)}
        self.sources = {str(s.pk): s for s in Source.objects.filter(enabled=True)}
        everything: list[tuple[str, StrOrPromise]] = [("", _("All"))]
        name_field = "name_en" if language == "en" else "name_km"
        self._choice_field("institution").choices = everything + sorted(
            ((code, i.name) for code, i in self.institutions.items()), key=lambda c: c[1]
        )
        self._choice_field("area").choices = everything + sorted(
            ((code, getattr(a, name_field) or a.name) for code, a in self.areas.items()),
            key=lambda c: c[0],
        )
        self._choice_field("topic").choices = everything + sorted(
            ((pk, t.title) for pk, t in self.topics.items()), key=lambda c: c[1]
        )
        self._choice_field("language").choices = everything + list(Language.choices)
        sources = sorted(((pk, s.name) for pk, s in self.sources.items()), key=lambda c: c[1])
        self._choice_field("source").choices = [*everything, (PORTAL, _("This portal")), *sources]

    def filters(self) -> StreamFilters:
        """Return the filters from the valid fields (invalid ones are left out)."""
        data = self.cleaned_data if self.is_bound else {}
        source = data.get("source", "")
        return StreamFilters(
            institution=self.institutions.get(data.get("institution", "")),
            area=self.areas.get(data.get("area", "")),
            topic=self.topics.get(data.get("topic", "")),
            language=data.get("language", ""),
            source=self.sources.get(source),
            portal_only=source == PORTAL,
        )
