"""Demo sources, items and classification rules (idempotent; no internet needed).

The three demo feeds are static files of the demo app, served by the demo itself at
/static/demo/news/; `load_demo` reads them once from disk so that /news/ has items
at once, and `tools/run_demo.sh` polls them from then on (conditional GET: nothing new).
A fourth source, a mailbox, holds one mailed announcement waiting for approval. A fifth,
the Ministry of Public Works and Transport's website, is the stand-in ministry site
(`standins.ministry_site`) that `python -m standins` serves at SALA_DEMO_MINISTRY_SITE_URL;
the demo's `poll_sources --every 60` crawls it, so its pages and PDF appear in the search
a minute after the demo starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from aggregation.ingesting import store_entries
from aggregation.models import ClassificationRule, Item, Source
from aggregation.parsing import Entry, parse_feed
from aggregation.polling import record_success, site_base
from geo.models import Area, Institution

DEMO_FEEDS = Path(__file__).parent / "static" / "demo" / "news"
SOURCES = [
    # file, institution code, Khmer name, English name, content type
    ("moh.xml", "moh", "ព័ត៌មានក្រសួងសុខាភិបាល", "Ministry of Health news", "application/rss+xml"),
    ("moeys.atom", "moeys", "ព័ត៌មានក្រសួងអប់រំ យុវជន និងកីឡា",
     "Ministry of Education news", "application/atom+xml"),
    ("moc.json", "moc", "ព័ត៌មានក្រសួងពាណិជ្ជកម្ម", "Ministry of Commerce news",
     "application/feed+json"),
]  # fmt: skip
RULES = [
    # text, province code
    ("កំពត", "07"), ("Kampot", "07"), ("សៀមរាប", "17"), ("Siem Reap", "17"),
    ("បាត់ដំបង", "02"), ("Battambang", "02"), ("ភ្នំពេញ", "12"), ("Phnom Penh", "12"),
]  # fmt: skip


@dataclass
class DemoNews:
    sources: int = 0
    items: int = 0

    def summary(self) -> str:
        return f"Demo news sources: {self.sources} created; {self.items} items stored."


@transaction.atomic
def load_demo() -> DemoNews:
    """Create the demo sources, rules and items that do not exist yet."""
    if not settings.SALA_DEMO_DATA_ALLOWED:
        raise ImproperlyConfigured("Demo data cannot be loaded when SALA_ENV=production.")
    counts = DemoNews()
    provinces = {area.code: area for area in Area.objects.filter(level=Area.Level.PROVINCE)}
    for text, code in RULES:
        if code in provinces:
            ClassificationRule.objects.get_or_create(match_text=text, area=provinces[code])
    for filename, institution, name_km, name_en, content_type in SOURCES:
        source, created = Source.objects.get_or_create(
            name_en=name_en,
            defaults={
                "name_km": name_km,
                "url": f"{settings.SALA_SITE_URL}/static/demo/news/{filename}",
                "institution": Institution.objects.filter(code=institution).first(),
                "interval_minutes": 10,
            },
        )
        counts.sources += created
        if created:
            parsed = parse_feed((DEMO_FEEDS / filename).read_bytes(), content_type=content_type)
            report = store_entries(
                source, parsed.entries, base_url=site_base(parsed.link, source.url)
            )
            counts.items += report.counts["new"]
            record_success(source, timezone.now(), report)
    counts.items += _load_mailed_draft(counts)
    counts.sources += _website_source()
    return counts


def _website_source() -> int:
    """Create the demo ministry website source (crawled while the demo runs)."""
    _source, created = Source.objects.get_or_create(
        name_en="Ministry of Public Works and Transport website",
        defaults={
            "name_km": "គេហទំព័រក្រសួងសាធារណការ និងដឹកជញ្ជូន",
            "kind": Source.Kind.SITE,
            "url": f"{settings.SALA_DEMO_MINISTRY_SITE_URL}/",
            "institution": Institution.objects.filter(code="mpwt").first(),
            "interval_minutes": 60,
            "crawl_delay_seconds": 0.2,
            "max_pages": 100,
        },
    )
    return int(created)


def _load_mailed_draft(counts: DemoNews) -> int:
    mailbox, created = Source.objects.get_or_create(
        name_en="Ministry of Health announcements mailbox",
        defaults={
            "name_km": "ប្រអប់សំបុត្រសេចក្តីប្រកាសរបស់ក្រសួងសុខាភិបាល",
            "kind": Source.Kind.IMAP,
            "imap_host": "imap.example.gov.kh",
            "imap_user": "announcements",
            "allowed_senders": "@moh.gov.kh",
            "institution": Institution.objects.filter(code="moh").first(),
            "enabled": False,
        },
    )
    counts.sources += created
    if not created:
        return 0
    entry = Entry(
        guid="<demo-announcement-1@moh.gov.kh>",
        title="សេចក្តីប្រកាស៖ ម៉ោងធ្វើការរបស់មណ្ឌលសុខភាពក្នុងថ្ងៃបុណ្យ",
        content_html="<p>មណ្ឌលសុខភាពទាំងអស់បើកពីម៉ោង ៧ ព្រឹក ដល់ម៉ោង ១១ ព្រឹក "
        "ក្នុងថ្ងៃឈប់សម្រាកបុណ្យជាតិ។ ករណីបន្ទាន់ សូមទៅមន្ទីរពេទ្យបង្អែក។</p>",
        author="Press office",
        published=timezone.now(),
    )
    report = store_entries(mailbox, [entry], status=Item.Status.DRAFT)
    return report.counts["new"]
