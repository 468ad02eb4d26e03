from __future__ import annotations

from django.urls import path

from payments import views

app_name = "payments"

urlpatterns = [
    path("<uuid:public_id>/", views.pay, name="pay"),
    path("<uuid:public_id>/khqr.png", views.qr_image, name="qr_image"),
    path("<uuid:public_id>/refund/", views.refund_request, name="refund_request"),
    path("refunds/<uuid:public_id>/", views.refund, name="refund"),
]
