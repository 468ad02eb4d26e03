from __future__ import annotations

from django.urls import path

from forums import views

app_name = "forums"

urlpatterns = [
    path("", views.index, name="index"),
    path("boards/<slug:slug>/", views.board, name="board"),
    path("boards/<slug:slug>/ask/", views.ask, name="ask"),
    path("open/<slug:code>/", views.open_board, name="open_board"),
    path("questions/<uuid:public_id>/", views.thread, name="thread"),
    path("questions/<uuid:public_id>/reply/", views.reply, name="reply"),
    path("questions/<uuid:public_id>/follow/", views.follow, name="follow"),
    path("questions/<uuid:public_id>/<uuid:post_id>/accept/", views.accept, name="accept"),
    path("questions/<uuid:public_id>/<uuid:post_id>/vote/", views.vote, name="vote"),
    path("questions/<uuid:public_id>/<uuid:post_id>/report/", views.report_post, name="report"),
    path("comments/<uuid:public_id>/report/", views.report_comment, name="report_comment"),
    path("moderation/", views.moderation_offices, name="moderation_offices"),
    path("moderation/<slug:code>/", views.moderation_queue, name="moderation"),
    path(
        "moderation/<slug:code>/<str:kind>/<uuid:public_id>/<str:action>/",
        views.moderate,
        name="moderate",
    ),
    path("moderation/<slug:code>/reports/<int:report_id>/dismiss/", views.dismiss, name="dismiss"),
    path("consultations/", views.consultation_list, name="consultations"),
    path("consultations/new/", views.new_consultation, name="new_consultation"),
    path("consultations/<uuid:public_id>/", views.consultation, name="consultation"),
    path("consultations/<uuid:public_id>/comment/", views.comment, name="comment"),
    path("consultations/<uuid:public_id>/support/", views.support, name="support"),
    path("consultations/<uuid:public_id>/respond/", views.respond, name="respond"),
]
