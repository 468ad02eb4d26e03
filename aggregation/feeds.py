"""The stream as RSS 2.0 and Atom 1.0, with the same filters as the page. Items from
outside sources link to their original and name their source."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from aggregation.forms import StreamFilterForm
from aggregation.stream import StreamEntry, build_stream

FEED_ITEMS = 50


class StreamRssFeed(Feed):
    feed_type: type[SyndicationFeed] = Rss201rev2Feed

    def get_object(self, request: HttpRequest, *args, **kwargs) -> list[StreamEntry]:
        form = StreamFilterForm(request.GET or None)
        if form.is_bound:
            form.is_valid()
        self.request = request
        return build_stream(form.filters(), (get_language() or "km")[:2])[:FEED_ITEMS]

    def title(self) -> str:
        return _("News from the portal and the institutions")

    def link(self) -> str:
        return reverse("aggregation:stream")

    def description(self) -> str:
        return _("News and announcements of the state's institutions, newest first.")

    def items(self, entries: list[StreamEntry]) -> list[StreamEntry]:
        return entries

    def item_title(self, entry: StreamEntry) -> str:
        return entry.title

    def item_description(self, entry: StreamEntry) -> str:
        if entry.source:
            attribution = _("From %(source)s") % {"source": entry.source}
            return f"{entry.summary} ({attribution})"
        return entry.summary

    def item_link(self, entry: StreamEntry) -> str:
        return entry.original_url or entry.url

    def item_guid(self, entry: StreamEntry) -> str:
        return self.request.build_absolute_uri(entry.url)

    def item_pubdate(self, entry: StreamEntry):
        return entry.published_at

    def item_author_name(self, entry: StreamEntry) -> str:
        return entry.source or entry.institution


class StreamAtomFeed(StreamRssFeed):
    feed_type = Atom1Feed
    subtitle = StreamRssFeed.description
