from __future__ import annotations

from django.urls import path

from learning import views

app_name = "learning"

urlpatterns = [
    path("", views.courses, name="courses"),
    path("mine/", views.my_learning, name="mine"),
    path("facilitate/", views.facilitate, name="facilitate"),
    path(
        "facilitate/<int:learner_id>/<slug:slug>/",
        views.facilitate_course,
        name="facilitate_course",
    ),
    path(
        "facilitate/<int:learner_id>/<slug:slug>/certificate/",
        views.facilitate_certificate,
        name="facilitate_certificate",
    ),
    path("badges/check/", views.check_badge, name="check_badge"),
    path("attempts/<int:attempt_id>/", views.attempt, name="attempt"),
    path("media/<int:media_id>/", views.media, name="media"),
    path("<slug:slug>/", views.course, name="course"),
    path("<slug:slug>/enrol/", views.enrol, name="enrol"),
    path("<slug:slug>/certificate/", views.certificate, name="certificate"),
    path("<slug:slug>/badge.json", views.badge, name="badge"),
    path("<slug:slug>/offline/", views.offline_pack, name="offline"),
    path("<slug:slug>/report/", views.course_report, name="report"),
    path("<slug:slug>/lessons/<int:lesson_id>/", views.lesson, name="lesson"),
    path("<slug:slug>/lessons/<int:lesson_id>/done/", views.complete_lesson, name="complete"),
    path("<slug:slug>/lessons/<int:lesson_id>/quiz/", views.quiz, name="quiz"),
]
