"""Notification settings, subscriptions, following a topic, and email unsubscribe links."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from core.ratelimit import hit
from core.typing import AuthenticatedHttpRequest
from notifications import telegram
from notifications.areas import area_topic
from notifications.contacts import verified_email, verified_mobile
from notifications.emails import read_unsubscribe_token
from notifications.forms import PreferencesForm
from notifications.models import Subscription
from notifications.subscriptions import (
    CHANNELS,
    Followed,
    TopicError,
    check_follow,
    do_set_modes,
    do_set_preferences,
    do_unfollow,
    do_unsubscribe_email,
    followed_by,
    preferences_for,
    unsubscribe_target,
)
from notifications.topics import describe_topic
from notifications.views.inbox import inbox_breadcrumbs

FOLLOWS_PER_HOUR = 60


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    preferences = preferences_for(request.user)
    form = PreferencesForm(
        request.POST or None,
        initial={c: preferences.allows(c) for c in CHANNELS},
    )
    if request.method == "POST" and form.is_valid():
        do_set_preferences(request.user, **form.cleaned_data)
        messages.success(request, _("Your notification settings have been saved."))
        return redirect("notifications:settings")
    return render(
        request,
        "notifications/settings.html",
        {
            "form": form,
            "section": "settings",
            "email": verified_email(request.user),
            "mobile": request.user.mobile_national if verified_mobile(request.user) else "",
            "telegram_account": telegram.linked_account(request.user),
            "telegram_available": telegram.is_configured(),
            "breadcrumbs": inbox_breadcrumbs(_("Notification settings")),
        },
    )


def suggested_areas(request: HttpRequest, followed: set[str]) -> list:
    """Areas the person may want to follow: their home area and the areas around it
    (gazetteer codes nest: province 12, district 1202, commune 120201)."""
    home = getattr(request.user, "home_area", None)
    if home is None:
        return []
    codes = dict.fromkeys(home.code[:length] for length in (len(home.code), 4, 2))
    topics = [describe_topic(area_topic(code)) for code in codes if len(code) >= 2]
    language = request.LANGUAGE_CODE
    return [(t, t.name(language)) for t in topics if t is not None and t.key not in followed]


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def subscriptions(request: AuthenticatedHttpRequest) -> HttpResponse:
    followed = followed_by(request.user)
    errors = False
    if request.method == "POST":
        if "unfollow" in request.POST:
            topic_key = request.POST["unfollow"]
            if do_unfollow(request.user, topic_key):
                topic = describe_topic(topic_key)
                name = topic.name(request.LANGUAGE_CODE) if topic else topic_key
                messages.success(request, _("You no longer follow %(name)s.") % {"name": name})
            return redirect("notifications:subscriptions")
        chosen, errors = modes_from(request, [f.subscription for f in followed])
        if not errors:
            do_set_modes(chosen)
            messages.success(request, _("Your subscriptions have been saved."))
            return redirect("notifications:subscriptions")
    return render(
        request,
        "notifications/subscriptions.html",
        {
            "followed": [followed_row(item, request.LANGUAGE_CODE) for item in followed],
            "modes": Subscription.Mode.choices,
            "suggested": suggested_areas(request, {f.subscription.topic for f in followed}),
            "errors": errors,
            "section": "subscriptions",
            "breadcrumbs": inbox_breadcrumbs(_("Subscriptions")),
        },
        status=400 if errors else 200,
    )


def followed_row(item: Followed, language: str) -> dict:
    labels = {"email": _("Email"), "sms": _("Text messages (SMS)"), "telegram": _("Telegram")}
    subscription, topic = item.subscription, item.topic
    return {
        "id": subscription.pk,
        "key": subscription.topic,
        "name": topic.name(language) if topic else subscription.topic,
        "url": topic.url if topic else "",
        "available": topic is not None,
        "channels": [(c, labels[c], subscription.mode(c)) for c in CHANNELS],
    }


def modes_from(
    request: HttpRequest, subscriptions: list[Subscription]
) -> tuple[dict[Subscription, dict[str, str]], bool]:
    valid = set(Subscription.Mode.values)
    chosen: dict[Subscription, dict[str, str]] = {}
    for subscription in subscriptions:
        modes = {}
        for channel in CHANNELS:
            value = request.POST.get(f"{subscription.pk}-{channel}", subscription.mode(channel))
            if value not in valid:
                return {}, True
            modes[channel] = value
        chosen[subscription] = modes
    return chosen, False


def back_to(request: HttpRequest, fallback: str) -> str:
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return fallback


@require_POST
def follow(request: HttpRequest) -> HttpResponse:
    """Follow the posted topic (the follow button other apps put on their pages)."""
    fallback = reverse("notifications:subscriptions")
    if not request.user.is_authenticated:
        messages.info(request, _("Sign in to follow news and updates."))
        query = urlencode({"next": back_to(request, fallback)})
        return HttpResponseRedirect(f"{reverse('accounts:sign_in')}?{query}")
    if not hit("notifications.follow", str(request.user.pk), f"{FOLLOWS_PER_HOUR}/h"):
        messages.error(
            request, _("You have followed many topics in a short time. Try again later.")
        )
        return HttpResponseRedirect(back_to(request, fallback))
    try:
        _subscription, topic = check_follow(request.user, request.POST.get("topic", "")[:200])
    except TopicError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("You now follow %(name)s.") % {"name": topic.name(request.LANGUAGE_CODE)}
        )
    return HttpResponseRedirect(back_to(request, fallback))


@login_required
@require_POST
def unfollow(request: AuthenticatedHttpRequest) -> HttpResponse:
    topic_key = request.POST.get("topic", "")[:200]
    if do_unfollow(request.user, topic_key):
        messages.success(request, _("You no longer follow this."))
    return HttpResponseRedirect(back_to(request, reverse("notifications:subscriptions")))


@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """The page an email's unsubscribe link opens: no sign-in, one button."""
    found = read_unsubscribe_token(token)
    target = unsubscribe_target(*found) if found else None
    if found is None or target is None:
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    done = False
    if request.method == "POST":
        done = do_unsubscribe_email(*found)
    return render(
        request,
        "notifications/unsubscribe.html",
        {
            "target": target,
            "topic_name": target.topic.name(request.LANGUAGE_CODE) if target.topic else found[1],
            "done": done,
        },
    )


@csrf_exempt  # RFC 8058: mail programs post without cookies; the signed token authorises
@require_POST
def one_click_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    found = read_unsubscribe_token(token)
    if found is None or not do_unsubscribe_email(*found):
        return HttpResponse("unknown link\n", status=400, content_type="text/plain")
    return HttpResponse("unsubscribed\n", content_type="text/plain")
