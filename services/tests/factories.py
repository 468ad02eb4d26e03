"""Plain factories for the services tests: keyword defaults, no magic."""

from __future__ import annotations

import copy

from geo.models import Institution
from services.models import Application, FormVersion, Service
from services.versions import do_publish_form_version

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def text(en: str, km: str = "") -> dict:
    return {"km": km or f"ខ្មែរ {en}", "en": en}


# A small form with every kind of thing the flow must handle: a condition on a page, a
# condition on a field, a file, a repeating group, and a declaration.
DEFINITION = {
    "pages": [
        {
            "key": "about",
            "title": text("About you"),
            "fields": [
                {"key": "name", "type": "person_name", "label": text("Your name")},
                {"key": "phone", "type": "phone", "label": text("Mobile number")},
                {"key": "married", "type": "yes_no", "label": text("Are you married?")},
            ],
        },
        {
            "key": "spouse",
            "title": text("Your spouse"),
            "when": {"field": "married", "equals": True},
            "fields": [{"key": "spouse_name", "type": "text", "label": text("Spouse's name")}],
        },
        {
            "key": "children",
            "title": text("Your children"),
            "fields": [
                {
                    "key": "kind",
                    "type": "choice",
                    "label": text("Kind of certificate"),
                    "choices": [
                        {"value": "copy", "label": text("Copy")},
                        {"value": "original", "label": text("Original")},
                    ],
                },
                {
                    "key": "reason",
                    "type": "long_text",
                    "label": text("Why do you need an original?"),
                    "when": {"field": "married", "equals": "yes"},
                    "required": False,
                },
                {
                    "key": "children",
                    "type": "group",
                    "label": text("Children"),
                    "item_label": text("Child"),
                    "max_items": 3,
                    "fields": [
                        {"key": "child_name", "type": "text", "label": text("Name")},
                        {"key": "born", "type": "date", "label": text("Date of birth"),
                         "not_after_today": True},
                    ],
                },
            ],
        },
        {
            "key": "documents",
            "title": text("Documents"),
            "fields": [
                {"key": "photo", "type": "file", "label": text("Photo"), "max_size_mb": 1,
                 "accept": ["image/png", "image/jpeg"], "max_files": 2},
            ],
        },
    ],
    "declaration": text("I confirm that my answers are true."),
}  # fmt: skip


def definition() -> dict:
    return copy.deepcopy(DEFINITION)


def create_institution(code: str = "moi") -> Institution:
    institution, _created = Institution.objects.get_or_create(
        code=code, defaults={"name_km": "ក្រសួងមហាផ្ទៃ", "name_en": "Ministry of Interior"}
    )
    return institution


def create_service(slug: str = "birth-registration", form: dict | None = None, **fields) -> Service:
    fields.setdefault("name_km", "ការចុះសំបុត្រកំណើត")
    fields.setdefault("name_en", "Birth registration")
    fields.setdefault("summary_km", "ចុះបញ្ជីកំណើតកូនរបស់អ្នក។")
    fields.setdefault("summary_en", "Register your child's birth.")
    fields.setdefault("institution", create_institution())
    fields.setdefault("status", Service.Status.PUBLISHED)
    service = Service.objects.create(slug=slug, **fields)
    if form is not False:
        version = FormVersion.objects.create(
            service=service, number=1, definition=form or definition()
        )
        do_publish_form_version(None, version)
    return service


def create_application(user, service: Service | None = None, **fields) -> Application:
    service = service or create_service()
    return Application.objects.create(
        service=service, form_version=service.published_form(), user=user, **fields
    )


def complete_answers() -> dict:
    return {
        "name": {"km": "សុខ ដារា", "latin": "Sok Dara"},
        "phone": "+85512345678",
        "married": False,
        "kind": "copy",
        "children": [{"child_name": "Vannak", "born": "2020-01-02"}],
    }
