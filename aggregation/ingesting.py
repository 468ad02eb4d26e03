"""Store a source's entries as items: normalise, classify, skip what we already have."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from aggregation.classifying import classify, load_rules
from aggregation.dedupe import band_keys, comparable_text, find_duplicate, item_text
from aggregation.models import Item, ItemBand, Source
from aggregation.normalising import (
    canonical_url,
    declared_language,
    detect_language,
    fingerprint,
    published_time,
    story_address,
)
from aggregation.parsing import Entry
from aggregation.sanitising import absolute_url, clean_html, image_links, plain_text

SUMMARY_CHARACTERS = 400
TITLE_CHARACTERS = 500


@dataclass
class IngestReport:
    counts: Counter = field(default_factory=Counter)
    created: list[int] = field(default_factory=list)


def store_entries(
    source: Source,
    entries: list[Entry],
    *,
    base_url: str = "",
    feed_language: str = "",
    fetched_at: datetime | None = None,
    status: str | None = None,
) -> IngestReport:
    """Store each new entry of `source` as an item; return what happened, counted.

    An entry whose GUID the source already sent is unchanged (counted `seen`); an entry
    that is a story we hold from any source is a `duplicate`; the rest are `new`.
    """
    fetched_at = fetched_at or timezone.now()
    status = status or (
        Item.Status.PUBLISHED
        if source.kind == Source.Kind.FEED or source.publish_at_once
        else Item.Status.DRAFT
    )
    report = IngestReport()
    known = set(
        Item.objects.filter(
            source=source, guid__in=[entry_guid(entry) for entry in entries]
        ).values_list("guid", flat=True)
    )
    default_areas = list(source.areas.values_list("pk", flat=True))
    default_topics = list(source.topics.values_list("pk", flat=True))
    rules = load_rules()
    for entry in entries:
        guid = entry_guid(entry)
        if not guid or not (entry.title or entry.content_html or entry.summary_html):
            report.counts["empty"] += 1
            continue
        if guid in known:
            report.counts["seen"] += 1
            continue
        known.add(guid)
        item = store_entry(
            source, entry, guid=guid, base_url=base_url, feed_language=feed_language,
            fetched_at=fetched_at, status=status, default_areas=default_areas,
            default_topics=default_topics, rules=rules,
        )  # fmt: skip
        if item is None:
            report.counts["duplicate"] += 1
        else:
            report.counts["new"] += 1
            report.created.append(item.pk)
    return report


def entry_guid(entry: Entry) -> str:
    """Return the entry's id, else its link, else a hash of its text (RSS allows items
    with neither)."""
    guid = (entry.guid or entry.link or "").strip()
    if not guid:
        text = f"{entry.title}\n{entry.summary_html}\n{entry.content_html}".strip()
        guid = "sha256:" + hashlib.sha256(text.encode()).hexdigest() if text else ""
    return guid[:1000]


@transaction.atomic
def store_entry(
    source: Source,
    entry: Entry,
    *,
    guid: str,
    base_url: str,
    feed_language: str,
    fetched_at: datetime,
    status: str,
    default_areas: list[int],
    default_topics: list[int],
    rules: list | None = None,
) -> Item | None:
    """Create the item for one entry; return None when it is a story we already hold."""
    link = absolute_url(entry.link, base_url)
    base = link or base_url
    raw_body = entry.content_html or entry.summary_html
    body = clean_html(raw_body, base)
    summary = " ".join(plain_text(entry.summary_html or raw_body).split())
    if len(summary) > SUMMARY_CHARACTERS:
        summary = summary[: SUMMARY_CHARACTERS - 1].rsplit(" ", 1)[0] + "…"
    title = " ".join(plain_text(entry.title).split())[:TITLE_CHARACTERS] or summary[:80]
    text = item_text(body, summary)
    canonical = canonical_url(link)
    text_print = fingerprint(title, text)
    comparable = comparable_text(title, summary)
    keys = band_keys(comparable)
    published_at = published_time(entry.published, fetched_at)
    if find_duplicate(
        canonical=canonical, fingerprint=text_print, comparable=comparable, keys=keys,
        published_at=published_at,
    ):  # fmt: skip
        return None
    language = (
        declared_language(entry.language)
        or source.language
        or declared_language(feed_language)
        or detect_language(f"{title} {text}")
    )
    images = [absolute_url(url, base) for url in entry.image_urls]
    images += image_links(raw_body, base)
    item = Item.objects.create(
        source=source,
        institution_id=source.institution_id,
        title=title,
        summary=summary,
        body=body,
        language=language,
        published_at=published_at,
        fetched_at=fetched_at,
        author=entry.author[:300],
        original_url=link,
        canonical_url=canonical,
        story_url=story_address(link),
        guid=guid,
        image_urls=list(dict.fromkeys(url for url in images if url.startswith("http"))),
        status=status,
        fingerprint=text_print,
    )
    ItemBand.objects.bulk_create(ItemBand(item=item, key=key) for key in keys)
    areas, topics = classify(f"{title} {summary}", rules)
    item.areas.set({*default_areas, *areas})
    item.topics.set({*default_topics, *topics})
    return item
