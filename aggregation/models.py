"""Sources of outside news (feeds and mailboxes), the items polled from them, and the
rules that file items under areas and topics.

A `Source` carries its own health (last success, last error in plain Khmer and English,
consecutive failures, next poll) so that administrators see in the admin which sources
work. An `Item` is one story in one uniform shape whatever it came from; `ItemBand` holds
the MinHash bands of its text, the index the deduplication looks candidates up in.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.languages import in_language
from core.models import NamedInKhmerAndEnglish
from core.sealing import SealedTextField


class Language(models.TextChoices):
    KHMER = "km", _("Khmer")
    ENGLISH = "en", _("English")


class SourceQuerySet(models.QuerySet):
    def due(self, now=None) -> SourceQuerySet:
        """Return the enabled sources whose next poll time has come."""
        now = now or timezone.now()
        return self.filter(enabled=True).filter(
            models.Q(next_poll_at__isnull=True) | models.Q(next_poll_at__lte=now)
        )


class Source(NamedInKhmerAndEnglish):
    """A ministry's or province's feed, or a mailbox it mails announcements to."""

    class Kind(models.TextChoices):
        FEED = "feed", _("Feed (RSS, Atom or JSON Feed)")
        IMAP = "imap", _("Mailbox (IMAP)")
        SITE = "site", _("Website (crawled)")

    class Security(models.TextChoices):
        TLS = "tls", _("TLS (port 993)")
        STARTTLS = "starttls", _("STARTTLS (port 143)")
        PLAIN = "plain", _("None (only for a server on this machine)")

    name_km = models.CharField(_("name in Khmer"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.FEED)
    url = models.URLField(
        _("feed or home page address"),
        max_length=1000,
        blank=True,
        help_text=_("For a website, its home page: only addresses on the same host are read."),
    )
    sitemap_url = models.URLField(
        _("sitemap address"),
        max_length=1000,
        blank=True,
        help_text=_("For a website. Leave empty to use the sitemaps its robots.txt names."),
    )
    site_languages = models.CharField(
        _("languages of the website"),
        max_length=8,
        choices=[("km en", _("Khmer and English")), ("km", _("Khmer")), ("en", _("English"))],
        default="km en",
    )
    crawl_delay_seconds = models.FloatField(
        _("seconds between two requests"),
        default=1.0,
        help_text=_("For a website. A longer Crawl-delay in its robots.txt wins."),
    )
    max_pages = models.PositiveIntegerField(_("most pages read in one crawl"), default=500)
    imap_host = models.CharField(_("mail server"), max_length=200, blank=True)
    imap_port = models.PositiveIntegerField(_("mail server port"), default=993)
    imap_security = models.CharField(
        _("connection security"), max_length=8, choices=Security.choices, default=Security.TLS
    )
    imap_user = models.CharField(_("mailbox user name"), max_length=200, blank=True)
    # Encrypted at rest (core/sealing.py); the admin never shows it back.
    imap_password = SealedTextField(_("mailbox password"), blank=True)
    imap_folder = models.CharField(_("mailbox folder"), max_length=200, default="INBOX")
    allowed_senders = models.TextField(
        _("allowed senders"),
        blank=True,
        help_text=_(
            "One address per line (news@mef.gov.kh), or a whole domain (@mef.gov.kh). "
            "Mail from anyone else is ignored."
        ),
    )
    institution = models.ForeignKey(
        "geo.Institution",
        verbose_name=_("institution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_sources",
    )
    areas = models.ManyToManyField(
        "geo.Area",
        verbose_name=_("default areas"),
        blank=True,
        related_name="+",
        limit_choices_to={"level__lte": 2, "is_current": True},
        help_text=_("Provinces and districts every item of this source concerns."),
    )
    topics = models.ManyToManyField(
        "content.TopicPage", verbose_name=_("default topics"), blank=True, related_name="+"
    )
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=Language.choices,
        blank=True,
        help_text=_("Leave empty to take it from the feed, or from the script of the text."),
    )
    interval_minutes = models.PositiveIntegerField(_("polling interval (minutes)"), default=30)
    enabled = models.BooleanField(_("enabled"), default=True)
    publish_at_once = models.BooleanField(
        _("publish at once"),
        default=False,
        help_text=_(
            "Publish new items without an editor's approval (mail becomes a draft otherwise)."
        ),
    )
    # Health, written by the poller.
    last_polled_at = models.DateTimeField(_("last polled"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("last success"), null=True, blank=True)
    last_error_km = models.TextField(_("last error in Khmer"), blank=True)
    last_error_en = models.TextField(_("last error in English"), blank=True)
    consecutive_failures = models.PositiveIntegerField(_("failures in a row"), default=0)
    next_poll_at = models.DateTimeField(_("next poll"), null=True, blank=True)
    last_report = models.JSONField(_("last poll's counts"), default=dict, blank=True)
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    imap_uidvalidity = models.BigIntegerField(null=True, blank=True)
    imap_last_uid = models.BigIntegerField(default=0)

    objects = SourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("news source")
        verbose_name_plural = _("news sources")
        ordering = ["name_en"]

    @property
    def last_error(self) -> str:
        return in_language(self.last_error_km, self.last_error_en)

    def allowed_sender_list(self) -> list[str]:
        return [line.strip().lower() for line in self.allowed_senders.splitlines() if line.strip()]

    def items_per_day(self, days: int = 7) -> float:
        """Return the average number of new items a day over the last `days` days."""
        since = timezone.now() - timedelta(days=days)
        return round(self.items.filter(fetched_at__gte=since).count() / days, 1)


class ItemQuerySet(models.QuerySet):
    def published(self) -> ItemQuerySet:
        return self.filter(status=Item.Status.PUBLISHED)


class Item(models.Model):
    """One story or announcement from a source, normalised.

    `body` is HTML already sanitised against our allow-list; images are kept as links
    (`image_urls`), never shown from another origin. `original_url` and the source are
    shown with every item: we show others' news only with attribution and a link back.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft, waiting for approval")
        PUBLISHED = "published", _("Published")

    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.CASCADE, related_name="items"
    )
    institution = models.ForeignKey(
        "geo.Institution",
        verbose_name=_("institution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=500)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body"), blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    published_at = models.DateTimeField(_("published"), db_index=True)
    fetched_at = models.DateTimeField(_("fetched"), default=timezone.now)
    author = models.CharField(_("author"), max_length=300, blank=True)
    original_url = models.URLField(_("original address"), max_length=1000, blank=True)
    canonical_url = models.CharField(max_length=1000, blank=True, db_index=True)
    # The address without its language marker: the Khmer and English versions of a story
    # share it (`normalising.story_address`), so the stream shows the reader's one.
    story_url = models.CharField(max_length=1000, blank=True, db_index=True)
    guid = models.CharField(max_length=1000)
    image_urls = models.JSONField(_("images"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PUBLISHED
    )
    fingerprint = models.CharField(max_length=64, db_index=True)
    areas = models.ManyToManyField(
        "geo.Area", verbose_name=_("areas"), blank=True, related_name="+"
    )
    topics = models.ManyToManyField(
        "content.TopicPage", verbose_name=_("topics"), blank=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("news item from a source")
        verbose_name_plural = _("news items from sources")
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["source", "guid"], name="aggregation_item_guid")
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("aggregation:item", args=[self.pk])


class ItemBand(models.Model):
    """One MinHash band of an item's text: items sharing a band are checked for being the
    same story (see `aggregation/dedupe.py`)."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="bands")
    key = models.CharField(max_length=24, db_index=True)

    def __str__(self) -> str:
        return self.key


class Attachment(models.Model):
    """A file mailed with an announcement, kept in private storage and served only once
    the item is published (`aggregation.views.attachment`)."""

    item = models.ForeignKey(
        Item, verbose_name=_("item"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to="aggregation/attachments/%Y/%m/")
    filename = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.filename


class ClassificationRule(models.Model):
    """Words that file an item under an area or a topic: when `match_text` (Khmer or
    English, any case) appears in an item's title or summary, the item gets the area and
    the topic. Administrators edit these; new items are classified as they arrive."""

    match_text = models.CharField(
        _("text to find"),
        max_length=200,
        help_text=_("Khmer or English words, found anywhere in the title or summary."),
    )
    area = models.ForeignKey(
        "geo.Area",
        verbose_name=_("area"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"level__lte": 2, "is_current": True},
    )
    topic = models.ForeignKey(
        "content.TopicPage",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    enabled = models.BooleanField(_("enabled"), default=True)

    class Meta:
        verbose_name = _("classification rule")
        verbose_name_plural = _("classification rules")
        ordering = ["match_text"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(area__isnull=False) | models.Q(topic__isnull=False),
                name="aggregation_rule_has_target",
            )
        ]

    def __str__(self) -> str:
        return self.match_text


class PageQuerySet(models.QuerySet):
    def indexed(self) -> PageQuerySet:
        return self.filter(status=Page.Status.INDEXED)


class Page(models.Model):
    """One page or PDF read from a website source, as the crawler last saw it.

    Only `INDEXED` pages go into the search; a page written in a legacy non-Unicode Khmer
    font is kept as `LEGACY_FONT` so that administrators see it, and a page that has
    disappeared from the site is deleted (`aggregation.crawling`)."""

    class Status(models.TextChoices):
        INDEXED = "indexed", _("In the search")
        LEGACY_FONT = "legacy", _("Legacy Khmer font: not indexed")
        EMPTY = "empty", _("No text found: not indexed")

    class Format(models.TextChoices):
        HTML = "html", _("Web page")
        PDF = "pdf", _("PDF")

    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.CASCADE, related_name="pages"
    )
    url = models.URLField(_("address"), max_length=1000)
    # The address in one spelling (`normalising.canonical_url`): the same page reached by
    # two links, and a feed's story about it, share it.
    canonical_url = models.CharField(max_length=1000, db_index=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    title = models.CharField(_("title"), max_length=500)
    text = models.TextField(_("text"), blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    first_seen_at = models.DateTimeField(_("first read"), default=timezone.now)
    last_seen_at = models.DateTimeField(_("last read"), default=timezone.now)
    changed_at = models.DateTimeField(_("last changed"), default=timezone.now)
    content_hash = models.CharField(max_length=64)
    # The links the page had, followed again when it answers "not modified".
    links = models.JSONField(default=list, blank=True)
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("page read from a website")
        verbose_name_plural = _("pages read from websites")
        ordering = ["source", "url"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "canonical_url"], name="aggregation_page_address"
            )
        ]

    def __str__(self) -> str:
        return self.title
