from __future__ import annotations

from django.urls import path

from notifications.views import backoffice, inbox, preferences, telegram

app_name = "notifications"

urlpatterns = [
    path("", inbox.inbox, name="inbox"),
    path("<int:pk>/", inbox.message, name="message"),
    path("<int:pk>/mark/", inbox.mark, name="mark"),
    path("read-all/", inbox.mark_all_read, name="mark_all_read"),
    path("settings/", preferences.settings_page, name="settings"),
    path("subscriptions/", preferences.subscriptions, name="subscriptions"),
    path("follow/", preferences.follow, name="follow"),
    path("unfollow/", preferences.unfollow, name="unfollow"),
    path("unsubscribe/<str:token>/", preferences.unsubscribe, name="unsubscribe"),
    path("telegram/", telegram.link, name="telegram"),
    path("telegram/unlink/", telegram.unlink, name="telegram_unlink"),
    path("back-office/", backoffice.backoffice, name="backoffice"),
    path("back-office/templates/", backoffice.templates, name="templates"),
    path("back-office/templates/<str:name>/", backoffice.template_edit, name="template_edit"),
    path("back-office/deliveries/", backoffice.deliveries, name="deliveries"),
    path("back-office/failed/", backoffice.dead_letters, name="dead_letters"),
    path("back-office/failed/replay/", backoffice.replay, name="replay"),
    path("back-office/broadcast/", backoffice.broadcast, name="broadcast"),
]
