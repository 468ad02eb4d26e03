"""The news stream, an outside item's page (with its attribution and a link to the
original) and its attachments."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aggregation.forms import StreamFilterForm
from aggregation.models import Attachment, Item
from aggregation.publishing import check_publish_item, drafts_for
from aggregation.stream import StreamEntry, build_stream
from core.typing import AuthenticatedHttpRequest

PER_PAGE = 10


def stream(request: HttpRequest) -> HttpResponse:
    form = StreamFilterForm(request.GET or None)
    if form.is_bound:
        form.is_valid()
    entries = build_stream(form.filters(), (get_language() or "km")[:2])
    # A Stream is counted and sliced, all Paginator does with it (no indexing by number).
    page = Paginator(cast("Sequence[StreamEntry]", entries), PER_PAGE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "aggregation/stream.html",
        {"form": form, "page_obj": page, "query": query.urlencode()},
    )


def access_item_by_id(user, item_id: int) -> Item:
    """Return the item if it is published, or the user may review drafts; else 404."""
    item = Item.objects.select_related("source", "institution").filter(pk=item_id).first()
    if item is None:
        raise Http404
    if item.status != Item.Status.PUBLISHED and not (
        user.has_perm("aggregation.change_item") or user.has_perm("aggregation.publish_item", item)
    ):
        raise Http404
    return item


def item(request: HttpRequest, item_id: int) -> HttpResponse:
    news_item = access_item_by_id(request.user, item_id)
    return render(
        request,
        "aggregation/item.html",
        {
            "item": news_item,
            "attachments": news_item.attachments.all(),
            "areas": news_item.areas.all(),
            "breadcrumbs": [(_("News"), reverse("aggregation:stream")), (news_item.title, "")],
        },
    )


def attachment(request: HttpRequest, item_id: int, attachment_id: int) -> FileResponse:
    news_item = access_item_by_id(request.user, item_id)
    found = Attachment.objects.filter(item=news_item, pk=attachment_id).first()
    if found is None:
        raise Http404
    response = FileResponse(
        found.file.open("rb"), as_attachment=True, filename=found.filename,
        content_type=found.content_type or "application/octet-stream",
    )  # fmt: skip
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def drafts(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The announcements that came by mail and wait for this editor's approval."""
    breadcrumbs = [(_("News"), reverse("aggregation:stream")), (_("Waiting for approval"), "")]
    return render(
        request,
        "aggregation/drafts.html",
        {"drafts": drafts_for(request.user), "breadcrumbs": breadcrumbs},
    )


@login_required
@require_POST
def publish(request: AuthenticatedHttpRequest, item_id: int) -> HttpResponse:
    draft = drafts_for(request.user).filter(pk=item_id).first()
    if draft is None:
        raise Http404
    check_publish_item(request.user, draft)
    messages.success(request, _("Published: %(title)s") % {"title": draft.title})
    return redirect("aggregation:drafts")
