"""Demo content in Khmer and English: a page tree per language, institution pages for six
ministries, topics and life events, a step-by-step guide and news.

Loading is idempotent: a page is found again by its slug under its parent, in its
language, and never changed once there. Each English page is created as the translation of
its Khmer page (same `translation_key`). Leadership is described as structure, never with
people's names. Street addresses and telephone numbers are left for editors to fill in
from each ministry's own publications; the demo gives the official websites only.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from accounts.models import OfficeMembership, Role, User
from content.editorial import do_set_up_editorial
from content.models import (
    GuidePage,
    HomePage,
    InformationPage,
    InstitutionPage,
    NewsIndexPage,
    NewsPage,
    TopicPage,
)
from content.services import demo_service_block
from demo.content_texts import (
    BIRTH_GUIDE_SERVICES,
    GUIDES,
    HOME_SERVICES,
    LIFE_EVENTS,
    MINISTRY_SERVICES,
    MORE_MINISTRIES,
    MORE_NEWS,
)
from geo.models import Area, Facility, Institution

LANGUAGES = ("km", "en")


@dataclass
class ContentCounts:
    created: int = 0
    existing: int = 0

    def summary(self) -> str:
        return f"Demo pages: {self.created} created, {self.existing} already there."


# --- The texts ---------------------------------------------------------------------------
# Each entry holds the fields of one page per language: {"km": {...}, "en": {...}}.

HOME = {
    "km": {
        "title": "សេវា និងព័ត៌មានរបស់រដ្ឋ នៅកន្លែងតែមួយ",
        "introduction": "ស្វែងយល់ពីអ្វីដែលអ្នកត្រូវការសម្រាប់សេវាសាធារណៈ កន្លែងដែលត្រូវទៅ "
        "និងសេចក្តីប្រកាសរបស់ក្រសួងនានា។",
    },
    "en": {
        "title": "Government services and information in one place",
        "introduction": "Find out what you need for a public service, where to go, and what "
        "the ministries announce.",
    },
}

INSTITUTIONS_INDEX = {
    "km": {
        "title": "ក្រសួង និងស្ថាប័ន",
        "introduction": "បេសកកម្ម រចនាសម្ព័ន្ធ និងទំនាក់ទំនងរបស់ក្រសួង និងស្ថាប័នរដ្ឋ។",
    },
    "en": {
        "title": "Ministries and institutions",
        "introduction": "The mandate, organisation and contacts of ministries and state "
        "institutions.",
    },
}

TOPICS_INDEX = {
    "km": {
        "title": "ប្រធានបទ និងព្រឹត្តិការណ៍ក្នុងជីវិត",
        "introduction": "សេវា មគ្គុទ្ទេសក៍ និងព័ត៌មាន ដែលរៀបតាមប្រធានបទ និងតាមព្រឹត្តិការណ៍ក្នុងជីវិត។",
    },
    "en": {
        "title": "Topics and life events",
        "introduction": "Services, guides and news gathered by topic and by the events of life.",
    },
}

NEWS_INDEX = {
    "km": {
        "title": "ព័ត៌មាន និងសេចក្តីប្រកាស",
        "introduction": "ព័ត៌មាន និងសេចក្តីប្រកាសថ្មីៗពីក្រសួង និងស្ថាប័នរដ្ឋ។",
    },
    "en": {
        "title": "News and announcements",
        "introduction": "The latest news and announcements from ministries and state institutions.",
    },
}


def _ministry_structure_km(departments: str) -> str:
    return (
        "<p>ក្រសួងដឹកនាំដោយរដ្ឋមន្ត្រី ដោយមានរដ្ឋលេខាធិការ និងអនុរដ្ឋលេខាធិការជាជំនួយការ។ "
        "នៅថ្នាក់កណ្តាល ក្រសួងមានអគ្គលេខាធិការដ្ឋាន អគ្គនាយកដ្ឋាន និងនាយកដ្ឋានជំនាញ។</p>"
        f"<p>{departments}</p>"
    )


def _ministry_structure_en(departments: str) -> str:
    return (
        "<p>The ministry is led by the Minister, assisted by Secretaries of State and "
        "Under-Secretaries of State. At national level it has a General Secretariat, "
        "general departments and technical departments.</p>"
        f"<p>{departments}</p>"
    )


# (slug, geo.Institution code or "", km fields, en fields)
MINISTRIES: list[tuple[str, str, dict[str, str], dict[str, str]]] = [
    (
        "mptc",
        "mptc",
        {
            "title": "ក្រសួងប្រៃសណីយ៍ និងទូរគមនាគមន៍",
            "introduction": "ក្រសួងដែលដឹកនាំ និងគ្រប់គ្រងវិស័យប្រៃសណីយ៍ ទូរគមនាគមន៍ "
            "និងបច្ចេកវិទ្យាព័ត៌មាន និងសារគមនាគមន៍។",
            "mandate": "<p>ក្រសួងប្រៃសណីយ៍ និងទូរគមនាគមន៍ មានភារកិច្ចដឹកនាំ គ្រប់គ្រង "
            "និងអភិវឌ្ឍវិស័យប្រៃសណីយ៍ ទូរគមនាគមន៍ និងបច្ចេកវិទ្យាព័ត៌មាន "
            "និងសារគមនាគមន៍ នៅទូទាំងព្រះរាជាណាចក្រកម្ពុជា។</p>"
            "<ul><li>រៀបចំគោលនយោបាយ និងលិខិតបទដ្ឋានគតិយុត្តសម្រាប់វិស័យនេះ។</li>"
            "<li>ជំរុញការអភិវឌ្ឍសេដ្ឋកិច្ចឌីជីថល និងរដ្ឋាភិបាលឌីជីថល។</li>"
            "<li>ពង្រីកសេវាប្រៃសណីយ៍ និងបណ្តាញទូរគមនាគមន៍ ឱ្យដល់ប្រជាពលរដ្ឋគ្រប់ទីកន្លែង។</li></ul>",
            "leadership": _ministry_structure_km(
                "នៅរាជធានី និងខេត្តនីមួយៗ មានមន្ទីរប្រៃសណីយ៍ និងទូរគមនាគមន៍។ "
                "ប្រៃសណីយ៍កម្ពុជាផ្តល់សេវាប្រៃសណីយ៍ ហើយនិយ័តករទូរគមនាគមន៍កម្ពុជា "
                "ធ្វើនិយ័តកម្មលើទីផ្សារទូរគមនាគមន៍។"
            ),
            "address": "រាជធានីភ្នំពេញ",
            "website": "https://mptc.gov.kh",
        },
        {
            "title": "Ministry of Post and Telecommunications",
            "introduction": "The ministry that leads and manages the post, telecommunications "
            "and information and communication technology sector.",
            "mandate": "<p>The Ministry of Post and Telecommunications leads, manages and "
            "develops the post, telecommunications and information and communication "
            "technology sector throughout the Kingdom of Cambodia.</p>"
            "<ul><li>It prepares the sector's policies, laws and regulations.</li>"
            "<li>It promotes the digital economy and digital government.</li>"
            "<li>It extends postal services and telecommunication networks to people "
            "everywhere.</li></ul>",
            "leadership": _ministry_structure_en(
                "Each province and the capital has a Department of Post and "
                "Telecommunications. Cambodia Post provides postal services, and the "
                "Telecommunication Regulator of Cambodia regulates the telecommunications "
                "market."
            ),
            "address": "Phnom Penh",
            "website": "https://mptc.gov.kh",
        },
    ),
    (
        "interior",
        "moi",
        {
            "title": "ក្រសួងមហាផ្ទៃ",
            "introduction": "ក្រសួងដែលទទួលខុសត្រូវលើរដ្ឋបាលថ្នាក់ក្រោមជាតិ សន្តិសុខ "
            "សណ្តាប់ធ្នាប់សាធារណៈ និងអត្រានុកូលដ្ឋាន។",
            "mandate": "<p>ក្រសួងមហាផ្ទៃ ទទួលខុសត្រូវដឹកនាំ និងគ្រប់គ្រងរដ្ឋបាលថ្នាក់ក្រោមជាតិ "
            "ការពារសន្តិសុខ និងសណ្តាប់ធ្នាប់សាធារណៈ នៅទូទាំងប្រទេស។</p>"
            "<ul><li>គ្រប់គ្រងរដ្ឋបាលរាជធានី ខេត្ត ក្រុង ស្រុក ខណ្ឌ ឃុំ និងសង្កាត់។</li>"
            "<li>គ្រប់គ្រងអត្រានុកូលដ្ឋាន អត្តសញ្ញាណប័ណ្ណសញ្ជាតិខ្មែរ និងសៀវភៅគ្រួសារ។</li>"
            "<li>ដឹកនាំកិច្ចការនគរបាលជាតិ តាមរយៈអគ្គស្នងការដ្ឋាននគរបាលជាតិ។</li></ul>",
            "leadership": _ministry_structure_km(
                "នៅថ្នាក់មូលដ្ឋាន សាលារាជធានី ខេត្ត សាលាក្រុង ស្រុក ខណ្ឌ "
                "និងសាលាឃុំ សង្កាត់ ផ្តល់សេវារដ្ឋបាលដល់ប្រជាពលរដ្ឋ។"
            ),
            "address": "រាជធានីភ្នំពេញ",
            "website": "https://www.interior.gov.kh",
        },
        {
            "title": "Ministry of Interior",
            "introduction": "The ministry responsible for sub-national administration, "
            "security, public order and civil registration.",
            "mandate": "<p>The Ministry of Interior leads and manages sub-national "
            "administration and protects security and public order throughout the "
            "country.</p>"
            "<ul><li>It oversees the administrations of the capital, provinces, "
            "municipalities, districts, khans, communes and sangkats.</li>"
            "<li>It manages civil registration, the Khmer national identity card and the "
            "family book.</li>"
            "<li>It directs the national police through the General Commissariat of "
            "National Police.</li></ul>",
            "leadership": _ministry_structure_en(
                "Locally, the capital and provincial halls, the municipal, district and "
                "khan halls and the commune and sangkat halls serve the public."
            ),
            "address": "Phnom Penh",
            "website": "https://www.interior.gov.kh",
        },
    ),
    (
        "health",
        "moh",
        {
            "title": "ក្រសួងសុខាភិបាល",
            "introduction": "ក្រសួងដែលដឹកនាំប្រព័ន្ធសុខាភិបាលសាធារណៈ និងការពារសុខភាពប្រជាពលរដ្ឋ។",
            "mandate": "<p>ក្រសួងសុខាភិបាល ដឹកនាំ និងគ្រប់គ្រងវិស័យសុខាភិបាល "
            "ដើម្បីលើកកម្ពស់សុខភាព និងសុខុមាលភាពរបស់ប្រជាពលរដ្ឋគ្រប់រូប។</p>"
            "<ul><li>ផ្តល់សេវាសុខាភិបាល តាមរយៈមណ្ឌលសុខភាព មន្ទីរពេទ្យបង្អែក "
            "និងមន្ទីរពេទ្យជាតិ។</li>"
            "<li>ទប់ស្កាត់ និងគ្រប់គ្រងជំងឺឆ្លង និងជំងឺមិនឆ្លង និងផ្តល់ថ្នាំបង្ការ។</li>"
            "<li>គ្រប់គ្រងឱសថ និងគុណភាពនៃសេវាសុខាភិបាលសាធារណៈ និងឯកជន។</li></ul>",
            "leadership": _ministry_structure_km(
                "នៅរាជធានី និងខេត្តនីមួយៗ មានមន្ទីរសុខាភិបាល ដែលគ្រប់គ្រងស្រុកប្រតិបត្តិ មន្ទីរពេទ្យបង្អែក និងមណ្ឌលសុខភាព។"
            ),
            "address": "រាជធានីភ្នំពេញ",
            "website": "https://moh.gov.kh",
        },
        {
            "title": "Ministry of Health",
            "introduction": "The ministry that leads the public health system and protects "
            "people's health.",
            "mandate": "<p>The Ministry of Health leads and manages the health sector to "
            "improve the health and well-being of every citizen.</p>"
            "<ul><li>It provides care through health centres, referral hospitals and "
            "national hospitals.</li>"
            "<li>It prevents and controls communicable and non-communicable diseases and "
            "runs vaccination.</li>"
            "<li>It regulates medicines and the quality of public and private health "
            "services.</li></ul>",
            "leadership": _ministry_structure_en(
                "Each province and the capital has a Health Department, which manages the "
                "operational districts, referral hospitals and health centres."
            ),
            "address": "Phnom Penh",
            "website": "https://moh.gov.kh",
        },
    ),
    (
        "education",
        "moeys",
        {
            "title": "ក្រសួងអប់រំ យុវជន និងកីឡា",
            "introduction": "ក្រសួងដែលដឹកនាំការអប់រំ ការអភិវឌ្ឍយុវជន និងកីឡា។",
            "mandate": "<p>ក្រសួងអប់រំ យុវជន និងកីឡា ដឹកនាំ និងគ្រប់គ្រងវិស័យអប់រំ "
            "ចាប់ពីការអប់រំកុមារតូច រហូតដល់ឧត្តមសិក្សា ព្រមទាំងវិស័យយុវជន និងកីឡា។</p>"
            "<ul><li>រៀបចំកម្មវិធីសិក្សា និងធានាគុណភាពនៃការបង្រៀន និងរៀន។</li>"
            "<li>រៀបចំការប្រឡងថ្នាក់ជាតិ និងចេញសញ្ញាបត្រ។</li>"
            "<li>បណ្តុះបណ្តាលគ្រូបង្រៀន និងលើកកម្ពស់សកម្មភាពយុវជន និងកីឡា។</li></ul>",
            "leadership": _ministry_structure_km(
                "នៅរាជធានី និងខេត្តនីមួយៗ មានមន្ទីរអប់រំ យុវជន និងកីឡា "
                "ហើយនៅក្រុង ស្រុក ខណ្ឌ មានការិយាល័យអប់រំ យុវជន និងកីឡា។"
            ),
            "address": "រាជធានីភ្នំពេញ",
            "website": "https://moeys.gov.kh",
        },
        {
            "title": "Ministry of Education, Youth and Sport",
            "introduction": "The ministry that leads education, youth development and sport.",
            "mandate": "<p>The Ministry of Education, Youth and Sport leads and manages "
            "education from early childhood to higher education, as well as youth and "
            "sport.</p>"
            "<ul><li>It sets the curriculum and assures the quality of teaching and "
            "learning.</li>"
            "<li>It organises the national examinations and issues certificates.</li>"
            "<li>It trains teachers and promotes youth and sport activities.</li></ul>",
            "leadership": _ministry_structure_en(
                "Each province and the capital has a Department of Education, Youth and "
                "Sport, and each municipality, district and khan an Office of Education, "
                "Youth and Sport."
            ),
            "address": "Phnom Penh",
            "website": "https://moeys.gov.kh",
        },
    ),
    (
        "agriculture",
        "maff",
        {
            "title": "ក្រសួងកសិកម្ម រុក្ខាប្រមាញ់ និងនេសាទ",
            "introduction": "ក្រសួងដែលដឹកនាំវិស័យកសិកម្ម រុក្ខាប្រមាញ់ និងជលផល។",
            "mandate": "<p>ក្រសួងកសិកម្ម រុក្ខាប្រមាញ់ និងនេសាទ ដឹកនាំ និងគ្រប់គ្រងវិស័យកសិកម្ម "
            "ព្រៃឈើ និងជលផល ដើម្បីបង្កើនផលិតភាព និងចំណូលរបស់កសិករ។</p>"
            "<ul><li>ផ្សព្វផ្សាយបច្ចេកទេសដាំដុះ និងចិញ្ចឹមសត្វដល់កសិករ។</li>"
            "<li>ការពារសុខភាពសត្វ និងរុក្ខជាតិ និងសុវត្ថិភាពចំណីអាហារកសិកម្ម។</li>"
            "<li>គ្រប់គ្រងធនធានព្រៃឈើ និងជលផលប្រកបដោយចីរភាព។</li></ul>",
            "leadership": _ministry_structure_km(
                "រដ្ឋបាលព្រៃឈើ និងរដ្ឋបាលជលផល ស្ថិតនៅក្រោមក្រសួង។ "
                "នៅរាជធានី និងខេត្តនីមួយៗ មានមន្ទីរកសិកម្ម រុក្ខាប្រមាញ់ និងនេសាទ។"
            ),
            "address": "រាជធានីភ្នំពេញ",
            "website": "https://maff.gov.kh",
        },
        {
            "title": "Ministry of Agriculture, Forestry and Fisheries",
            "introduction": "The ministry that leads agriculture, forestry and fisheries.",
            "mandate": "<p>The Ministry of Agriculture, Forestry and Fisheries leads and "
            "manages agriculture, forestry and fisheries to raise farmers' productivity "
            "and income.</p>"
            "<ul><li>It brings crop and livestock techniques to farmers.</li>"
            "<li>It protects animal and plant health and the safety of farm produce.</li>"
            "<li>It manages forest and fishery resources sustainably.</li></ul>",
            "leadership": _ministry_structure_en(
                "The Forestry Administration and the Fisheries Administration work under "
                "the ministry. Each province and the capital has a Department of "
                "Agriculture, Forestry and Fisheries."
            ),
            "address": "Phnom Penh",
            "website": "https://maff.gov.kh",
        },
    ),
    (
        "commerce",
        "moc",
        {
            "title": "ក្រសួងពាណិជ្ជកម្ម",
            "introduction": "ក្រសួងដែលដឹកនាំពាណិជ្ជកម្មក្នុងស្រុក និងអន្តរជាតិ និងការចុះបញ្ជីពាណិជ្ជកម្ម។",
            "mandate": "<p>ក្រសួងពាណិជ្ជកម្ម ដឹកនាំ និងគ្រប់គ្រងពាណិជ្ជកម្មក្នុងស្រុក "
            "និងពាណិជ្ជកម្មអន្តរជាតិ ដើម្បីជំរុញកំណើនសេដ្ឋកិច្ច។</p>"
            "<ul><li>ចុះបញ្ជីពាណិជ្ជកម្មក្រុមហ៊ុន និងម៉ាកពាណិជ្ជកម្ម។</li>"
            "<li>ការពារអ្នកប្រើប្រាស់ និងត្រួតពិនិត្យគុណភាពទំនិញ។</li>"
            "<li>ចរចាកិច្ចព្រមព្រៀងពាណិជ្ជកម្ម និងជំរុញការនាំចេញ។</li></ul>",
            "leadership": _ministry_structure_km(
                "នៅរាជធានី និងខេត្តនីមួយៗ មានមន្ទីរពាណិជ្ជកម្ម។ អគ្គនាយកដ្ឋានកាំកុងត្រូល ត្រួតពិនិត្យគុណភាព និងសុវត្ថិភាពទំនិញ។"
            ),
            "address": "រាជធានីភ្នំពេញ",
            "website": "https://www.moc.gov.kh",
        },
        {
            "title": "Ministry of Commerce",
            "introduction": "The ministry that leads domestic and international trade and "
            "business registration.",
            "mandate": "<p>The Ministry of Commerce leads and manages domestic and "
            "international trade to drive economic growth.</p>"
            "<ul><li>It registers companies and trademarks.</li>"
            "<li>It protects consumers and checks the quality of goods.</li>"
            "<li>It negotiates trade agreements and promotes exports.</li></ul>",
            "leadership": _ministry_structure_en(
                "Each province and the capital has a Department of Commerce. The General "
                "Directorate CamControl checks the quality and safety of goods."
            ),
            "address": "Phnom Penh",
            "website": "https://www.moc.gov.kh",
        },
    ),
]

# (slug, kind, km fields, en fields)
TOPICS: list[tuple[str, str, dict[str, str], dict[str, str]]] = [
    (
        "having-a-baby",
        TopicPage.Kind.LIFE_EVENT,
        {
            "title": "ការមានកូន",
            "introduction": "ការថែទាំមុន និងក្រោយសម្រាល ការចាក់ថ្នាំបង្ការ និងការចុះសំបុត្រកំណើតកូន។",
            "body": "<p>ពិនិត្យផ្ទៃពោះនៅមណ្ឌលសុខភាពយ៉ាងតិចបួនដង "
            "និងសម្រាលកូននៅមណ្ឌលសុខភាព ឬមន្ទីរពេទ្យ។ "
            "ចុះសំបុត្រកំណើតកូននៅសាលាឃុំ ឬសង្កាត់ ក្នុងរយៈពេល ៣០ ថ្ងៃក្រោយកំណើត។</p>",
        },
        {
            "title": "Having a baby",
            "introduction": "Care before and after the birth, vaccination and registering "
            "your child's birth.",
            "body": "<p>Have at least four antenatal check-ups at a health centre and give "
            "birth at a health centre or hospital. Register the birth at the commune or "
            "sangkat hall within 30 days.</p>",
        },
    ),
    (
        "starting-a-business",
        TopicPage.Kind.LIFE_EVENT,
        {
            "title": "ការចាប់ផ្តើមអាជីវកម្ម",
            "introduction": "ការចុះបញ្ជីពាណិជ្ជកម្ម ការចុះបញ្ជីពន្ធដារ និងការស្នើសុំអាជ្ញាប័ណ្ណ។",
            "body": "<p>ចុះបញ្ជីអាជីវកម្មរបស់អ្នកជាមួយក្រសួងពាណិជ្ជកម្ម "
            "រួចចុះបញ្ជីពន្ធដារ និងស្នើសុំអាជ្ញាប័ណ្ណដែលវិស័យរបស់អ្នកតម្រូវ។</p>",
        },
        {
            "title": "Starting a business",
            "introduction": "Registering a business, registering for tax and applying for "
            "licences.",
            "body": "<p>Register your business with the Ministry of Commerce, then register "
            "for tax and apply for the licences your sector requires.</p>",
        },
    ),
    (
        "health",
        TopicPage.Kind.TOPIC,
        {
            "title": "សុខភាព",
            "introduction": "មណ្ឌលសុខភាព មន្ទីរពេទ្យ ការចាក់ថ្នាំបង្ការ និងការការពារជំងឺ។",
            "body": "<p>មណ្ឌលសុខភាពជាកន្លែងដំបូងសម្រាប់ការពិនិត្យ និងព្យាបាល។ "
            "ករណីធ្ងន់ធ្ងរ មណ្ឌលសុខភាពបញ្ជូនអ្នកជំងឺទៅមន្ទីរពេទ្យបង្អែក។</p>",
        },
        {
            "title": "Health",
            "introduction": "Health centres, hospitals, vaccination and preventing disease.",
            "body": "<p>The health centre is the first place to go for a check-up or "
            "treatment. For serious cases it refers patients to the referral hospital.</p>",
        },
    ),
    (
        "education",
        TopicPage.Kind.TOPIC,
        {
            "title": "ការអប់រំ",
            "introduction": "សាលារៀន ការចុះឈ្មោះចូលរៀន ការប្រឡង និងអាហារូបករណ៍។",
            "body": "<p>កុមារចូលរៀនថ្នាក់ទី១ នៅអាយុប្រាំមួយឆ្នាំ។ "
            "ការអប់រំនៅសាលារៀនរដ្ឋ ពីថ្នាក់ទី១ ដល់ថ្នាក់ទី១២ មិនបង់ថ្លៃសិក្សាទេ។</p>",
        },
        {
            "title": "Education",
            "introduction": "Schools, enrolment, examinations and scholarships.",
            "body": "<p>Children start grade 1 at the age of six. Public schooling from grade "
            "1 to grade 12 is free of tuition fees.</p>",
        },
    ),
    (
        "farming",
        TopicPage.Kind.TOPIC,
        {
            "title": "កសិកម្ម",
            "introduction": "បច្ចេកទេសដាំដុះ ការចិញ្ចឹមសត្វ និងតម្លៃកសិផល។",
            "body": "<p>មន្ទីរកសិកម្ម រុក្ខាប្រមាញ់ និងនេសាទ "
            "ផ្តល់ដំបូន្មានបច្ចេកទេសដល់កសិករ តាមរយៈការិយាល័យកសិកម្មក្រុង ស្រុក។</p>",
        },
        {
            "title": "Farming",
            "introduction": "Crop techniques, raising livestock and the prices of farm produce.",
            "body": "<p>The Departments of Agriculture, Forestry and Fisheries give farmers "
            "technical advice through the municipal and district agriculture offices.</p>",
        },
    ),
]

GUIDE_SLUG = "register-a-birth"
GUIDE = {
    "km": {
        "title": "ចុះសំបុត្រកំណើតកូន៖ មួយជំហានម្តងៗ",
        "introduction": "របៀបចុះសំបុត្រកំណើតកូនរបស់អ្នក នៅសាលាឃុំ ឬសង្កាត់ ដែលអ្នករស់នៅ។",
        "body": "<p>សំបុត្រកំណើតចាំបាច់សម្រាប់ចុះឈ្មោះចូលរៀន ធ្វើអត្តសញ្ញាណប័ណ្ណ និងលិខិតឆ្លងដែន។</p>",
    },
    "en": {
        "title": "Register a birth: step by step",
        "introduction": "How to register your child's birth at the commune or sangkat hall "
        "where you live.",
        "body": "<p>The birth certificate is needed to enrol at school and to get an "
        "identity card and a passport.</p>",
    },
}
GUIDE_STEPS = {
    "km": [
        (
            "យកលិខិតបញ្ជាក់កំណើត",
            "<p>មណ្ឌលសុខភាព ឬមន្ទីរពេទ្យដែលអ្នកសម្រាលកូន ចេញលិខិតបញ្ជាក់កំណើតឱ្យអ្នក។ "
            "បើសម្រាលនៅផ្ទះ សូមសុំលិខិតបញ្ជាក់ពីមេភូមិ។</p>",
        ),
        (
            "រៀបចំឯកសារ",
            "<ul><li>លិខិតបញ្ជាក់កំណើត</li><li>អត្តសញ្ញាណប័ណ្ណរបស់ឪពុក និងម្តាយ</li>"
            "<li>សៀវភៅគ្រួសារ ឬសៀវភៅស្នាក់នៅ</li></ul>",
        ),
        (
            "ទៅសាលាឃុំ ឬសង្កាត់",
            "<p>ប្រកាសកំណើតនៅសាលាឃុំ ឬសង្កាត់ ដែលអ្នករស់នៅ ក្នុងរយៈពេល ៣០ ថ្ងៃក្រោយកំណើត។ "
            "មន្ត្រីអត្រានុកូលដ្ឋានចុះឈ្មោះកូនក្នុងបញ្ជីកំណើត។</p>",
        ),
        (
            "ទទួលសំបុត្រកំណើត",
            "<p>ពិនិត្យឈ្មោះ ថ្ងៃខែឆ្នាំកំណើត និងឈ្មោះឪពុកម្តាយ មុនចុះហត្ថលេខា "
            "ហើយរក្សាសំបុត្រកំណើតនៅកន្លែងមានសុវត្ថិភាព។</p>",
        ),
    ],
    "en": [
        (
            "Get the notification of birth",
            "<p>The health centre or hospital where the baby was born gives you a "
            "notification of birth. For a birth at home, ask the village chief for a "
            "letter.</p>",
        ),
        (
            "Gather the documents",
            "<ul><li>The notification of birth</li><li>The identity cards of the father and "
            "the mother</li><li>The family book or the residence book</li></ul>",
        ),
        (
            "Go to the commune or sangkat hall",
            "<p>Declare the birth at the commune or sangkat hall where you live within 30 "
            "days of the birth. The civil registrar enters the child in the register of "
            "births.</p>",
        ),
        (
            "Receive the birth certificate",
            "<p>Check the name, date of birth and the parents' names before you sign, and "
            "keep the certificate somewhere safe.</p>",
        ),
    ],
}

# (slug, days ago, institution slug, topic slugs, province codes, urgent, km, en)
NEWS: list[tuple[str, int, str, tuple[str, ...], tuple[str, ...], bool, dict, dict]] = [
    (
        "khmer-new-year-office-hours", 2, "interior", (), (), False,
        {"title": "ការិយាល័យរដ្ឋបិទក្នុងពិធីបុណ្យចូលឆ្នាំថ្មីប្រពៃណីជាតិ",
         "introduction": "សាលាឃុំ សង្កាត់ និងសាលាស្រុក ខណ្ឌ បិទពីថ្ងៃទី១៤ ដល់ថ្ងៃទី១៦ ខែមេសា។",
         "body": "<p>ក្នុងពិធីបុណ្យចូលឆ្នាំថ្មីប្រពៃណីជាតិ ការិយាល័យរដ្ឋបាលបិទ។ "
         "សេវាបន្ទាន់ ដូចជាប៉ុស្តិ៍នគរបាល និងមន្ទីរពេទ្យ នៅតែបើក។</p>"},
        {"title": "Government offices close for Khmer New Year",
         "introduction": "Commune, sangkat, district and khan halls are closed from 14 to "
         "16 April.",
         "body": "<p>Administrative offices are closed during Khmer New Year. Emergency "
         "services such as police posts and hospitals stay open.</p>"},
    ),
    (
        "flood-warning-battambang", 1, "interior", (), ("02",), True,
        {"title": "ការព្រមានពីទឹកជំនន់នៅខេត្តបាត់ដំបង",
         "introduction": "ទឹកទន្លេសង្កែកំពុងឡើង។ ប្រជាពលរដ្ឋតាមមាត់ទន្លេ "
         "ត្រូវប្រុងប្រយ័ត្ន។",
         "body": "<p>សូមតាមដានការណែនាំរបស់អាជ្ញាធរមូលដ្ឋាន "
         "និងរៀបចំផ្លាស់ទីទៅកន្លែងខ្ពស់ បើអាជ្ញាធរស្នើសុំ។</p>"},
        {"title": "Flood warning in Battambang province",
         "introduction": "The Sangke river is rising. People living along the river must "
         "stay alert.",
         "body": "<p>Follow the instructions of the local authorities and be ready to "
         "move to higher ground if they ask you to.</p>"},
    ),
    (
        "measles-vaccination", 5, "health", ("health", "having-a-baby"), (), False,
        {"title": "យុទ្ធនាការចាក់ថ្នាំបង្ការជំងឺកញ្ជ្រឹល",
         "introduction": "នាំកូនអាយុពី ៩ ខែ ដល់ ៥ ឆ្នាំ ទៅចាក់ថ្នាំបង្ការ "
         "នៅមណ្ឌលសុខភាពជិតផ្ទះ។",
         "body": "<p>ការចាក់ថ្នាំបង្ការនៅមណ្ឌលសុខភាពសាធារណៈ មិនគិតថ្លៃទេ។ "
         "សូមយកប័ណ្ណចាក់ថ្នាំរបស់កូនមកជាមួយ។</p>"},
        {"title": "Measles vaccination campaign",
         "introduction": "Take children aged 9 months to 5 years to the nearest health "
         "centre to be vaccinated.",
         "body": "<p>Vaccination at public health centres is free. Bring your child's "
         "vaccination card.</p>"},
    ),
    (
        "dengue-prevention", 9, "health", ("health",), ("17", "03"), False,
        {"title": "ការពារជំងឺគ្រុនឈាមក្នុងរដូវវស្សា",
         "introduction": "សម្អាតកន្លែងដែលទឹកដក់ ដើម្បីកុំឱ្យមូសពងកូន។",
         "body": "<p>គ្របពាងទឹក ដេកក្នុងមុង ហើយនាំកុមារដែលក្តៅខ្លួនខ្លាំង "
         "ទៅមណ្ឌលសុខភាពភ្លាម។</p>"},
        {"title": "Preventing dengue fever in the rainy season",
         "introduction": "Clear standing water so that mosquitoes cannot breed.",
         "body": "<p>Cover water jars, sleep under a mosquito net, and take a child with "
         "a high fever to the health centre at once.</p>"},
    ),
    (
        "grade-one-enrolment", 7, "education", ("education",), (), False,
        {"title": "ការចុះឈ្មោះចូលរៀនថ្នាក់ទី១ សម្រាប់ឆ្នាំសិក្សាថ្មី",
         "introduction": "កុមារដែលមានអាយុប្រាំមួយឆ្នាំ អាចចុះឈ្មោះនៅសាលាបឋមសិក្សាជិតផ្ទះ។",
         "body": "<p>សូមយកសំបុត្រកំណើតរបស់កូន និងសៀវភៅគ្រួសារ មកសាលារៀន។</p>"},
        {"title": "Grade 1 enrolment for the new school year",
         "introduction": "Children aged six can enrol at the nearest primary school.",
         "body": "<p>Bring your child's birth certificate and the family book to the "
         "school.</p>"},
    ),
    (
        "exam-results-online", 12, "education", ("education",), (), False,
        {"title": "លទ្ធផលប្រឡងសញ្ញាបត្រមធ្យមសិក្សាទុតិយភូមិ នឹងផ្សាយតាមអនឡាញ",
         "introduction": "បេក្ខជនអាចពិនិត្យលទ្ធផល ដោយប្រើលេខតុប្រឡងរបស់ខ្លួន។",
         "body": "<p>លទ្ធផលក៏នឹងបិទផ្សាយនៅមណ្ឌលប្រឡងផងដែរ។</p>"},
        {"title": "Upper secondary examination results to be published online",
         "introduction": "Candidates can check their results with their examination "
         "number.",
         "body": "<p>The results will also be posted at the examination centres.</p>"},
    ),
    (
        "rice-seed-advice", 4, "agriculture", ("farming",), ("02", "03"), False,
        {"title": "ដំបូន្មានអំពីការជ្រើសរើសពូជស្រូវសម្រាប់រដូវវស្សា",
         "introduction": "ប្រើពូជស្រូវដែលមានគុណភាព "
         "និងសាកសមនឹងដីរបស់អ្នក។",
         "body": "<p>សូមសាកសួរការិយាល័យកសិកម្មស្រុករបស់អ្នក "
         "អំពីពូជដែលបានណែនាំសម្រាប់តំបន់របស់អ្នក។</p>"},
        {"title": "Advice on choosing rice seed for the wet season",
         "introduction": "Use quality seed suited to your land.",
         "body": "<p>Ask your district agriculture office which varieties are recommended "
         "for your area.</p>"},
    ),
    (
        "online-business-registration", 6, "commerce", ("starting-a-business",), (), False,
        {"title": "ការចុះបញ្ជីពាណិជ្ជកម្មតាមអនឡាញ",
         "introduction": "អាជីវករអាចចុះបញ្ជីក្រុមហ៊ុនតាមអនឡាញ "
         "ដោយមិនចាំបាច់ធ្វើដំណើរទៅភ្នំពេញ។",
         "body": "<p>រៀបចំអត្តសញ្ញាណប័ណ្ណរបស់ម្ចាស់ និងអាសយដ្ឋានអាជីវកម្ម "
         "មុនចាប់ផ្តើម។</p>"},
        {"title": "Registering a business online",
         "introduction": "Business owners can register a company online without travelling "
         "to Phnom Penh.",
         "body": "<p>Have the owner's identity card and the business address ready before "
         "you start.</p>"},
    ),
    (
        "consumer-protection-markets", 15, "commerce", (), ("12",), False,
        {"title": "ការត្រួតពិនិត្យគុណភាពទំនិញនៅផ្សារក្នុងរាជធានីភ្នំពេញ",
         "introduction": "មន្ត្រីពិនិត្យស្លាកសញ្ញា និងកាលបរិច្ឆេទផុតកំណត់ "
         "នៃទំនិញនៅតាមផ្សារ។",
         "body": "<p>អ្នកប្រើប្រាស់អាចរាយការណ៍អំពីទំនិញដែលគួរឱ្យសង្ស័យ "
         "ទៅមន្ទីរពាណិជ្ជកម្ម។</p>"},
        {"title": "Checks on the quality of goods in Phnom Penh markets",
         "introduction": "Officers check the labels and expiry dates of goods in markets.",
         "body": "<p>Consumers can report suspicious goods to the Department of "
         "Commerce.</p>"},
    ),
    (
        "post-office-digital-services", 10, "mptc", (), (), False,
        {"title": "ការិយាល័យប្រៃសណីយ៍ជួយប្រជាពលរដ្ឋប្រើសេវាសាធារណៈតាមអនឡាញ",
         "introduction": "បុគ្គលិកប្រៃសណីយ៍អាចជួយអ្នកបំពេញពាក្យស្នើសុំតាមអនឡាញ។",
         "body": "<p>សូមយកឯកសារដែលសេវានោះតម្រូវ មកការិយាល័យប្រៃសណីយ៍ជិតផ្ទះ។</p>"},
        {"title": "Post offices help people use public services online",
         "introduction": "Post office staff can help you fill in applications online.",
         "body": "<p>Bring the documents the service requires to your nearest post "
         "office.</p>"},
    ),
    (
        "mobile-id-card-service", 3, "interior", (), ("17",), False,
        {"title": "ក្រុមការងារចល័តធ្វើអត្តសញ្ញាណប័ណ្ណនៅខេត្តសៀមរាប",
         "introduction": "ក្រុមការងារចុះទៅតាមឃុំ ដើម្បីធ្វើអត្តសញ្ញាណប័ណ្ណសញ្ជាតិខ្មែរ។",
         "body": "<p>សូមសាកសួរសាលាឃុំរបស់អ្នក អំពីថ្ងៃដែលក្រុមការងារមកដល់ "
         "ហើយយកសៀវភៅគ្រួសារមកជាមួយ។</p>"},
        {"title": "Mobile identity card teams in Siem Reap province",
         "introduction": "Teams are visiting communes to issue Khmer national identity "
         "cards.",
         "body": "<p>Ask your commune hall on which day the team comes, and bring your "
         "family book.</p>"},
    ),
]  # fmt: skip


# --- Loading -----------------------------------------------------------------------------


class _Loader:
    def __init__(self) -> None:
        self.counts = ContentCounts()
        self.locales = {
            code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES
        }

    def child(
        self,
        parent: Page,
        model: type[Page],
        slug: str,
        fields: dict[str, Any],
        source: Page | None = None,
        *,
        language: str,
        **extra: Any,
    ) -> Page:
        """Return the child of `parent` with this slug, creating it (as the translation of
        `source`, when given) if it does not exist."""
        existing = (
            parent.get_children()
            .filter(slug=slug, locale=self.locales[language])
            .specific()
            .first()
        )
        if existing is not None:
            self.counts.existing += 1
            return existing
        page = model(slug=slug, locale=self.locales[language], **fields, **extra)
        if source is not None:
            page.translation_key = source.translation_key
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.counts.created += 1
        return page

    def pair(
        self, parents: dict[str, Page], model: type[Page], slug: str, texts: dict, **extra: Any
    ) -> dict[str, Page]:
        """Create the Khmer page and its English translation; return them by language."""
        km = self.child(
            parents["km"], model, slug, texts["km"], language="km", **extra.get("km", {})
        )
        en = self.child(
            parents["en"], model, slug, texts["en"], km, language="en", **extra.get("en", {})
        )
        return {"km": km, "en": en}

    def homes(self) -> dict[str, Page]:
        root = Page.get_first_root_node()
        if root is None:  # a database flushed after Wagtail's migrations (browser tests)
            root = Page.add_root(
                instance=Page(title="Root", slug="root", locale=self.locales["km"])
            )
        _remove_wagtail_welcome_page(root)
        services = _services(HOME_SERVICES)
        km = self.child(root, HomePage, "home", HOME["km"], language="km", services=services)
        en = self.child(root, HomePage, "home-en", HOME["en"], km, language="en", services=services)
        Site.objects.filter(is_default_site=True).exclude(root_page=km).update(root_page=km)
        if not Site.objects.exists():
            Site.objects.create(hostname="localhost", root_page=km, is_default_site=True)
        return {"km": km, "en": en}


def _remove_wagtail_welcome_page(root: Page) -> None:
    """Delete the "Welcome to your new Wagtail site!" page Wagtail's migrations create."""
    for page in root.get_children().filter(content_type__model="page", numchild=0):
        Site.objects.filter(root_page=page).update(root_page=root)
        page.delete()


