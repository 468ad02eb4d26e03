from __future__ import annotations

from django.urls import path

from cases import views

app_name = "cases"

urlpatterns = [
    path("office/", views.queue, name="queue"),
    path("office/bulk/", views.bulk, name="bulk"),
    path("office/cases/<uuid:public_id>/", views.office_case, name="office_case"),
    path("office/cases/<uuid:public_id>/act/", views.act, name="act"),
    path("office/cases/<uuid:public_id>/assign/", views.assign, name="assign"),
    path("office/cases/<uuid:public_id>/reroute/", views.reroute, name="reroute"),
    path("office/cases/<uuid:public_id>/note/", views.note, name="note"),
    path("office/cases/<uuid:public_id>/message/", views.office_message, name="office_message"),
    path("office/files/<uuid:public_id>/", views.inline_attachment, name="inline_attachment"),
    path("office/counter/", views.counter_start, name="counter_start"),
    path("office/counter/<uuid:public_id>/", views.counter_form, name="counter_form"),
    path("office/counter/<uuid:public_id>/receipt/", views.counter_receipt,
         name="counter_receipt"),
    path("cases/", views.my_cases, name="my_cases"),
    path("cases/status/", views.status_check, name="status_check"),
    path("cases/<uuid:public_id>/", views.my_case, name="my_case"),
]  # fmt: skip
