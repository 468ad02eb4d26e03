"""Not language-prefixed: where banks post payment callbacks."""

from __future__ import annotations

from django.urls import path

from payments import views

urlpatterns = [
    path("payments/callback/bank/", views.bank_callback, name="payments_bank_callback"),
]
