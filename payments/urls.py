from __future__ import annotations

from django.urls import path

from payments import views

app_name = "payments"

urlpatterns = [
    path("<uuid:public_id>/", views.pay, name="pay"),
    path("<uuid:public_id>/khqr.png", views.qr_image, name="qr_image"),
]
