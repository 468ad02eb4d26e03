"""Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2/): what the endpoints
answer, as plain data, and the same data as JSON or XML.

Services are the report categories (`service_code` = `Category.code`), every one
"realtime": a request gets its `service_request_id` (the report's reference) at once, and
a token that `tokens/<token>` turns into it. The portal is one jurisdiction
(`SALA_OPEN311_JURISDICTION`). Requests never carry who sent them, nor photos (private).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any
from xml.etree import ElementTree

from django.conf import settings

from reports.models import Category, Report

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
CHANGESET = "2026-12-08T00:00:00Z"
PLACE_ATTRIBUTE = "place"
FORMATS = {"json": "application/json", "xml": "text/xml"}


class Open311Error(Exception):
    """An error answered in Open311's format: [{"code": …, "description": …}]."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


def jurisdiction() -> str:
    return settings.SALA_OPEN311_JURISDICTION


def check_jurisdiction(value: str | None) -> None:
    if value and value != jurisdiction():
        raise Open311Error(404, f"jurisdiction_id not found: {value}")


def iso(moment: datetime.datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def discovery(base_url: str) -> dict[str, Any]:
    return {
        "changeset": CHANGESET,
        "contact": settings.SALA_OPEN311_CONTACT,
        "key_service": settings.SALA_OPEN311_CONTACT,
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": base_url,
                "changeset": CHANGESET,
                "type": "production",
                "formats": list(FORMATS.values()),
            }
        ],
    }


def service(category: Category) -> dict[str, Any]:
    return {
        "service_code": category.code,
        "service_name": category.name,
        "description": category.description,
        "metadata": True,
        "type": "realtime",
        "keywords": "",
        "group": "",
    }


def definition(category: Category, place_label: str, place_help: str) -> dict[str, Any]:
    """The service's one attribute: where exactly (a street, a landmark), optional."""
    return {
        "service_code": category.code,
        "attributes": [
            {
                "variable": True,
                "code": PLACE_ATTRIBUTE,
                "datatype": "string",
                "required": False,
                "datatype_description": place_help,
                "order": 1,
                "description": place_label,
                "values": [],
            }
        ],
    }


def request(report: Report) -> dict[str, Any]:
    notes = list(report.notes.all())  # prefetched by the list
    last_note = notes[-1] if notes else None
    return {
        "service_request_id": report.reference,
        "status": "closed" if report.is_closed else "open",
        "status_notes": last_note.note if last_note else "",
        "service_name": report.category.name,
        "service_code": report.category.code,
        "description": report.description,
        "agency_responsible": report.office.name if report.office else "",
        "service_notice": "",
        "requested_datetime": iso(report.created_at),
        "updated_datetime": iso(report.updated_at),
        "expected_datetime": None,
        "address": ", ".join(filter(None, [report.place, report.area.name_with_parents])),
        "address_id": report.area.code,
        "zipcode": None,
        "lat": float(report.latitude) if report.latitude is not None else None,
        "long": float(report.longitude) if report.longitude is not None else None,
        "media_url": "",
    }


# The XML documents: the root element, and the element of each item of a list.
XML_ROOTS = {
    "services": ("services", "service"),
    "requests": ("service_requests", "request"),
    "errors": ("errors", "error"),
}
# Lists inside an item, and the element of each of their entries.
XML_LIST_ITEMS = {
    "endpoints": "endpoint",
    "formats": "format",
    "attributes": "attribute",
    "values": "value",
}


def _xml_value(parent: ElementTree.Element, name: str, value: Any) -> None:
    element = ElementTree.SubElement(parent, name)
    if isinstance(value, dict):
        for key, inner in value.items():
            _xml_value(element, key, inner)
    elif isinstance(value, list):
        for inner in value:
            _xml_value(element, XML_LIST_ITEMS.get(name, "item"), inner)
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    elif value is not None:
        element.text = str(value)


def to_xml(kind: str, data: dict | Iterable[dict]) -> bytes:
    """`kind` is "discovery", "service_definition" (one object) or a list kind of
    XML_ROOTS."""
    if isinstance(data, dict):
        root = ElementTree.Element(kind)
        for key, value in data.items():
            _xml_value(root, key, value)
    else:
        root_name, item_name = XML_ROOTS[kind]
        root = ElementTree.Element(root_name)
        for item in data:
            _xml_value(root, item_name, item)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
