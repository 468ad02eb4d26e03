"""Django admin for sources (with their health), items (approve mailed drafts) and the
classification rules."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from aggregation.models import Attachment, ClassificationRule, Item, Page, Source
from aggregation.publishing import do_publish_items
from aggregation.tasks import poll_source
from core.typing import AuthenticatedHttpRequest

URL_FIELDS: Mapping[type[models.Field[Any, Any]], Mapping[str, Any]] = {
    models.URLField: {"assume_scheme": "https"}
}


# What polling records about a source: shown, never edited.
HEALTH_FIELDS = (
    "health",
    "items_per_day",
    "pages",
    "last_polled_at",
    "last_success_at",
    "last_error_km",
    "last_error_en",
    "consecutive_failures",
    "next_poll_at",
    "last_report",
    "etag",
    "last_modified",
    "imap_uidvalidity",
    "imap_last_uid",
)


class SourceForm(forms.ModelForm):
    """The mailbox password is written, never shown back: left empty, it stays as it was."""

    imap_password = forms.CharField(
        label=_("mailbox password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_("Kept encrypted. Leave empty to keep the current password."),
    )

    class Meta:
        model = Source
        fields = ("imap_password",)  # the admin adds the rest from its fieldsets

    def clean_imap_password(self) -> str:
        return self.cleaned_data["imap_password"] or self.instance.imap_password or ""


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    form = SourceForm
    formfield_overrides = URL_FIELDS
    list_display = (
        "name_en",
        "name_km",
        "kind",
        "institution",
        "enabled",
        "health",
        "pages",
        "last_success_at",
        "consecutive_failures",
        "next_poll_at",
    )
    list_filter = ("kind", "enabled", "institution")
    search_fields = ("name_km", "name_en", "url", "imap_user")
    autocomplete_fields = ("areas",)
    filter_horizontal = ("topics",)
    readonly_fields = HEALTH_FIELDS
    fieldsets = (
        (None, {"fields": ("name_km", "name_en", "kind", "enabled", "publish_at_once")}),
        (_("Feed or website"), {"fields": ("url",)}),
        (
            _("Website"),
            {"fields": ("sitemap_url", "site_languages", "crawl_delay_seconds", "max_pages")},
        ),
        (
            _("Mailbox"),
            {
                "fields": (
                    "imap_host",
                    "imap_port",
                    "imap_security",
                    "imap_user",
                    "imap_password",
                    "imap_folder",
                    "allowed_senders",
                )
            },
        ),
        (
            _("What its items are about"),
            {"fields": ("institution", "areas", "topics", "language", "interval_minutes")},
        ),
        (_("Health"), {"fields": HEALTH_FIELDS}),
    )
    actions = ("poll_now",)

    @admin.display(description=_("health"))
    def health(self, source: Source) -> str:
        if not source.enabled:
            return str(_("Switched off"))
        if source.consecutive_failures:
            return f"{_('Failing')}: {source.last_error}"
        if source.last_success_at is None:
            return str(_("Not polled yet"))
        if source.last_error:  # a crawl that worked with pages it could not read
            working = _("Working, with problems")
            return f"{working}: {source.last_error}"
        return str(_("Working"))

    @admin.display(description=_("pages in the search (legacy font)"))
    def pages(self, source: Source) -> str:
        if source.kind != Source.Kind.SITE:
            return "-"
        indexed = source.pages.filter(status=Page.Status.INDEXED).count()
        legacy = source.pages.filter(status=Page.Status.LEGACY_FONT).count()
        return f"{indexed} ({legacy})"

    @admin.display(description=_("items a day (last 7 days)"))
    def items_per_day(self, source: Source) -> float:
        return source.items_per_day()

    @admin.action(description=_("Poll the selected sources now"))
    def poll_now(self, request: HttpRequest, queryset: QuerySet[Source]) -> None:
        for source in queryset:
            poll_source.enqueue(source.pk)
        self.message_user(request, _("The selected sources will be polled in a moment."))


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    readonly_fields = ("file", "filename", "content_type", "size")
    can_delete = True

    def has_add_permission(self, request: HttpRequest, obj: Item | None = None) -> bool:
        return False


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    formfield_overrides = URL_FIELDS
    list_display = ("title", "status", "source", "institution", "language", "published_at")
    list_filter = ("status", "language", "source", "institution")
    search_fields = ("title", "summary", "original_url")
    date_hierarchy = "published_at"
    autocomplete_fields = ("areas",)
    filter_horizontal = ("topics",)
    readonly_fields = (
        "image_urls",
        "source",
        "guid",
        "canonical_url",
        "fingerprint",
        "fetched_at",
        "approved_by",
    )
    fields = (
        "title",
        "status",
        "summary",
        "body",
        "language",
        "published_at",
        "author",
        "original_url",
        "institution",
        "areas",
        "topics",
        *readonly_fields,
    )
    inlines = (AttachmentInline,)
    actions = ("publish",)

    @admin.action(description=_("Approve and publish the selected items"))
    def publish(self, request: AuthenticatedHttpRequest, queryset: QuerySet[Item]) -> None:
        count = do_publish_items(queryset, request.user)
        self.message_user(
            request,
            ngettext("%(count)d item published.", "%(count)d items published.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    """What the crawler read, for administrators to check: filter by "Legacy Khmer font"
    to find the pages a ministry must convert to Unicode."""

    list_display = ("title", "status", "format", "language", "source", "last_seen_at", "url")
    list_filter = ("status", "format", "language", "source")
    search_fields = ("title", "url")
    readonly_fields = [field.name for field in Page._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Page | None = None) -> bool:
        return False


@admin.register(ClassificationRule)
class ClassificationRuleAdmin(admin.ModelAdmin):
    list_display = ("match_text", "area", "topic", "enabled")
    list_filter = ("enabled",)
    list_editable = ("enabled",)
    search_fields = ("match_text",)
    autocomplete_fields = ("area",)
