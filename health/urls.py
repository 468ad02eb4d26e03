from __future__ import annotations

from django.urls import path

from health import timetable_views, views

app_name = "health"

urlpatterns = [
    path("", views.start, name="start"),
    path("check/", views.check, name="check"),
    path("urgent/", views.urgent, name="urgent"),
    path("no-danger-signs/", views.clear, name="clear"),
    path("facilities/", views.facilities, name="facilities"),
    path("ask/", views.ask, name="ask"),
    path("questions/", views.my_questions, name="my_questions"),
    path("questions/<uuid:public_id>/", views.question, name="question"),
    path("questions/<uuid:public_id>/rate/", views.rate_question, name="rate_question"),
    path("questions/<uuid:public_id>/carer/", views.question_carer, name="question_carer"),
    path("questions/photos/<uuid:public_id>/", views.photo, name="photo"),
    path("appointments/", views.appointments, name="appointments"),
    path("appointments/mine/", views.my_bookings, name="my_bookings"),
    path("appointments/slots/<int:slot_id>/book/", views.book, name="book"),
    path("appointments/bookings/<uuid:public_id>/", views.booking_detail, name="booking"),
    path("appointments/bookings/<uuid:public_id>/move/", views.move_booking, name="move_booking"),
    path(
        "appointments/bookings/<uuid:public_id>/calendar.ics",
        views.booking_calendar,
        name="booking_calendar",
    ),
    path("appointments/<slug:code>/", views.office_slots, name="office_slots"),
    path("office/", views.office_queue, name="office_queue"),
    path("reports/", views.reports, name="reports"),
    path("office/questions/<uuid:public_id>/", views.office_question, name="office_question"),
    path("office/appointments/", views.desks, name="desks"),
    path("office/appointments/<slug:code>/", views.desk_day, name="desk"),
    path("office/appointments/tickets/<uuid:public_id>/", views.desk_booking, name="desk_booking"),
    path("office/timetable/", timetable_views.offices, name="timetables"),
    path(
        "office/timetable/times/<int:slot_id>/", timetable_views.slot_detail, name="timetable_slot"
    ),
    path(
        "office/timetable/times/<int:slot_id>/close/",
        timetable_views.close_slot,
        name="timetable_close",
    ),
    path("office/timetable/<slug:code>/", timetable_views.office_timetable, name="timetable"),
    path(
        "office/timetable/<slug:code>/windows/",
        timetable_views.publish_windows,
        name="timetable_windows",
    ),
    path(
        "office/timetable/<slug:code>/exact/",
        timetable_views.publish_exact,
        name="timetable_exact",
    ),
]
