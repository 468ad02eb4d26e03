"""Links from content to the catalogue of public services.

The services app serves each service at /<lang>/services/<slug>/. Content stores only the
slug and the service's name in both languages (`blocks.ServiceLinkBlock`), and every link
is built here, so that the lead can replace the slug with a chooser over the catalogue
(and the names with the catalogue's own) in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language

# The demo catalogue's services (slug, Khmer name, English name): the names the demo
# guides and the home page use until the services app provides its own.
DEMO_SERVICES: dict[str, tuple[str, str]] = {
    "birth-registration": ("ការចុះសំបុត្រកំណើត", "Birth registration"),
    "marriage-registration": ("ការចុះសំបុត្រអាពាហ៍ពិពាហ៍", "Marriage registration"),
    "death-registration": ("ការចុះសំបុត្រមរណភាព", "Death registration"),
    "family-book": ("សៀវភៅគ្រួសារ", "Family book"),
    "residence-book": ("សៀវភៅស្នាក់នៅ", "Residence book"),
    "national-id-card": ("អត្តសញ្ញាណប័ណ្ណសញ្ជាតិខ្មែរ", "Khmer national identity card"),
    "certificate-of-residence": ("លិខិតបញ្ជាក់ទីលំនៅ", "Certificate of residence"),
    "business-registration": ("ការចុះបញ្ជីពាណិជ្ជកម្ម", "Business registration"),
    "patent-tax": ("ពន្ធប៉ាតង់", "Patent tax"),
    "construction-permit": ("លិខិតអនុញ្ញាតសាងសង់", "Construction permit"),
    "motorbike-registration": ("ការចុះបញ្ជីម៉ូតូ", "Motorbike registration"),
    "driving-licence": ("ប័ណ្ណបើកបរ", "Driving licence"),
    "passport-appointment": ("ការណាត់ជួបធ្វើលិខិតឆ្លងដែន", "Passport appointment"),
    "land-title-transfer": ("ការផ្ទេរកម្មសិទ្ធិដីធ្លី", "Land title transfer"),
    "school-enrolment": ("ការចុះឈ្មោះចូលរៀន", "School enrolment"),
    "scholarship-application": ("ការដាក់ពាក្យសុំអាហារូបករណ៍", "Scholarship application"),
}


@dataclass(frozen=True)
class ServiceLink:
    slug: str
    title: str
    url: str


def service_url(slug: str, language: str | None = None) -> str:
    """Return the address of the service's page in `language` (default: the active one)."""
    language = language or get_language() or settings.LANGUAGE_CODE
    return f"/{language}/services/{slug}/"


def service_link(slug: str, title_km: str, title_en: str, language: str | None = None):
    """Return the service's link (slug, title in the language, address)."""
    language = language or get_language() or settings.LANGUAGE_CODE
    title = title_km if language == "km" else title_en
    return ServiceLink(
        slug=slug, title=title or title_en or title_km, url=service_url(slug, language)
    )


def demo_service_block(slug: str) -> dict[str, str]:
    """Return a ServiceLinkBlock value for one of the demo catalogue's services."""
    title_km, title_en = DEMO_SERVICES[slug]
    return {"slug": slug, "title_km": title_km, "title_en": title_en}
