"""Not language-prefixed: the Open Badges issuer profile, which credentials point at."""

from __future__ import annotations

from django.urls import path

from learning import views

urlpatterns = [path("learning/issuer.json", views.issuer, name="learning_issuer")]