def _services(slugs: tuple[str, ...]) -> list[tuple[str, dict[str, str]]]:
    return [("service", demo_service_block(slug)) for slug in slugs]


def _steps(language: str) -> list[tuple[str, dict[str, Any]]]:
    office = Facility.objects.filter(type__code="commune-hall").order_by("code").first()
    steps: list[tuple[str, dict[str, Any]]] = []
    for title, text in GUIDE_STEPS[language]:
        links: list[tuple[str, Any]] = _services(BIRTH_GUIDE_SERVICES.get(len(steps), ()))
        if office is not None and len(steps) == 2:
            links.append(("office", {"office": office}))
        steps.append(("step", {"title": title, "text": text, "links": links}))
    return steps


def _guide_steps(steps: list, language: str) -> list[tuple[str, dict[str, Any]]]:
    """Return a guide's steps in `language`, with links to its services and offices."""
    blocks = []
    for km_title, km_text, en_title, en_text, services, office_type in steps:
        links: list[tuple[str, Any]] = _services(services)
        office = (
            Facility.objects.filter(type__code=office_type).order_by("code").first()
            if office_type
            else None
        )
        if office is not None:
            links.append(("office", {"office": office}))
        title, text = (km_title, km_text) if language == "km" else (en_title, en_text)
        blocks.append(("step", {"title": title, "text": text, "links": links}))
    return blocks


