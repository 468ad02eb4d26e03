"""schema.org JSON-LD for facility pages, so that search engines show hours and addresses."""

from __future__ import annotations

import datetime
import json

from django.utils.safestring import SafeString, mark_safe

from geo.models import Area, Facility

SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# The same escapes as Django's json_script: the JSON cannot end the <script> element.
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def facility_json_ld(facility: Facility, lineage: list[Area], url: str) -> dict:
    """Return the facility as a schema.org object of its type's schema type."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": facility.type.schema_type,
        "name": facility.name,
        "alternateName": facility.name_en
        if facility.name == facility.name_km
        else facility.name_km,
        "url": url,
        "address": {
            "@type": "PostalAddress",
            "addressCountry": "KH",
            "addressRegion": lineage[0].name if lineage else "",
            "addressLocality": lineage[1].name if len(lineage) > 1 else "",
        },
    }
    if facility.address:
        data["address"]["streetAddress"] = facility.address
    if facility.latitude is not None and facility.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(facility.latitude),
            "longitude": float(facility.longitude),
        }
    if facility.phones:
        data["telephone"] = facility.phones[0]
    if facility.email:
        data["email"] = facility.email
    same_as = [link for link in (facility.website, facility.telegram) if link]
    if same_as:
        data["sameAs"] = same_as
    if facility.institution:
        data["parentOrganization"] = {
            "@type": "GovernmentOrganization",
            "name": facility.institution.name,
        }
    hours = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[h.weekday]}",
            "opens": f"{h.opens:%H:%M}",
            # schema.org writes "open until midnight" as 23:59.
            "closes": "23:59" if h.closes == datetime.time(0) else f"{h.closes:%H:%M}",
        }
        for h in facility.hours.all()
    ]
    if hours:
        data["openingHoursSpecification"] = hours
    return data


def json_for_script(data: dict) -> SafeString:
    """Return JSON that is safe inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.translate(SCRIPT_ESCAPES))  # noqa: S308 - escaped just above
