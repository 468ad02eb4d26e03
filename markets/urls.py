from __future__ import annotations

from django.urls import path

from markets import views

app_name = "markets"

urlpatterns = [
    path("", views.index, name="index"),
    path("commodities/<slug:code>/", views.commodity, name="commodity"),
    path("commodities/<slug:code>/prices.<str:kind>", views.series, name="series"),
    path("at/<slug:code>/", views.market, name="market"),
    path("where-to-sell/", views.where_to_sell, name="where_to_sell"),
    path("alerts/", views.alerts, name="alerts"),
    path("alerts/<int:pk>/remove/", views.remove_alert, name="remove_alert"),
    path("bulletin/<slug:province>/", views.weekly_bulletin, name="bulletin_latest"),
    path("bulletin/<slug:province>/<str:week>/", views.weekly_bulletin, name="bulletin"),
    path(
        "bulletin/<slug:province>/<str:week>/bulletin.pdf",
        views.weekly_bulletin,
        {"kind": "pdf"},
        name="bulletin_pdf",
    ),
    path("office/", views.office, name="office"),
    path("office/prices/<slug:code>/", views.enter_prices, name="enter_prices"),
    path("office/review/", views.review, name="review"),
    path("office/review/<int:pk>/", views.decide, name="decide"),
    path("office/import/", views.import_prices, name="import"),
]
