"""The appointment as an iCalendar (RFC 5545) file: attached to the booking, moving and
reminder emails, and downloadable from the booking's page, so the visit lands in the
person's phone calendar.

Like the notifications, it says where and when, and the ticket number: never the service.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from icalendar import Calendar, Event

from health.booking import notification_context
from health.models import Booking

CONTENT_TYPE = "text/calendar; charset=utf-8"
SUMMARY = {
    "km": "ការណាត់ជួបនៅ{office} សំបុត្រ {ticket}",
    "en": "Appointment at {office}, ticket {ticket}",
}
DESCRIPTION = {
    "km": "សូមយកលេខសំបុត្រ {ticket} មកជាមួយ។ {link}",
    "en": "Bring your ticket number {ticket}. {link}",
}


def ics_from_context(context: dict[str, Any], language: str) -> bytes:
    """The calendar file of a booking from its notification context (as stored)."""
    language = "en" if language == "en" else "km"
    office = context["office"][language]
    link = f"{settings.SALA_SITE_URL}{context['url']}"
    if context["url"].startswith(("/km/", "/en/")):
        link = f"{settings.SALA_SITE_URL}/{language}/{context['url'][4:]}"
    event = Event()
    event.add("uid", f"{context['uid']}@{site_domain()}")
    event.add("dtstamp", datetime.datetime.now(tz=datetime.UTC))
    # In UTC ("Z"): every calendar reads it, whatever time zones it knows.
    event.add(
        "dtstart", datetime.datetime.fromisoformat(context["starts"]).astimezone(datetime.UTC)
    )
    event.add("dtend", datetime.datetime.fromisoformat(context["ends"]).astimezone(datetime.UTC))
    event.add("summary", SUMMARY[language].format(office=office, ticket=context["ticket"]))
    event.add("description", DESCRIPTION[language].format(ticket=context["ticket"], link=link))
    event.add("location", office)
    event.add("url", link)
    calendar = Calendar()
    calendar.add("prodid", "-//Sala//health appointments//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    return calendar.to_ical()


def site_domain() -> str:
    return settings.SALA_SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]


def booking_ics(booking: Booking, language: str) -> bytes:
    return ics_from_context(notification_context(booking), language)


def filename(booking: Booking) -> str:
    return f"appointment-{booking.ticket}.ics"


def email_attachments(context: dict[str, Any], language: str) -> list[tuple[str, bytes, str]]:
    """The file the notifications attach to an appointment's email."""
    if "starts" not in context:  # notifications sent before the calendar file existed
        return []
    return [
        (f"appointment-{context['ticket']}.ics", ics_from_context(context, language), CONTENT_TYPE)
    ]