@transaction.atomic
def load_demo_content() -> ContentCounts:
    """Create the demo pages that do not exist yet; return how many were created."""
    if not settings.SALA_DEMO_DATA_ALLOWED:
        raise ImproperlyConfigured("Demo data cannot be loaded when SALA_ENV=production.")
    loader = _Loader()
    homes = loader.homes()
    in_menu = {"km": {"show_in_menus": True}, "en": {"show_in_menus": True}}
    institutions_index = loader.pair(
        homes, InformationPage, "institutions", INSTITUTIONS_INDEX, **in_menu
    )
    topics_index = loader.pair(homes, InformationPage, "topics", TOPICS_INDEX, **in_menu)
    news_index = loader.pair(homes, NewsIndexPage, "news", NEWS_INDEX, **in_menu)

    geo_institutions = {i.code: i for i in Institution.objects.all()}
    institutions = {}
    for slug, code, km, en in [*MINISTRIES, *MORE_MINISTRIES]:
        extra: dict[str, Any] = {
            "institution": geo_institutions.get(code),
            "services": _services(MINISTRY_SERVICES.get(slug, ())),
        }
        institutions[slug] = loader.pair(
            institutions_index, InstitutionPage, slug, {"km": km, "en": en}, km=extra, en=extra
        )
    topics = {
        slug: loader.pair(
            topics_index,
            TopicPage,
            slug,
            {"km": km, "en": en},
            km={"kind": kind},
            en={"kind": kind},
        )
        for slug, kind, km, en in TOPICS
    }
    for slug, services, km, en in LIFE_EVENTS:
        extra = {"kind": TopicPage.Kind.LIFE_EVENT, "related": _services(services)}
        topics[slug] = loader.pair(
            topics_index, TopicPage, slug, {"km": km, "en": en}, km=extra, en=extra
        )
    loader.pair(
        topics["having-a-baby"],
        GuidePage,
        GUIDE_SLUG,
        GUIDE,
        km={"steps": _steps("km")},
        en={"steps": _steps("en")},
    )
    for slug, topic, km, en, steps in GUIDES:
        loader.pair(
            topics[topic],
            GuidePage,
            slug,
            {"km": km, "en": en},
            km={"steps": _guide_steps(steps, "km")},
            en={"steps": _guide_steps(steps, "en")},
        )
    _load_news(loader, news_index, institutions, topics)
    do_set_up_editorial(list(homes.values()))
    _grant_demo_approver()
    return loader.counts


