"""Wagtail pages of the portal: home, topics and life events, guides, institutions, news.

Every page exists once per language (Wagtail's localisation: a Khmer tree and an English
tree whose pages share a `translation_key`). Editors translate a page with the admin's
"Translate" action (wagtail.contrib.simple_translation), which copies it into the other
locale under the translated parent.

Serving (see `SalaPage.route` and `SalaPage.serve`): the language comes from the URL
prefix. When the page at an address exists only in the other language, the reader gets a
notice in their language that links to it (status 404, so that search engines index each
page once, in the language it is written in); when the translation exists under another
slug, the reader is redirected to it.

Links between pages (a news item's institution and topics) point at one language's page;
templates show `.localized`, the page in the reader's language when it exists.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import AbstractGroupApprovalTask, Locale, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.url_routing import RouteResult

from content.blocks import RICH_TEXT_FEATURES, LinksBlock, ServiceLinkBlock, StepBlock
from content.editors import approvable_institutions, editable_institutions
from content.feedlinks import feed_url
from content.services import service_link
from geo.jurisdiction import offices_for_area
from geo.models import Area, Facility, Institution
from geo.places import remembered_area

NEWS_PER_PAGE = 20
SCHEMA_CONTEXT = "https://schema.org"


def _language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


def _active_locale() -> Locale | None:
    try:
        return Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return None


def _plain_text(html: Any) -> str:
    """Return rich text as one line of plain text (list items and paragraphs spaced)."""
    return " ".join(strip_tags(re.sub(r"<", " <", str(html or ""))).split())


class SalaPage(Page):
    """What every page of the portal shares: an introduction shown under the title (and used
    as the summary in lists, search results and structured data), breadcrumbs, the links
    to the page in the other language, and serving in the reader's language."""

    introduction: models.TextField[str, str] = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("One or two plain sentences shown under the title and in lists."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    open_graph_type = "website"

    class Meta:
        abstract = True

    # --- Serving in the reader's language ----------------------------------------------

    def route(self, request: HttpRequest, path_components: list[str]) -> RouteResult:
        try:
            return super().route(request, path_components)
        except Http404:
            counterpart = self.counterpart_in_other_language(path_components)
            if counterpart is None:
                raise
            return RouteResult(counterpart)

    def counterpart_in_other_language(self, path_components: list[str]) -> Page | None:
        """Return the live page at the same path below this page's translations, if any."""
        if not path_components:
            return None
        suffix = "/".join(path_components) + "/"
        for translation in self.get_translations().live():
            found = (
                Page.objects.live()
                .filter(locale_id=translation.locale_id, url_path=translation.url_path + suffix)
                .specific()
                .first()
            )
            if found is not None:
                return found
        return None

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        active = _active_locale()
        if active is None or active.pk == self.locale_id:
            return super().serve(request, *args, **kwargs)
        translation = self.get_translation_or_none(active)
        if translation is not None and translation.live:
            url = translation.get_url(request)
            if url and url != request.path:  # not when the translation's tree is unpublished
                return redirect(url)
        context = {
            "page": self,
            "page_language": self.locale.language_code,
            "page_language_name": _language_name(self.locale.language_code),
            "missing_language_name": _language_name(active.language_code),
        }
        return TemplateResponse(request, "content/missing_translation.html", context, status=404)

    # --- Context shared by every template ------------------------------------------------

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = self.breadcrumbs(request)
        context["other_languages"] = self.other_languages()
        context["structured_data"] = self.structured_data(request)
        context["canonical_url"] = request.build_absolute_uri(self.get_url(request) or "/")
        context["feeds"] = self.feeds()
        return context

    def feeds(self) -> list[dict[str, str]]:
        """Return the news feeds about this page ({"title", "rss", "atom"}), if any."""
        return []

    def _feeds_of(self, kind: str = "", key: str = "") -> list[dict[str, str]]:
        return [
            {
                "title": self.title,
                "rss": feed_url(kind, key, "rss"),
                "atom": feed_url(kind, key, "atom"),
            }
        ]

    def breadcrumbs(self, request: HttpRequest | None = None) -> list[tuple[str, str]]:
        """Return (title, url) pairs below the home page (which the include adds) down to
        this page's parent, then this page unlinked, for includes/breadcrumbs.html."""
        ancestors = self.get_ancestors().filter(depth__gte=3).live()
        return [(page.title, page.get_url(request)) for page in ancestors] + [(self.title, "")]

    def other_languages(self) -> list[dict[str, Any]]:
        """Return, for each other content language, its code and name and the live
        translation of this page in it (or None)."""
        translations = {
            page.locale.language_code: page
            for page in self.get_translations().live().select_related("locale")
        }
        return [
            {"code": code, "name": _language_name(code), "page": translations.get(code)}
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
            if code != self.locale.language_code
        ]

    def structured_data(self, request: HttpRequest) -> dict[str, Any] | None:
        """Return the schema.org description of the page for JSON-LD, or None."""
        return None

    def summary(self) -> str:
        return self.search_description or self.introduction


class HomePage(SalaPage):
    """The portal's home page in one language, served at /km/ and /en/: the site's root
    in Khmer, its translation in English. It puts search first, then urgent alerts, the
    most used services (chosen by editors), life events and topics, the visitor's area with
    its offices and news, and the sections below it.

    There is one home page per language, so `max_count` is not set.
    """

    services = StreamField(
        [("service", ServiceLinkBlock())],
        verbose_name=_("most used services"),
        blank=True,
        use_json_field=True,
    )

    content_panels = [*SalaPage.content_panels, FieldPanel("services")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "content.InformationPage",
        "content.TopicPage",
        "content.GuidePage",
        "content.InstitutionPage",
        "content.NewsIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def breadcrumbs(self, request: HttpRequest | None = None) -> list[tuple[str, str]]:
        return []

    def feeds(self) -> list[dict[str, str]]:
        return self._feeds_of()

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        language = self.locale.language_code
        topics = TopicPage.objects.live().descendant_of(self).order_by("path")
        context["life_events"] = topics.filter(kind=TopicPage.Kind.LIFE_EVENT)[:10]
        context["topics"] = topics.filter(kind=TopicPage.Kind.TOPIC)[:12]
        context["sections"] = self.get_children().live().in_menu().specific()
        context["area"] = area = remembered_area(request)
        if area is not None:
            context["area_offices"] = list(offices_for_area(area)[:6])
            context["area_news"] = list(NewsPage.objects.live_news(language, area=area)[:5])
        context["latest_news"] = NewsPage.objects.live_news(language)[:5]
        return context


class InformationPage(SalaPage):
    """A plain page of information, and the index of the pages under it (for example
    "Ministries and institutions" or "Topics"): its children are listed as cards below
    the body."""

    body = RichTextField(_("body"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*SalaPage.content_panels, FieldPanel("body")]
    search_fields = [*SalaPage.search_fields, index.SearchField("body")]

    parent_page_types = [
        "content.HomePage",
        "content.InformationPage",
        "content.InstitutionPage",
        "content.TopicPage",
    ]
    subpage_types = [
        "content.InformationPage",
        "content.InstitutionPage",
        "content.TopicPage",
        "content.GuidePage",
    ]

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().specific()
        return context


class TopicPage(SalaPage):
    """A topic (health, land, business…) or a life event (having a baby, starting a
    business…): the guides and pages under it, the pages the editor links to, and the
    latest news tagged with it."""

    class Kind(models.TextChoices):
        TOPIC = "topic", _("Topic")
        LIFE_EVENT = "life_event", _("Life event")

    kind: models.CharField[str, str] = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.TOPIC
    )
    body = RichTextField(_("body"), blank=True, features=RICH_TEXT_FEATURES)
    related = StreamField(
        LinksBlock(),
        verbose_name=_("related pages and offices"),
        blank=True,
        use_json_field=True,
    )

    content_panels = [
        *SalaPage.content_panels,
        FieldPanel("kind"),
        FieldPanel("body"),
        FieldPanel("related"),
    ]
    search_fields = [*SalaPage.search_fields, index.SearchField("body")]

    parent_page_types = ["content.HomePage", "content.InformationPage", "content.TopicPage"]
    subpage_types = ["content.TopicPage", "content.GuidePage", "content.InformationPage"]

    class Meta:
        verbose_name = _("topic or life event")
        verbose_name_plural = _("topics and life events")

    def news(self) -> models.QuerySet[NewsPage]:
        """Return the live news in this page's language tagged with this topic in any
        language (news items may be tagged with the Khmer page only)."""
        return NewsPage.objects.live_news(self.locale.language_code, topic=self)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().specific()
        context["latest_news"] = self.news()[:5]
        return context

    def feeds(self) -> list[dict[str, str]]:
        return self._feeds_of("topic", self.slug)


class GuidePage(SalaPage):
    """A step-by-step guide (like GOV.UK's step-by-step navigation): numbered steps, each
    with a title, text and links to pages and offices. Steps are numbered by position."""

    steps = StreamField(
        [("step", StepBlock())],
        verbose_name=_("steps"),
        use_json_field=True,
        min_num=1,
    )
    body = RichTextField(
        _("after the steps"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Optional: what happens next, where to get help."),
    )

    content_panels = [*SalaPage.content_panels, FieldPanel("steps"), FieldPanel("body")]
    search_fields = [*SalaPage.search_fields, index.SearchField("steps"), index.SearchField("body")]

    parent_page_types = ["content.HomePage", "content.InformationPage", "content.TopicPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("step-by-step guide")
        verbose_name_plural = _("step-by-step guides")

    def structured_data(self, request: HttpRequest) -> dict[str, Any]:
        steps = [
            {
                "@type": "HowToStep",
                "position": number,
                "name": block.value["title"],
                "text": strip_tags(str(block.value["text"] or "")).strip() or block.value["title"],
            }
            for number, block in enumerate(self.steps, start=1)
        ]
        return {
            "@context": SCHEMA_CONTEXT,
            "@type": "HowTo",
            "name": self.title,
            "description": self.summary(),
            "inLanguage": self.locale.language_code,
            "url": request.build_absolute_uri(self.get_url(request)),
            "step": steps,
        }


class InstitutionPage(SalaPage):
    """A ministry or other state body: its mandate, how it is led and organised, its
    offices and contacts, and its latest news.

    `institution` links the page to the record in the office directory (geo.Institution),
    whose offices the page lists; `related_name="+"` because the directory has no use for
    the pages. Leadership is described as structure and offices, never as invented names.
    """

    institution: models.ForeignKey[Institution | None, Institution | None]
    institution = models.ForeignKey(
        "geo.Institution",
        verbose_name=_("institution in the office directory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    mandate = RichTextField(_("mandate"), blank=True, features=RICH_TEXT_FEATURES)
    leadership = RichTextField(_("leadership"), blank=True, features=RICH_TEXT_FEATURES)
    services = StreamField(
        [("service", ServiceLinkBlock())],
        verbose_name=_("services"),
        blank=True,
        use_json_field=True,
    )
    address: models.TextField[str, str] = models.TextField(_("address"), blank=True)
    phone: models.CharField[str, str] = models.CharField(_("phone"), max_length=40, blank=True)
    email: models.EmailField[str, str] = models.EmailField(_("email"), blank=True)
    website: models.URLField[str, str] = models.URLField(_("website"), blank=True)

    content_panels = [
        *SalaPage.content_panels,
        FieldPanel("institution"),
        FieldPanel("mandate"),
        FieldPanel("leadership"),
        FieldPanel("services"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("website"),
            ],
            heading=_("Contacts"),
        ),
    ]
    search_fields = [
        *SalaPage.search_fields,
        index.SearchField("mandate"),
        index.SearchField("leadership"),
    ]

    parent_page_types = ["content.HomePage", "content.InformationPage"]
    subpage_types = ["content.InformationPage", "content.GuidePage"]

    class Meta:
        verbose_name = _("institution page")
        verbose_name_plural = _("institution pages")

    def news(self) -> models.QuerySet[NewsPage]:
        """Return the live news in this page's language from this institution."""
        return NewsPage.objects.live_news(self.locale.language_code, institution=self)

    def feeds(self) -> list[dict[str, str]]:
        return self._feeds_of("institution", self.slug)

    def offices(self) -> list[Facility]:
        """Return the institution's national offices (its headquarters) in the directory."""
        if self.institution_id is None:
            return []
        offices = Facility.objects.active().filter(
            institution_id=self.institution_id, type__code="ministry"
        )
        return list(offices.select_related("area"))

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = self.news()[:5]
        context["offices"] = self.offices()
        context["children"] = self.get_children().live().specific()
        return context

    def structured_data(self, request: HttpRequest) -> dict[str, Any]:
        data: dict[str, Any] = {
            "@context": SCHEMA_CONTEXT,
            "@type": "GovernmentOrganization",
            "name": self.title,
            "url": request.build_absolute_uri(self.get_url(request)),
            "inLanguage": self.locale.language_code,
        }
        if self.summary():
            data["description"] = self.summary()
        if self.address:
            data["address"] = {
                "@type": "PostalAddress",
                "streetAddress": self.address,
                "addressCountry": "KH",
            }
        if self.phone:
            data["telephone"] = self.phone
        if self.email:
            data["email"] = self.email
        if self.website:
            data["sameAs"] = [self.website]
        services = [block.value for block in self.services]
        if services:
            data["@id"] = data["url"] + "#organization"
            data["hasOfferCatalog"] = {
                "@type": "OfferCatalog",
                "name": str(_("Services")),
                "itemListElement": [
                    {
                        "@type": "Offer",
                        "itemOffered": {
                            "@type": "GovernmentService",
                            "name": link.title,
                            "url": request.build_absolute_uri(link.url),
                            "provider": {"@id": data["@id"]},
                            "areaServed": {"@type": "Country", "name": "KH"},
                        },
                    }
                    for link in (
                        service_link(
                            value["slug"],
                            value["title_km"],
                            value["title_en"],
                            self.locale.language_code,
                        )
                        for value in services
                    )
                ],
            }
        return data


class NewsIndexPage(SalaPage):
    """The list of news and announcements of one language, newest first, 20 to a page.
    News items are its children."""

    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def feeds(self) -> list[dict[str, str]]:
        return self._feeds_of()

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        news = NewsPage.objects.live_news(self.locale.language_code).child_of(self)
        paginator = Paginator(news, NEWS_PER_PAGE)
        try:
            context["page_obj"] = paginator.page(request.GET.get("page", 1))
        except (EmptyPage, PageNotAnInteger):
            context["page_obj"] = paginator.page(1)
        return context


def area_lineage(code: str) -> list[str]:
    """Return the codes from the province down to the area `code` (codes nest by prefix:
    province 12, district 1202, commune 120201, village 12020101); no query."""
    return [code[:length] for length in (2, 4, 6, 8) if length <= len(code)]


class NewsPageQuerySet(PageQuerySet):
    def live_news(
        self,
        language: str,
        *,
        institution: Page | None = None,
        area: Area | str | None = None,
        topic: Page | None = None,
    ) -> NewsPageQuerySet:
        """Return the live, public news items in `language`, newest first (what
        `content.news.live_news` returns; see there)."""
        news = self.live().public().filter(locale__language_code=language)
        if institution is None and topic is None and area is None:
            return news.order_by("-date", "-first_published_at", "-pk")
        # Tags set on any language version count (editors may tag only the Khmer item).
        tagged = self.model.objects.all()
        if institution is not None:
            tagged = tagged.filter(institution__translation_key=institution.translation_key)
        if topic is not None:
            tagged = tagged.filter(topics__translation_key=topic.translation_key)
        if area is not None:
            code = area if isinstance(area, str) else area.code
            tagged = tagged.filter(
                Q(areas__code__in=area_lineage(code)) | Q(areas__code__startswith=code)
            )
        news = news.filter(translation_key__in=tagged.values("translation_key"))
        return news.order_by("-date", "-first_published_at", "-pk")


class NewsPageForm(WagtailAdminPageForm):
    """An editor names one of their own institutions in a news item (content.editors)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None and not user.is_superuser and "institution" in self.fields:
            field = self.fields["institution"]
            field.queryset = editable_institution_pages(user)
            field.required = True


class NewsPage(SalaPage):
    """A news item or announcement: its date, the institution it comes from, the provinces
    and districts it concerns, its topics, and whether it is urgent.

    `areas` is limited to provinces and districts (about 235 choices, a usable list in the
    admin); pages of a commune or village find news through the areas above them.
    `urgent` marks an announcement that must reach the people of its areas (banners and
    notifications come with the editorial workflow).
    """

    objects = PageManager.from_queryset(NewsPageQuerySet)()

    date: models.DateField[dt.date, dt.date] = models.DateField(
        _("date"), default=timezone.localdate
    )
    institution: models.ForeignKey[InstitutionPage | None, InstitutionPage | None] = (
        models.ForeignKey(
            "content.InstitutionPage",
            verbose_name=_("institution"),
            null=True,
            blank=True,
            on_delete=models.SET_NULL,
            related_name="+",
        )
    )
    areas = ParentalManyToManyField(
        "geo.Area",
        verbose_name=_("areas"),
        blank=True,
        related_name="+",
        limit_choices_to={"level__lte": 2, "is_current": True},
        help_text=_("Provinces and districts the news concerns; none for the whole country."),
    )
    topics = ParentalManyToManyField(
        "content.TopicPage",
        verbose_name=_("topics"),
        blank=True,
        related_name="+",
    )
    urgent: models.BooleanField[bool, bool] = models.BooleanField(
        _("urgent"),
        default=False,
        help_text=_("An announcement people in its areas must see at once."),
    )
    body = RichTextField(_("body"), features=RICH_TEXT_FEATURES)

    content_panels = [
        *SalaPage.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("urgent")]),
        # A list of the editor's own institutions (NewsPageForm), not the page chooser.
        FieldPanel("institution", widget=forms.Select),
        FieldPanel("body"),
        FieldPanel("areas"),
        FieldPanel("topics"),
    ]
    search_fields = [*SalaPage.search_fields, index.SearchField("body")]

    parent_page_types = ["content.NewsIndexPage"]
    subpage_types: list[str] = []
    open_graph_type = "article"
    base_form_class = NewsPageForm

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def structured_data(self, request: HttpRequest) -> dict[str, Any]:
        published = self.first_published_at or timezone.now()
        modified = self.last_published_at or published
        data: dict[str, Any] = {
            "@context": SCHEMA_CONTEXT,
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "datePublished": self.date.isoformat(),
            "dateModified": modified.isoformat(),
            "inLanguage": self.locale.language_code,
            "url": request.build_absolute_uri(self.get_url(request)),
            "isAccessibleForFree": True,
        }
        if self.summary():
            data["description"] = self.summary()
        if self.institution is not None:
            institution = self.institution.localized
            data["publisher"] = {
                "@type": "GovernmentOrganization",
                "name": institution.title,
                "url": request.build_absolute_uri(institution.get_url(request)),
            }
        return data


class InstitutionApprovalTask(AbstractGroupApprovalTask):
    """The review step of the "Institution review" workflow: like Wagtail's group approval,
    but a member of the approvers' group may approve, edit during review, or see in their
    dashboard only the pages of their own institution (content.editors)."""

    def _approves(self, obj: Any, user: Any) -> bool:
        return user.is_superuser or (self._user_in_groups(user) and can_approve_page(user, obj))

    def user_can_access_editor(self, obj: Any, user: Any) -> bool:
        return self._approves(obj, user)

    def locked_for_user(self, obj: Any, user: Any) -> bool:
        return not self._approves(obj, user)

    def user_can_lock(self, obj: Any, user: Any) -> bool:
        return self._approves(obj, user)

    def get_actions(self, obj: Any, user: Any) -> list:
        return super().get_actions(obj, user) if self._approves(obj, user) else []

    def get_task_states_user_can_moderate(self, user: Any, **kwargs: Any):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if user.is_superuser:
            return states
        allowed = [
            state.pk
            for state in states.select_related("workflow_state")
            if self._approves(state.workflow_state.content_object, user)
        ]
        return states.filter(pk__in=allowed)

    @classmethod
    def get_description(cls) -> str:
        return str(_("The approvers of the page's institution approve it"))

    class Meta:
        verbose_name = _("approval by the institution")
        verbose_name_plural = _("approvals by the institution")


# --- Which institution a page belongs to, and who may edit or approve it ------------------
# (The roles behind it are in content.editors; content.editorial sets up the groups and the
# workflow and holds the rest of the editors' rules.)


def institution_of(page: Page) -> int | None:
    """Return the id of the geo.Institution a page belongs to, or None (the portal's own)."""
    page = page.specific
    if isinstance(page, NewsPage):
        owner = page.institution
    else:
        owner = InstitutionPage.objects.ancestor_of(page, inclusive=True).first()
    return owner.institution_id if owner is not None else None


def can_approve_page(user: Any, page: Page) -> bool:
    if user.is_superuser:
        return True
    institution = institution_of(page)
    return institution is not None and institution in approvable_institutions(user)


def editable_institution_pages(user: Any, language: str | None = None) -> models.QuerySet:
    """Return the InstitutionPages a user may name in a news item."""
    pages = InstitutionPage.objects.all()
    if not user.is_superuser:
        pages = pages.filter(institution_id__in=editable_institutions(user))
    if language:
        pages = pages.filter(locale__language_code=language)
    return pages
