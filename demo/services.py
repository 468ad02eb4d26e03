"""The demo catalogue: real Cambodian public services, in Khmer and English, with online
forms for the common ones (`demo.service_forms`). Loading is idempotent: services are
matched by slug, and a form gets a new published version only when its definition changed.

Fees and processing times follow the published rules where we know them; they are demo
data, and the responsible ministry's own notice is what counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from demo.places import INSTITUTIONS
from demo.service_forms import FORMS
from geo.models import FacilityType, Institution
from services.models import FormVersion, LifeEvent, Service, Topic
from services.versions import do_publish_form_version

TOPICS = [
    ("identity", "អត្តសញ្ញាណ និងឯកសារផ្ទាល់ខ្លួន", "Identity and personal documents"),
    ("family", "គ្រួសារ និងអត្រានុកូលដ្ឋាន", "Family and civil status"),
    ("education", "ការអប់រំ", "Education"),
    ("work", "ការងារ", "Work"),
    ("health", "សុខភាព", "Health"),
    ("business", "អាជីវកម្ម និងពន្ធ", "Business and tax"),
    ("land", "ដីធ្លី និងលំនៅឋាន", "Land and housing"),
    ("transport", "ដឹកជញ្ជូន", "Transport"),
    ("agriculture", "កសិកម្ម", "Agriculture"),
    ("travel", "ការធ្វើដំណើរ", "Travel"),
]
LIFE_EVENTS = [
    ("having-a-baby", "ការមានកូន", "Having a baby"),
    ("getting-married", "ការរៀបអាពាហ៍ពិពាហ៍", "Getting married"),
    ("death-of-a-relative", "ការបាត់បង់សមាជិកគ្រួសារ", "When someone dies"),
    ("moving-home", "ការផ្លាស់ប្ដូរទីលំនៅ", "Moving home"),
    ("starting-school", "ការចូលរៀន", "Starting school"),
    ("starting-a-business", "ការចាប់ផ្តើមអាជីវកម្ម", "Starting a business"),
    ("buying-a-vehicle", "ការទិញយានយន្ត", "Buying a vehicle"),
    ("building-a-house", "ការសាងសង់ផ្ទះ", "Building a house"),
    ("travelling-abroad", "ការធ្វើដំណើរទៅក្រៅប្រទេស", "Travelling abroad"),
    ("finding-work", "ការស្វែងរកការងារ", "Finding work"),
]


@dataclass
class DemoService:
    slug: str
    name_km: str
    name_en: str
    summary_km: str
    summary_en: str
    institution: str
    topics: list[str]
    life_events: list[str] = field(default_factory=list)
    level: str = "commune"
    channel: str = "both"
    sla: int | None = None
    fee: tuple[str, int | None, str | None] = ("free", None, None)  # kind, riel, dollars
    fee_rules: list[dict[str, Any]] = field(default_factory=list)
    documents_km: str = ""
    documents_en: str = ""
    eligibility_km: str = ""
    eligibility_en: str = ""
    for_businesses: bool = False
    for_citizens: bool = True
    office_type: str = ""
    external_url: str = ""


S = DemoService
SERVICES = [
    S("birth-registration", "ការចុះបញ្ជីកំណើត", "Birth registration",
      "ចុះបញ្ជីកំណើតកូនរបស់អ្នកនៅសាលាឃុំ សង្កាត់ ហើយទទួលបានសំបុត្រកំណើត។ ការចុះបញ្ជីក្នុងរយៈពេល ៣០ ថ្ងៃក្រោយកំណើត គឺឥតគិតថ្លៃ។",
      "Register your child's birth with the commune or sangkat and receive the birth certificate. Registration within 30 days of the birth is free.",
      "moi", ["family", "identity"], ["having-a-baby"], sla=3,
      documents_km="លិខិតបញ្ជាក់កំណើតពីមន្ទីរពេទ្យ ឬមណ្ឌលសុខភាព ឬលិខិតមេភូមិ\nអត្តសញ្ញាណប័ណ្ណរបស់ឪពុកម្ដាយ\nសៀវភៅគ្រួសារ ឬសៀវភៅស្នាក់នៅ",
      documents_en="The birth notice from the hospital or health centre, or the village chief's letter\nThe parents' national ID cards\nThe family book or residence book",
      eligibility_km="ឪពុក ម្ដាយ ឬអាណាព្យាបាលរបស់កុមារ\nកុមារកើតនៅក្នុងឃុំ សង្កាត់ ឬឪពុកម្ដាយរស់នៅទីនោះ",
      eligibility_en="The child's father, mother or guardian\nThe child was born in the commune or sangkat, or the parents live there"),
    S("marriage-registration", "ការចុះបញ្ជីអាពាហ៍ពិពាហ៍", "Marriage registration",
      "ចុះបញ្ជីអាពាហ៍ពិពាហ៍របស់អ្នកនៅសាលាឃុំ សង្កាត់ ដែលគូស្វាមីភរិយារស់នៅ ហើយទទួលបានសំបុត្រអាពាហ៍ពិពាហ៍។",
      "Register your marriage with the commune or sangkat where you live and receive the marriage certificate.",
      "moi", ["family"], ["getting-married"], sla=7,
      documents_km="អត្តសញ្ញាណប័ណ្ណរបស់គូស្វាមីភរិយា\nសំបុត្រកំណើត\nលិខិតបញ្ជាក់ទីលំនៅ\nសាក្សីពេញវ័យពីរនាក់",
      documents_en="The couple's national ID cards\nBirth certificates\nProof of residence\nTwo adult witnesses",
      eligibility_km="បុរសនិងស្ត្រីដែលមានអាយុ ១៨ ឆ្នាំឡើងទៅ",
      eligibility_en="A man and a woman aged 18 or over"),
    S("death-registration", "ការចុះបញ្ជីមរណភាព", "Death registration",
      "ជូនដំណឹងអំពីមរណភាពទៅសាលាឃុំ សង្កាត់ ហើយទទួលបានសំបុត្រមរណភាព ដែលត្រូវការសម្រាប់មរតក និងសៀវភៅគ្រួសារ។",
      "Report a death to the commune or sangkat and receive the death certificate needed for inheritance and the family book.",
      "moi", ["family"], ["death-of-a-relative"], sla=3,
      documents_km="លិខិតបញ្ជាក់មរណភាពពីមន្ទីរពេទ្យ ឬលិខិតមេភូមិ\nអត្តសញ្ញាណប័ណ្ណរបស់អ្នកស្លាប់ បើមាន",
      documents_en="The death notice from the hospital, or the village chief's letter\nThe national ID card of the person who died, if there is one"),
    S("family-book", "សៀវភៅគ្រួសារ", "Family book",
      "ស្នើសុំសៀវភៅគ្រួសារថ្មី កែប្រែសមាជិក ឬសុំសៀវភៅជំនួស ពីប៉ុស្តិ៍នគរបាលរដ្ឋបាលឃុំ សង្កាត់។",
      "Apply for a new family book, change its members or replace a lost one, at the commune or sangkat administrative police post.",
      "police", ["family", "identity"], ["getting-married", "moving-home", "having-a-baby"],
      sla=7, office_type="police-station",
      documents_km="អត្តសញ្ញាណប័ណ្ណ ឬសំបុត្រកំណើតរបស់សមាជិកគ្រួសារ\nសំបុត្រអាពាហ៍ពិពាហ៍ សម្រាប់គ្រួសារថ្មី",
      documents_en="National ID cards or birth certificates of the members\nThe marriage certificate, for a new family"),
    S("residence-book", "សៀវភៅស្នាក់នៅ", "Residence book",
      "ចុះឈ្មោះកន្លែងស្នាក់នៅរបស់អ្នក ពេលអ្នករស់នៅក្នុងផ្ទះជួល ឬផ្លាស់ទីលំនៅ។",
      "Register where you live when you rent a home or move to another commune.",
      "police", ["identity", "land"], ["moving-home"], sla=7, office_type="police-station",
      documents_km="អត្តសញ្ញាណប័ណ្ណ\nកិច្ចសន្យាជួលផ្ទះ ឬលិខិតយល់ព្រមពីម្ចាស់ផ្ទះ",
      documents_en="National ID card\nThe rental contract or the owner's consent"),
    S("national-id-card", "អត្តសញ្ញាណប័ណ្ណសញ្ជាតិខ្មែរ", "Khmer national identity card",
      "ស្នើសុំអត្តសញ្ញាណប័ណ្ណលើកដំបូងពេលអ្នកមានអាយុ ១៥ ឆ្នាំ ឬបន្តសុពលភាពប័ណ្ណដែលផុតកំណត់។ ត្រូវថតរូប និងស្នាមម្រាមដៃផ្ទាល់។",
      "Apply for your first identity card at 15, or renew an expired one. Your photo and fingerprints are taken in person.",
      "police", ["identity"], ["moving-home"], level="district", channel="office", sla=30,
      office_type="police-station",
      documents_km="សៀវភៅគ្រួសារ ឬសៀវភៅស្នាក់នៅ\nសំបុត្រកំណើត\nអត្តសញ្ញាណប័ណ្ណចាស់ បើបន្តសុពលភាព",
      documents_en="The family book or residence book\nBirth certificate\nThe old card, to renew",
      eligibility_km="ប្រជាពលរដ្ឋខ្មែរដែលមានអាយុ ១៥ ឆ្នាំឡើងទៅ",
      eligibility_en="Cambodian citizens aged 15 or over"),
    S("certificate-of-residence", "លិខិតបញ្ជាក់ទីលំនៅ", "Certificate of residence",
      "ស្នើសុំលិខិតបញ្ជាក់ពីសាលាឃុំ សង្កាត់ ថាអ្នករស់នៅក្នុងភូមិរបស់អ្នក សម្រាប់ធនាគារ ការងារ ឬសាលារៀន។",
      "Get a letter from the commune or sangkat confirming that you live in your village, for a bank, a job or a school.",
      "moi", ["identity", "land"], ["moving-home", "finding-work"], sla=2,
      documents_km="អត្តសញ្ញាណប័ណ្ណ\nសៀវភៅគ្រួសារ ឬសៀវភៅស្នាក់នៅ",
      documents_en="National ID card\nThe family book or residence book"),
    S("business-registration", "ការចុះបញ្ជីពាណិជ្ជកម្ម", "Business registration",
      "ចុះបញ្ជីសហគ្រាស ឬក្រុមហ៊ុនរបស់អ្នកនៅក្រសួងពាណិជ្ជកម្ម ហើយទទួលបានវិញ្ញាបនបត្រចុះបញ្ជីពាណិជ្ជកម្ម។",
      "Register your sole proprietorship or company with the Ministry of Commerce and receive the certificate of incorporation.",
      "moc", ["business"], ["starting-a-business"], level="ministry", channel="online", sla=5,
      fee=("computed", None, None), for_businesses=True,
      fee_rules=[{"when": {"field": "business_type", "equals": "sole"}, "khr": 177000},
                 {"when": {"field": "business_type", "not_equals": "sole"}, "khr": 1177000}],
      documents_km="អត្តសញ្ញាណប័ណ្ណរបស់ម្ចាស់ ឬនាយក\nលក្ខន្តិកៈក្រុមហ៊ុន\nរូបថតម្ចាស់ ឬនាយក",
      documents_en="The owner's or directors' national ID cards\nArticles of incorporation\nPhoto of the owner or director"),
    S("business-annual-declaration", "សេចក្ដីប្រកាសប្រចាំឆ្នាំរបស់ក្រុមហ៊ុន",
      "Annual declaration of a company",
      "ប្រកាសជារៀងរាល់ឆ្នាំទៅក្រសួងពាណិជ្ជកម្ម ថាក្រុមហ៊ុនរបស់អ្នកនៅតែដំណើរការ ព្រមទាំងអាសយដ្ឋាន និងនាយករបស់ក្រុមហ៊ុន។ ឈ្មោះ និងនាយក យើងយកពីបញ្ជីពាណិជ្ជកម្ម។",
      "Declare each year to the Ministry of Commerce that your company is still trading, with its address and directors. We take its name and directors from the business register.",
      "moc", ["business"], [], level="ministry", channel="online", sla=5, for_businesses=True,
      documents_km="លេខចុះបញ្ជីក្រុមហ៊ុន", documents_en="The company's registration number"),
    S("patent-tax", "ពន្ធប៉ាតង់", "Patent tax",
      "បង់ពន្ធប៉ាតង់ប្រចាំឆ្នាំ និងទទួលបានវិញ្ញាបនបត្រប៉ាតង់ ដែលត្រូវបិទនៅទីតាំងអាជីវកម្ម។ ត្រូវបង់មុនថ្ងៃទី ៣១ ខែមីនា។",
      "Pay the yearly patent tax and receive the patent certificate to display where you do business. Due by 31 March.",
      "gdt", ["business"], ["starting-a-business"], level="ministry", channel="both", sla=3,
      fee=("computed", None, None), for_businesses=True, for_citizens=False,
      fee_rules=[{"when": {"field": "taxpayer_size", "equals": "small"}, "khr": 400000},
                 {"when": {"field": "taxpayer_size", "equals": "medium"}, "khr": 1200000},
                 {"when": {"field": "taxpayer_size", "equals": "large"}, "khr": 3000000}],
      documents_km="លេខអត្តសញ្ញាណកម្មសារពើពន្ធ (TIN)\nវិញ្ញាបនបត្រចុះបញ្ជីពន្ធដារ",
      documents_en="Your tax identification number (TIN)\nThe tax registration certificate"),
    S("construction-permit", "លិខិតអនុញ្ញាតសាងសង់", "Construction permit",
      "ស្នើសុំលិខិតអនុញ្ញាតមុនពេលសាងសង់ ពង្រីក ឬកែលម្អអគារ។ អគារតូចៗដាក់ពាក្យនៅរដ្ឋបាលស្រុក ខណ្ឌ។",
      "Apply for permission before you build, extend or renovate a building. Small buildings are handled by the district administration.",
      "mlmupc", ["land"], ["building-a-house"], level="district", channel="office", sla=45,
      fee=("fixed", None, None),
      documents_km="ប្លង់សាងសង់\nប័ណ្ណកម្មសិទ្ធិដី\nអត្តសញ្ញាណប័ណ្ណរបស់ម្ចាស់",
      documents_en="Building plans\nThe land title\nThe owner's national ID card"),
    S("motorbike-registration", "ការចុះបញ្ជីម៉ូតូ និងផ្លាកលេខ", "Motorbike registration and number plate",
      "ចុះបញ្ជីម៉ូតូរបស់អ្នក និងទទួលបានផ្លាកលេខ និងកាតគ្រីពីមន្ទីរសាធារណការ និងដឹកជញ្ជូនខេត្ត។",
      "Register your motorbike and receive its number plate and registration card from the provincial department of public works and transport.",
      "mpwt", ["transport"], ["buying-a-vehicle"], level="province", sla=15,
      fee=("computed", None, None),
      fee_rules=[{"when": {"field": "acquired", "in": ["new", "used", "gift"]}, "khr": 50000}],
      documents_km="វិក្កយបត្រ ឬលិខិតផ្ទេរកម្មសិទ្ធិ\nបង្កាន់ដៃគយ ឬពន្ធ\nអត្តសញ្ញាណប័ណ្ណ",
      documents_en="The invoice or deed of transfer\nThe customs or tax receipt\nNational ID card"),
    S("driving-licence", "ប័ណ្ណបើកបរ", "Driving licence",
      "ស្នើសុំប័ណ្ណបើកបរក្រោយពេលប្រឡងជាប់ ឬបន្តសុពលភាពប័ណ្ណបើកបររបស់អ្នក។",
      "Apply for a driving licence after passing the test, or renew your licence.",
      "mpwt", ["transport"], ["buying-a-vehicle"], level="province", sla=10,
      fee=("computed", None, None),
      fee_rules=[{"when": {"field": "category", "equals": "a1"}, "khr": 40000},
                 {"when": {"field": "category", "in": ["a", "b"]}, "khr": 140000}],
      eligibility_km="អាយុ ១៦ ឆ្នាំឡើងទៅ សម្រាប់ A1 និង ១៨ ឆ្នាំឡើងទៅ សម្រាប់ A និង B",
      eligibility_en="Aged 16 or over for A1, 18 or over for A and B",
      documents_km="អត្តសញ្ញាណប័ណ្ណ\nរូបថត\nលិខិតបញ្ជាក់សុខភាព",
      documents_en="National ID card\nPhoto\nMedical certificate"),
    S("passport-appointment", "ការណាត់ជួបដើម្បីធ្វើលិខិតឆ្លងដែន", "Passport appointment",
      "កក់ពេលណាត់ជួបដើម្បីដាក់ពាក្យសុំលិខិតឆ្លងដែនខ្មែរ នៅនាយកដ្ឋានអន្តោប្រវេសន៍។",
      "Book an appointment to apply for a Cambodian passport at the Immigration Department.",
      "moi", ["identity", "travel"], ["travelling-abroad"], level="ministry", sla=20,
      fee=("computed", None, None),
      fee_rules=[{"when": {"field": "speed", "equals": "normal"}, "usd": 100},
                 {"when": {"field": "speed", "equals": "express"}, "usd": 150}],
      documents_km="អត្តសញ្ញាណប័ណ្ណ\nសំបុត្រកំណើត ឬសៀវភៅគ្រួសារ\nលិខិតឆ្លងដែនចាស់ បើមាន",
      documents_en="National ID card\nBirth certificate or family book\nThe old passport, if you have one"),
    S("land-title-transfer", "ការផ្ទេរកម្មសិទ្ធិដីធ្លី", "Land title transfer",
      "ផ្ទេរកម្មសិទ្ធិដី ឬផ្ទះ ពេលលក់ ទិញ ឬទទួលមរតក។ ពន្ធប្រថាប់ត្រា ៤% នៃតម្លៃអចលនទ្រព្យ ត្រូវបង់មុនការផ្ទេរ។",
      "Transfer the ownership of land or a house when you sell, buy or inherit it. The 4% transfer tax on the property's value is paid before the transfer.",
      "mlmupc", ["land"], ["building-a-house", "death-of-a-relative"], level="district",
      channel="office", sla=30, fee=("computed", None, None),
      documents_km="ប័ណ្ណកម្មសិទ្ធិដើម\nកិច្ចសន្យាលក់ទិញ\nបង្កាន់ដៃបង់ពន្ធប្រថាប់ត្រា\nអត្តសញ្ញាណប័ណ្ណរបស់ភាគីទាំងពីរ",
      documents_en="The original land title\nThe sales contract\nThe transfer tax receipt\nNational ID cards of both parties"),
    S("school-enrolment", "ការចុះឈ្មោះចូលរៀន", "School enrolment",
      "ចុះឈ្មោះកូនរបស់អ្នកចូលរៀននៅសាលាមត្តេយ្យ បឋមសិក្សា ឬមធ្យមសិក្សារដ្ឋ ជិតផ្ទះរបស់អ្នក។ ការសិក្សានៅសាលារដ្ឋ គឺឥតគិតថ្លៃ។",
      "Enrol your child in a public pre-school, primary or secondary school near your home. Public schools are free.",
      "moeys", ["education"], ["starting-school", "moving-home"], sla=5, office_type="school",
      documents_km="សំបុត្រកំណើតរបស់កុមារ\nសៀវភៅគ្រួសារ ឬសៀវភៅស្នាក់នៅ",
      documents_en="The child's birth certificate\nThe family book or residence book",
      eligibility_km="កុមារអាយុ ៦ ឆ្នាំឡើងទៅ សម្រាប់ថ្នាក់ទី ១",
      eligibility_en="Children aged 6 or over for grade 1"),
    S("scholarship-application", "ការដាក់ពាក្យសុំអាហារូបករណ៍", "Scholarship application",
      "ដាក់ពាក្យសុំអាហារូបករណ៍របស់រដ្ឋ សម្រាប់ការសិក្សានៅសាកលវិទ្យាល័យរដ្ឋ ក្រោយពេលប្រឡងជាប់សញ្ញាបត្រមធ្យមសិក្សាទុតិយភូមិ។",
      "Apply for a state scholarship to study at a public university after passing the upper secondary school exam.",
      "moeys", ["education"], ["starting-school"], level="ministry", channel="online", sla=30,
      eligibility_km="ប្រឡងជាប់សញ្ញាបត្រមធ្យមសិក្សាទុតិយភូមិក្នុងឆ្នាំនេះ\nសិស្សមកពីគ្រួសារក្រីក្រ និងសិស្សស្រី ត្រូវបានផ្ដល់អាទិភាព",
      eligibility_en="You passed the upper secondary school exam this year\nStudents from poor households and girls are given priority",
      documents_km="សញ្ញាបត្រ ឬលទ្ធផលប្រឡង\nប័ណ្ណសមធម៌ បើមាន",
      documents_en="The certificate or result slip\nThe IDPoor card, if your household has one"),
    S("criminal-record-certificate", "ព្រឹត្តិបត្រព្រហ្មទណ្ឌ", "Criminal record certificate",
      "ស្នើសុំលិខិតបញ្ជាក់ថាអ្នកមិនមានទោសព្រហ្មទណ្ឌ សម្រាប់ការងារ ការសិក្សា ឬទិដ្ឋាការ។",
      "Get a certificate showing whether you have a criminal record, for a job, studies or a visa.",
      "moj", ["identity", "work"], ["finding-work", "travelling-abroad"], level="ministry",
      channel="office", sla=10, fee=("fixed", 20000, None),
      documents_km="អត្តសញ្ញាណប័ណ្ណ ឬលិខិតឆ្លងដែន\nរូបថត ៤x៦ ចំនួនពីរសន្លឹក",
      documents_en="National ID card or passport\nTwo 4x6 photos"),
    S("birth-certificate-copy", "ការស្នើសុំសេចក្ដីចម្លងសំបុត្រកំណើត", "Copy of a birth certificate",
      "ស្នើសុំសេចក្ដីចម្លងសំបុត្រកំណើតពីបញ្ជីអត្រានុកូលដ្ឋាន នៅសាលាឃុំ សង្កាត់ដែលបានចុះបញ្ជីកំណើត។",
      "Request a copy of a birth certificate from the civil register, at the commune or sangkat where the birth was registered.",
      "moi", ["identity", "family"], sla=1, channel="office",
      documents_km="អត្តសញ្ញាណប័ណ្ណ\nលេខសំបុត្រកំណើត បើដឹង",
      documents_en="National ID card\nThe birth certificate number, if you know it"),
    S("idpoor-card", "ការកំណត់អត្តសញ្ញាណគ្រួសារក្រីក្រ (ប័ណ្ណសមធម៌)", "IDPoor equity card",
      "ស្នើសុំឱ្យគ្រួសាររបស់អ្នកត្រូវបានវាយតម្លៃ ដើម្បីទទួលបានប័ណ្ណសមធម៌ ដែលផ្ដល់សេវាសុខាភិបាលឥតគិតថ្លៃ និងជំនួយសង្គម។",
      "Ask for your household to be assessed for the IDPoor equity card, which gives free health care and social assistance.",
      "mop", ["health", "family"], ["having-a-baby"], channel="office", sla=30,
      documents_km="សៀវភៅគ្រួសារ\nអត្តសញ្ញាណប័ណ្ណរបស់មេគ្រួសារ",
      documents_en="The family book\nThe national ID card of the head of the household"),
    S("nssf-registration", "ការចុះបញ្ជីសហគ្រាសនៅបេឡាជាតិរបបសន្តិសុខសង្គម",
      "Registering an employer with the National Social Security Fund",
      "ចុះបញ្ជីសហគ្រាស និងកម្មករនិយោជិតរបស់អ្នក នៅបេឡាជាតិរបបសន្តិសុខសង្គម (ប.ស.ស.) សម្រាប់ការថែទាំសុខភាព និងហានិភ័យការងារ។",
      "Register your enterprise and its workers with the National Social Security Fund (NSSF) for health care and employment injury cover.",
      "mlvt", ["work", "business"], ["starting-a-business"], level="ministry",
      channel="external", external_url="https://www.nssf.gov.kh", for_businesses=True),
    S("work-permit", "ប័ណ្ណការងារសម្រាប់ពលករបរទេស", "Work permit for foreign workers",
      "ស្នើសុំ ឬបន្តប័ណ្ណការងារ និងសៀវភៅការងារ សម្រាប់ពលករបរទេសដែលធ្វើការនៅកម្ពុជា តាមប្រព័ន្ធអនឡាញ FWCMS។",
      "Apply for or renew the work permit and employment card of a foreign worker in Cambodia, through the FWCMS online system.",
      "mlvt", ["work", "business"], ["finding-work"], level="ministry", channel="external",
      external_url="https://fwcms.mlvt.gov.kh", for_businesses=True),
    S("trademark-registration", "ការចុះបញ្ជីម៉ាកពាណិជ្ជកម្ម", "Trademark registration",
      "ការពារឈ្មោះ និងនិមិត្តសញ្ញាអាជីវកម្មរបស់អ្នក ដោយចុះបញ្ជីម៉ាកពាណិជ្ជកម្មនៅក្រសួងពាណិជ្ជកម្ម។",
      "Protect your business name and logo by registering a trademark with the Ministry of Commerce.",
      "moc", ["business"], ["starting-a-business"], level="ministry", channel="office", sla=90,
      for_businesses=True, for_citizens=False, fee=("fixed", None, None),
      documents_km="រូបម៉ាកពាណិជ្ជកម្ម\nបញ្ជីទំនិញ ឬសេវា\nលិខិតប្រគល់សិទ្ធិ បើដាក់ពាក្យតាមតំណាង",
      documents_en="The trademark image\nThe list of goods or services\nA power of attorney, if an agent applies"),
    S("tax-registration", "ការចុះបញ្ជីពន្ធដារ", "Tax registration",
      "ចុះបញ្ជីអាជីវកម្មរបស់អ្នកជាមួយអគ្គនាយកដ្ឋានពន្ធដារ ដើម្បីទទួលបានលេខអត្តសញ្ញាណកម្មសារពើពន្ធ (TIN)។",
      "Register your business with the General Department of Taxation to receive its tax identification number (TIN).",
      "gdt", ["business"], ["starting-a-business"], level="ministry", channel="external",
      external_url="https://www.tax.gov.kh", for_businesses=True, for_citizens=False),
    S("tourism-licence", "អាជ្ញាបណ្ណទេសចរណ៍", "Tourism business licence",
      "ស្នើសុំអាជ្ញាបណ្ណសម្រាប់សណ្ឋាគារ ផ្ទះសំណាក់ ភោជនីយដ្ឋាន ឬទីភ្នាក់ងារទេសចរណ៍។",
      "Apply for the licence of a hotel, guesthouse, restaurant or travel agency.",
      "mot", ["business"], ["starting-a-business"], level="province", channel="office",
      sla=30, for_businesses=True, for_citizens=False, fee=("fixed", None, None),
      documents_km="វិញ្ញាបនបត្រចុះបញ្ជីពាណិជ្ជកម្ម\nប្លង់ទីតាំង\nអត្តសញ្ញាណប័ណ្ណរបស់ម្ចាស់",
      documents_en="The certificate of incorporation\nA plan of the premises\nThe owner's national ID card"),
    S("pharmacy-licence", "អាជ្ញាបណ្ណឱសថស្ថាន", "Pharmacy licence",
      "ស្នើសុំអាជ្ញាបណ្ណបើកឱសថស្ថាន ដែលត្រូវមានឱសថការីទទួលខុសត្រូវ។",
      "Apply for the licence to open a pharmacy, which must have a responsible pharmacist.",
      "moh", ["health", "business"], ["starting-a-business"], level="ministry",
      channel="office", sla=60, for_businesses=True, for_citizens=False,
      fee=("fixed", None, None),
      documents_km="សញ្ញាបត្រឱសថការី\nប្លង់ទីតាំង\nអត្តសញ្ញាណប័ណ្ណ",
      documents_en="The pharmacist's diploma\nA plan of the premises\nNational ID card"),
    S("child-vaccination", "ការចាក់វ៉ាក់សាំងកុមារ", "Childhood vaccination",
      "នាំកូនរបស់អ្នកទៅចាក់វ៉ាក់សាំងឥតគិតថ្លៃ នៅមណ្ឌលសុខភាពជិតផ្ទះ តាមកាលវិភាគជាតិ។",
      "Take your child for free vaccinations at the nearest health centre, following the national schedule.",
      "moh", ["health"], ["having-a-baby"], channel="office", office_type="health-centre",
      documents_km="សៀវភៅតាមដានសុខភាពម្ដាយ និងទារក (សៀវភៅពណ៌ផ្កាឈូក)",
      documents_en="The mother and child health book (the pink book)"),
    S("document-certification", "ការបញ្ជាក់ភាពត្រឹមត្រូវនៃឯកសារចម្លង", "Certifying copies of documents",
      "ឱ្យសាលាឃុំ សង្កាត់ បញ្ជាក់ថាឯកសារចម្លងត្រូវនឹងច្បាប់ដើម។",
      "Have the commune or sangkat certify that copies match their originals.",
      "moi", ["identity"], channel="office", fee=("fixed", 2000, None),
      documents_km="ឯកសារដើម\nឯកសារចម្លង", documents_en="The originals\nThe copies"),
    S("small-business-licence", "អាជ្ញាប័ណ្ណអាជីវកម្មតាមរយៈការិយាល័យច្រកចេញចូលតែមួយ",
      "Business licence at the One Window Service Office",
      "ស្នើសុំអាជ្ញាប័ណ្ណសម្រាប់អាជីវកម្មខ្នាតតូច និងមធ្យម នៅការិយាល័យច្រកចេញចូលតែមួយ នៃរដ្ឋបាលស្រុក ខណ្ឌ។",
      "Apply for the licence of a small or medium business at the district administration's One Window Service Office.",
      "moi", ["business"], ["starting-a-business"], level="district", channel="office", sla=15,
      for_businesses=True, fee=("fixed", None, None),
      documents_km="អត្តសញ្ញាណប័ណ្ណ\nកិច្ចសន្យាជួលទីតាំង ឬប័ណ្ណកម្មសិទ្ធិ",
      documents_en="National ID card\nThe lease or title of the premises"),
    S("vehicle-road-tax", "ពន្ធលើមធ្យោបាយដឹកជញ្ជូន", "Road tax on vehicles",
      "បង់ពន្ធប្រចាំឆ្នាំលើរថយន្ត និងម៉ូតូ តាមរយៈធនាគារ ឬកម្មវិធីទូរស័ព្ទ។",
      "Pay the yearly tax on cars and motorbikes through a bank or a mobile app.",
      "gdt", ["transport"], ["buying-a-vehicle"], level="ministry", channel="external",
      external_url="https://www.tax.gov.kh"),
    S("upper-secondary-certificate", "ការស្នើសុំច្បាប់ចម្លងសញ្ញាបត្រមធ្យមសិក្សាទុតិយភូមិ",
      "Copy of the upper secondary school certificate",
      "ស្នើសុំច្បាប់ចម្លង ឬលិខិតបញ្ជាក់ការសិក្សាជំនួសសញ្ញាបត្រមធ្យមសិក្សាទុតិយភូមិដែលបាត់។",
      "Request a copy or a replacement of a lost upper secondary school certificate.",
      "moeys", ["education"], ["finding-work"], level="ministry", channel="office", sla=15,
      documents_km="អត្តសញ្ញាណប័ណ្ណ\nលេខបេក្ខជន និងឆ្នាំប្រឡង",
      documents_en="National ID card\nYour candidate number and the year of the exam"),
    S("agricultural-cooperative", "ការចុះបញ្ជីសហគមន៍កសិកម្ម", "Registering an agricultural cooperative",
      "ចុះបញ្ជីសហគមន៍កសិកម្មរបស់អ្នក ដើម្បីទទួលបានការគាំទ្រ ឥណទាន និងទីផ្សាររួម។",
      "Register your agricultural cooperative to receive support, credit and joint markets.",
      "maff", ["agriculture", "business"], ["starting-a-business"], level="province",
      channel="office", sla=30, for_businesses=True,
      documents_km="លក្ខន្តិកៈសហគមន៍\nបញ្ជីសមាជិក\nកំណត់ហេតុមហាសន្និបាតបង្កើត",
      documents_en="The cooperative's statutes\nThe list of members\nMinutes of the founding general assembly"),
    S("car-registration", "ការចុះបញ្ជីរថយន្ត", "Car registration",
      "ចុះបញ្ជីរថយន្តរបស់អ្នក និងទទួលបានផ្លាកលេខ និងកាតគ្រី។",
      "Register your car and receive its number plates and registration card.",
      "mpwt", ["transport"], ["buying-a-vehicle"], level="province", channel="office", sla=15,
      fee=("fixed", None, None),
      documents_km="វិក្កយបត្រ ឬលិខិតផ្ទេរកម្មសិទ្ធិ\nបង្កាន់ដៃគយ\nវិញ្ញាបនបត្រត្រួតពិនិត្យបច្ចេកទេស\nអត្តសញ្ញាណប័ណ្ណ",
      documents_en="The invoice or deed of transfer\nThe customs receipt\nThe technical inspection certificate\nNational ID card"),
]  # fmt: skip


ASK_THE_OFFICE_KM = "កម្រៃអាស្រ័យលើទំហំ និងប្រភេទ។ សូមសួរការិយាល័យដែលដោះស្រាយ។"
ASK_THE_OFFICE_EN = "The fee depends on the size and kind. Ask the office that handles it."


@dataclass
class DemoServices:
    services: int = 0
    forms: int = 0
    new_versions: int = 0

    def summary(self) -> str:
        return (
            f"Demo services: {self.services} in the catalogue, {self.forms} with an online "
            f"form ({self.new_versions} form versions published now)."
        )


@transaction.atomic
def load_demo() -> DemoServices:
    if not settings.SALA_DEMO_DATA_ALLOWED:
        raise ImproperlyConfigured("Demo data cannot be loaded when SALA_ENV=production.")
    counts = DemoServices()
    institutions = {}
    for code, km, en, website in INSTITUTIONS:
        institutions[code], _created = Institution.objects.get_or_create(
            code=code, defaults={"name_km": km, "name_en": en, "website": website}
        )
    topics = _named(Topic, TOPICS)
    events = _named(LifeEvent, LIFE_EVENTS)
    office_types = {t.code: t for t in FacilityType.objects.all()}
    for item in SERVICES:
        kind, khr, usd = item.fee
        unknown_fee = kind == "fixed" and khr is None and usd is None
        service, _created = Service.objects.update_or_create(
            slug=item.slug,
            defaults={
                "name_km": item.name_km, "name_en": item.name_en,
                "summary_km": item.summary_km, "summary_en": item.summary_en,
                "institution": institutions[item.institution],
                "for_citizens": item.for_citizens, "for_businesses": item.for_businesses,
                "eligibility_km": item.eligibility_km, "eligibility_en": item.eligibility_en,
                "documents_km": item.documents_km, "documents_en": item.documents_en,
                "fee_kind": "computed" if unknown_fee else kind,
                "fee_khr": Decimal(khr) if khr is not None else None,
                "fee_usd": Decimal(usd) if usd is not None else None,
                "fee_rules": item.fee_rules,
                "fee_note_km": ASK_THE_OFFICE_KM if unknown_fee else "",
                "fee_note_en": ASK_THE_OFFICE_EN if unknown_fee else "",
                "sla_working_days": item.sla,
                "processing_level": item.level,
                "handling_office_type": office_types.get(item.office_type),
                "channel": "online" if item.channel == "online" else item.channel,
                "external_url": item.external_url,
                "status": Service.Status.PUBLISHED,
            },
        )  # fmt: skip
        service.topics.set([topics[slug] for slug in item.topics])
        service.life_events.set([events[slug] for slug in item.life_events])
        counts.services += 1
        if item.slug in FORMS:
            counts.forms += 1
            counts.new_versions += _publish_form(service, FORMS[item.slug])
    return counts


def _named(model, rows) -> dict:
    found = {}
    for position, (slug, km, en) in enumerate(rows, start=1):
        found[slug], _created = model.objects.update_or_create(
            slug=slug, defaults={"name_km": km, "name_en": en, "position": position}
        )
    return found


def _publish_form(service: Service, definition: dict) -> int:
    """Publish the definition unless the service's published form already is it."""
    current = service.published_form()
    if current is not None and current.definition == definition:
        return 0
    draft = service.form_versions.filter(status=FormVersion.Status.DRAFT).first()
    if draft is None:
        number = (
            service.form_versions.order_by("-number").values_list("number", flat=True).first() or 0
        ) + 1
        draft = FormVersion(service=service, number=number)
    draft.definition = definition
    draft.save()
    do_publish_form_version(None, draft)
    return 1
