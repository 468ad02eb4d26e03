"""Plain factory functions with keyword defaults."""

from __future__ import annotations

from django.utils import timezone

from aggregation.models import Item, Source
from geo.models import Institution


def create_institution(
    *, code: str = "moh", name_en: str = "Ministry of Health", name_km: str = "ក្រសួងសុខាភិបាល"
) -> Institution:
    return Institution.objects.get_or_create(
        code=code, defaults={"name_en": name_en, "name_km": name_km}
    )[0]


def create_source(*, url: str = "", kind: str = Source.Kind.FEED, **fields) -> Source:
    defaults = {
        "name_en": "Ministry of Health news",
        "name_km": "ព័ត៌មានក្រសួងសុខាភិបាល",
        "url": url,
        "kind": kind,
    }
    defaults.update(fields)
    return Source.objects.create(**defaults)


def create_item(*, source: Source | None = None, title: str = "A story", **fields) -> Item:
    source = source or create_source()
    defaults = {
        "source": source,
        "institution": source.institution,
        "title": title,
        "summary": f"{title}: what happened.",
        "body": f"<p>{title}: what happened.</p>",
        "language": "en",
        "published_at": timezone.now(),
        "original_url": f"https://example.gov.kh/{abs(hash(title))}",
        "guid": title,
        "fingerprint": str(abs(hash(title))),
        "status": Item.Status.PUBLISHED,
    }
    defaults.update(fields)
    return Item.objects.create(**defaults)
