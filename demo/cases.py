"""Demo cases for the demo officers (idempotent): a commune service handled by the
clerk's and the chief's commune hall (120201) and a district service handled by the
approver's and the head's district office (1202), with cases in several states."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from accounts.models import User
from cases.models import Case
from cases.workflow import do_transition
from geo.models import Area, Facility, Institution
from services.models import Application, FormVersion, Service
from services.submitting import check_submit_application
from services.versions import do_publish_form_version

FORM = {
    "pages": [{
        "key": "about",
        "title": {"km": "អំពីអ្នក", "en": "About you"},
        "fields": [
            {"key": "name", "type": "text", "label": {"km": "ឈ្មោះ", "en": "Your name"}},
            {"key": "date_of_birth", "type": "date",
             "label": {"km": "ថ្ងៃខែឆ្នាំកំណើត", "en": "Date of birth"}},
            {"key": "purpose", "type": "long_text",
             "label": {"km": "គោលបំណង", "en": "What it is for"}},
        ],
    }],
}  # fmt: skip

SERVICES = [
    ("demo-residence-certificate", "commune", "លិខិតបញ្ជាក់ទីលំនៅ", "Residence certificate"),
    ("demo-business-permit", "district", "លិខិតអនុញ្ញាតអាជីវកម្មខ្នាតតូច", "Small business permit"),
]
# Said on the catalogue and in search, so that nobody takes them for the real services.
SUMMARY_KM = "ទម្រង់ខ្លីមួយទំព័រនៃ{name} សម្រាប់សាកល្បងដំណើរការសំណុំរឿងក្នុងកម្មវិធីបង្ហាញ។"
SUMMARY_EN = "A short one-page form of the {name}, to try case handling in the demo."
# The states each service's demo cases reach, through the workflow's own transitions.
PATHS: list[list[str | tuple[str, str]]] = [
    [],
    ["start_review"],
    ["start_review", ("request_information", "សូមផ្ញើរូបថតអត្តសញ្ញាណប័ណ្ណច្បាស់ជាងនេះ។")],
    ["start_review", "approve"],
    ["start_review", "approve", "issue_document"],
]


@dataclass
class DemoCases:
    created: int = 0

    def summary(self) -> str:
        return f"Demo cases: {self.created} created."


def _service(slug: str, level: str, km: str, en: str) -> Service:
    institution = Institution.objects.filter(code="moi").first() or Institution.objects.first()
    service, created = Service.objects.get_or_create(
        slug=slug,
        defaults={"name_km": km, "name_en": en, "summary_km": SUMMARY_KM.format(name=km),
                  "summary_en": SUMMARY_EN.format(name=en.lower()),
                  "institution": institution, "processing_level": level,
                  "status": Service.Status.PUBLISHED, "sla_working_days": 10},
    )  # fmt: skip
    if created:
        version = FormVersion.objects.create(service=service, number=1, definition=FORM)
        do_publish_form_version(version)
    return service


@transaction.atomic
def load_demo_cases() -> DemoCases:
    counts = DemoCases()
    citizen = User.objects.filter(username="citizen").first()
    area = (
        Area.objects.filter(code="12020101").first()
        or Area.objects.filter(code__startswith="120201").first()
    )
    if citizen is None or area is None or Institution.objects.first() is None:
        return counts
    officers = {
        u.username: u for u in User.objects.filter(username__in=["clerk", "chief", "approver"])
    }
    for (slug, level, km, en), decider in zip(SERVICES, ["clerk", "approver"], strict=True):
        service = _service(slug, level, km, en)
        form_version = service.published_form()
        if form_version is None or Case.objects.filter(service=service).exists():
            continue
        for path in PATHS:
            application = Application.objects.create(
                service=service, form_version=form_version, user=citizen,
                area=area, answers={"name": "សុខ ដារា", "date_of_birth": "1990-05-17",
                                    "purpose": "សម្រាប់បើកគណនីធនាគារ"},
            )  # fmt: skip
            check_submit_application(application, declared=True)
            case = Case.objects.get(application=application)
            counts.created += 1
            if case.office_id is None or not Facility.objects.filter(pk=case.office_id).exists():
                continue
            for step in path:
                key, reason = step if isinstance(step, tuple) else (step, "")
                actor = officers.get(decider)
                if key in ("approve", "issue_document") and level == "commune":
                    actor = officers.get("chief") or User.objects.filter(is_superuser=True).first()
                do_transition(case, key, actor=actor, reason=reason)
    return counts
