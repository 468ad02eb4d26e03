"""The inbox pages: the list, one message, and marking or archiving."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from core.typing import AuthenticatedHttpRequest
from notifications.inbox import (
    access_notification_by_id,
    do_archive,
    do_mark_all_read,
    do_mark_read,
    in_reader_language,
    inbox_of,
)

PAGE_SIZE = 20


def inbox_breadcrumbs(current: str = "") -> list[tuple[str, str]]:
    crumbs = [(_("My account"), reverse("accounts:my_account"))]
    if current:
        crumbs.append((_("Notifications"), reverse("notifications:inbox")))
        crumbs.append((current, ""))
    else:
        crumbs.append((_("Notifications"), ""))
    return crumbs


@never_cache
@login_required
@require_GET
def inbox(request: AuthenticatedHttpRequest) -> HttpResponse:
    archived = request.GET.get("show") == "archive"
    page = Paginator(inbox_of(request.user, archived=archived), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    page.object_list = [in_reader_language(entry, request.LANGUAGE_CODE) for entry in page]
    return render(
        request,
        "notifications/inbox.html",
        {
            "page_obj": page,
            "archived": archived,
            "section": "archive" if archived else "inbox",
            "breadcrumbs": inbox_breadcrumbs(),
        },
    )


@never_cache
@login_required
@require_GET
def message(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    notification = access_notification_by_id(request.user, pk)
    do_mark_read(notification)  # opening a message is reading it
    notification = in_reader_language(notification, request.LANGUAGE_CODE)
    return render(
        request,
        "notifications/message.html",
        {"notification": notification, "breadcrumbs": inbox_breadcrumbs(notification.title)},
    )


@login_required
@require_POST
def mark(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    notification = access_notification_by_id(request.user, pk)
    action = request.POST.get("action", "")
    if action == "unread":
        do_mark_read(notification, read=False)
        messages.success(request, _("The message is marked as unread."))
    elif action == "archive":
        do_archive(notification)
        messages.success(request, _("The message is in your archive."))
    elif action == "restore":
        do_archive(notification, archived=False)
        messages.success(request, _("The message is back in your inbox."))
    else:
        do_mark_read(notification)
    return redirect("notifications:inbox")


@login_required
@require_POST
def mark_all_read(request: AuthenticatedHttpRequest) -> HttpResponse:
    count = do_mark_all_read(request.user)
    if count:
        messages.success(request, _("All your messages are marked as read."))
    return redirect("notifications:inbox")