def _grant_demo_approver() -> None:
    """Make the demo approver also an approver at the Ministry of Post and
    Telecommunications, whose editor is the demo editor, so that the two can try the
    review workflow together (demo.officers gives the roles; this adds one)."""
    approver = User.objects.filter(username="approver").first()
    office = Facility.objects.filter(code="ministry-mptc").first()
    role = Role.objects.filter(code=Role.APPROVER).first()
    if approver is not None and office is not None and role is not None:
        OfficeMembership.objects.get_or_create(
            user=approver, office=office, role=role, ended_at=None
        )


def _load_news(
    loader: _Loader,
    news_index: dict[str, Page],
    institutions: dict[str, dict[str, Page]],
    topics: dict[str, dict[str, Page]],
) -> None:
    today = timezone.localdate()
    areas = {a.code: a for a in Area.objects.filter(level=Area.Level.PROVINCE)}
    for slug, days_ago, institution, topic_slugs, area_codes, urgent, km, en in [
        *NEWS,
        *MORE_NEWS,
    ]:
        extra = {
            language: {
                "date": today - datetime.timedelta(days=days_ago),
                "institution": institutions[institution][language],
                "urgent": urgent,
                "topics": [topics[t][language] for t in topic_slugs],
                "areas": [areas[c] for c in area_codes if c in areas],
            }
            for language in LANGUAGES
        }
        loader.pair(news_index, NewsPage, slug, {"km": km, "en": en}, **extra)
