from __future__ import annotations

from django.urls import path, re_path

from geo import views

app_name = "geo"

urlpatterns = [
    path("place/", views.choose_area, name="choose_area"),
    path("place/suggest/", views.suggest, name="suggest_areas"),
    path("place/remember/", views.remember, name="remember_area"),
    re_path(r"^place/(?P<code>[0-9]{2,8})/$", views.place, name="place"),
    path("facilities/", views.directory, name="directory"),
    path("facilities/export.csv", views.export_csv, name="export_csv"),
    path("facilities/export.geojson", views.export_geojson, name="export_geojson"),
    path("facilities/import/", views.import_facilities, name="import_facilities"),
    path("facilities/<slug:code>/", views.facility, name="facility"),
]
