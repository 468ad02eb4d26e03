from __future__ import annotations

from django.urls import path, re_path

from payments import finance_views, views

app_name = "payments"

urlpatterns = [
    path("finance/", finance_views.reconciliation, name="reconciliation"),
    re_path(r"^finance/export\.(?P<kind>csv|xlsx)$", finance_views.export, name="export"),
    path("finance/statements/", finance_views.statements, name="statements"),
    path("finance/statements/<int:pk>/", finance_views.statement, name="statement"),
    path(
        "finance/mismatches/<int:pk>/refund/",
        finance_views.mismatch_refund,
        name="mismatch_refund",
    ),
    path("<uuid:public_id>/", views.pay, name="pay"),
    path("<uuid:public_id>/khqr.png", views.qr_image, name="qr_image"),
    path("<uuid:public_id>/refund/", views.refund_request, name="refund_request"),
    path("refunds/<uuid:public_id>/", views.refund, name="refund"),
]
