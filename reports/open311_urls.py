"""Open311 GeoReport v2 at /open311/v2/, each address with its format: .json or .xml."""

from __future__ import annotations

from django.urls import path

from reports import open311_views as views

app_name = "open311"

urlpatterns = [
    path("v2/discovery.<str:fmt>", views.discovery, name="discovery"),
    path("v2/services.<str:fmt>", views.services, name="services"),
    path("v2/services/<slug:code>.<str:fmt>", views.service_definition, name="service"),
    path("v2/requests.<str:fmt>", views.requests, name="requests"),
    path("v2/requests/<str:request_id>.<str:fmt>", views.single_request, name="request"),
    path("v2/tokens/<str:token>.<str:fmt>", views.token, name="token"),
]
