from __future__ import annotations

from django.urls import path

from services import views

app_name = "services"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("applications/", views.applications, name="applications"),
    path("apply/<uuid:public_id>/", views.resume, name="resume"),
    path("apply/<uuid:public_id>/check/", views.check, name="check"),
    path("apply/<uuid:public_id>/sent/", views.submitted, name="submitted"),
    path("apply/<uuid:public_id>/<slug:page_key>/", views.page, name="page"),
    path("attachments/<uuid:public_id>/", views.attachment, name="attachment"),
    path("<slug:slug>/", views.service, name="service"),
    path("<slug:slug>/start/", views.start, name="start"),
]
