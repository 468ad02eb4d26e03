from __future__ import annotations

from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("mine/", views.mine, name="mine"),
    path("office/", views.office, name="office"),
    path("photos/<uuid:public_id>/", views.photo, name="photo"),
    path("<str:reference>/", views.report, name="report"),
    path("<str:reference>/status/", views.change_status, name="change_status"),
]
