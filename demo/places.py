"""Demo offices and facilities built on the gazetteer (run `load_gazetteer` first).

A commune hall for every commune, a hall for every district, three provincial departments
in every province, the ministries in Phnom Penh (serving the whole country), and health
centres, schools, police posts, referral hospitals and markets in five provinces, named
in Khmer and English after the real places, plus a few well-known places with their real
locations. Loading is idempotent: facilities are keyed by a code made from the area code.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from geo.holidays import seed_public_holidays
from geo.hours import Interval, parse_hours
from geo.models import (
    CAPITAL_CODE,
    Area,
    Facility,
    FacilityType,
    Institution,
    JurisdictionArea,
    OpeningHours,
    PublicHoliday,
)

DEMO_PROVINCES = ("12", "17", "02", "03", "07")  # Phnom Penh, Siem Reap, Battambang, …

OFFICE_HOURS = "Mo-Fr 07:30-11:30,14:00-17:00"
HOURS = {
    "ministry": OFFICE_HOURS,
    "provincial-department": OFFICE_HOURS,
    "district-office": OFFICE_HOURS,
    "commune-hall": OFFICE_HOURS,
    "police-station": "Mo-Su 00:00-24:00",
    "school": "Mo-Fr 07:00-11:00,13:00-17:00",
    "health-centre": "Mo-Su 07:00-17:00",
    "referral-hospital": "Mo-Su 00:00-24:00",
    "market": "Mo-Su 05:00-18:00",
}
OPEN_ON_HOLIDAYS = {"police-station", "health-centre", "referral-hospital", "market"}

INSTITUTIONS = [
    # code, Khmer, English, website: each gets a ministry office in the capital, so that
    # the demo's ministry-level services have somewhere to go.
    ("moi", "ក្រសួងមហាផ្ទៃ", "Ministry of Interior", "https://www.interior.gov.kh"),
    ("moh", "ក្រសួងសុខាភិបាល", "Ministry of Health", "https://moh.gov.kh"),
    ("moeys", "ក្រសួងអប់រំ យុវជន និងកីឡា", "Ministry of Education, Youth and Sport",
     "https://moeys.gov.kh"),
    ("moc", "ក្រសួងពាណិជ្ជកម្ម", "Ministry of Commerce", "https://www.moc.gov.kh"),
    ("mef", "ក្រសួងសេដ្ឋកិច្ច និងហិរញ្ញវត្ថុ", "Ministry of Economy and Finance", "https://mef.gov.kh"),
    ("mptc", "ក្រសួងប្រៃសណីយ៍ និងទូរគមនាគមន៍", "Ministry of Post and Telecommunications",
     "https://mptc.gov.kh"),
    ("police", "អគ្គស្នងការដ្ឋាននគរបាលជាតិ", "General Commissariat of National Police", ""),
    ("gdt", "អគ្គនាយកដ្ឋានពន្ធដារ", "General Department of Taxation", "https://www.tax.gov.kh"),
    ("mlmupc", "ក្រសួងរៀបចំដែនដី នគរូបនីយកម្ម និងសំណង់",
     "Ministry of Land Management, Urban Planning and Construction", "https://www.mlmupc.gov.kh"),
    ("mpwt", "ក្រសួងសាធារណការ និងដឹកជញ្ជូន", "Ministry of Public Works and Transport",
     "https://www.mpwt.gov.kh"),
    ("moj", "ក្រសួងយុត្តិធម៌", "Ministry of Justice", "https://www.moj.gov.kh"),
    ("mlvt", "ក្រសួងការងារ និងបណ្តុះបណ្តាលវិជ្ជាជីវៈ", "Ministry of Labour and Vocational Training",
     "https://www.mlvt.gov.kh"),
    ("mop", "ក្រសួងផែនការ", "Ministry of Planning", "https://www.mop.gov.kh"),
    ("mot", "ក្រសួងទេសចរណ៍", "Ministry of Tourism", "https://www.tourismcambodia.org"),
    ("maff", "ក្រសួងកសិកម្ម រុក្ខាប្រមាញ់ និងនេសាទ", "Ministry of Agriculture, Forestry and Fisheries",
     "https://maff.gov.kh"),
]  # fmt: skip

# Provincial departments in every province: (institution, Khmer prefix, English suffix).
DEPARTMENTS = [
    ("moi", "សាលា", "Provincial Hall"),
    ("moh", "មន្ទីរសុខាភិបាល", "Provincial Health Department"),
    ("moeys", "មន្ទីរអប់រំ យុវជន និងកីឡា", "Provincial Department of Education, Youth and Sport"),
    ("mpwt", "មន្ទីរសាធារណការ និងដឹកជញ្ជូន", "Provincial Department of Public Works and Transport"),
    ("mot", "មន្ទីរទេសចរណ៍", "Provincial Department of Tourism"),
    ("maff", "មន្ទីរកសិកម្ម រុក្ខាប្រមាញ់ និងនេសាទ",
     "Provincial Department of Agriculture, Forestry and Fisheries"),
]  # fmt: skip

# Well-known places with their real locations: (code, type, area, Khmer, English, lat, lng,
# institution).
LANDMARKS = [
    ("calmette-hospital", "referral-hospital", "120210", "មន្ទីរពេទ្យកាល់ម៉ែត",
     "Calmette Hospital", "11.581100", "104.916900", "moh"),
    ("phsar-thmei", "market", "120201", "ផ្សារធំថ្មី", "Central Market (Phsar Thmei)",
     "11.569700", "104.921100", "moc"),
    ("phsar-tuol-tumpung", "market", "120109", "ផ្សារទួលទំពូង",
     "Russian Market (Phsar Tuol Tumpung)", "11.539100", "104.917500", "moc"),
    ("phsar-chas-siem-reap", "market", "171002", "ផ្សារចាស់សៀមរាប",
     "Old Market (Phsar Chas), Siem Reap", "13.354600", "103.855400", "moc"),
    ("angkor-hospital-for-children", "referral-hospital", "171002", "មន្ទីរពេទ្យកុមារអង្គរ",
     "Angkor Hospital for Children", "13.363700", "103.859700", "moh"),
    ("battambang-referral-hospital", "referral-hospital", "0203", "មន្ទីរពេទ្យបង្អែកខេត្តបាត់ដំបង",
     "Battambang Provincial Referral Hospital", "13.098000", "103.200500", "moh"),
    ("phsar-nath-battambang", "market", "020310", "ផ្សារណាត់", "Phsar Nath, Battambang",
     "13.100300", "103.198300", "moc"),
    ("kampot-market", "market", "070803", "ផ្សារកំពត", "Kampot Market",
     "10.610600", "104.181700", "moc"),
]  # fmt: skip


@dataclass
class DemoCounts:
    created: int = 0
    existing: int = 0
    holidays: int = 0


@dataclass
class _Planned:
    code: str
    type_code: str
    area: Area
    name_km: str
    name_en: str
    institution: str = ""
    latitude: str = ""
    longitude: str = ""
    national: bool = False


def _commune_word(area: Area) -> tuple[str, str]:
    return ("សង្កាត់", "Sangkat") if area.is_capital else ("ឃុំ", "Commune")


def _district_word(area: Area) -> tuple[str, str]:
    return ("ខណ្ឌ", "Khan") if area.is_capital else ("ស្រុក", "District")


def plan_facilities(areas: list[Area]) -> list[_Planned]:
    """Return every demo facility to create for the given (current) areas."""
    planned: list[_Planned] = []
    by_code = {a.code: a for a in areas}
    for area in areas:
        if area.level == Area.Level.PROVINCE:
            planned += _province_offices(area)
        elif area.level == Area.Level.DISTRICT:
            planned += _district_offices(area)
        elif area.level == Area.Level.COMMUNE:
            planned += _commune_offices(area)
    capital = by_code.get(CAPITAL_CODE)
    if capital:
        for code, km, en, _website in INSTITUTIONS:
            planned.append(
                _Planned(f"ministry-{code}", "ministry", capital, km, en, code, national=True)
            )
    for code, kind, area_code, km, en, lat, lng, institution in LANDMARKS:
        if area_code in by_code:
            planned.append(_Planned(code, kind, by_code[area_code], km, en, institution, lat, lng))
    return planned


def _in_demo_province(area: Area) -> bool:
    return area.lineage_codes[0] in DEMO_PROVINCES


def _province_offices(area: Area) -> list[_Planned]:
    return [
        _Planned(f"{institution}-department-{area.code}", "provincial-department", area,
                 f"{km}{area.name_km}", f"{area.name_en} {en}", institution)
        for institution, km, en in DEPARTMENTS
    ]  # fmt: skip


def _district_offices(area: Area) -> list[_Planned]:
    km, en = _district_word(area)
    planned = [
        _Planned(f"district-office-{area.code}", "district-office", area,
                 f"សាលា{km}{area.name_km}", f"{en} Hall of {area.name_en}", "moi")
    ]  # fmt: skip
    if _in_demo_province(area):
        planned += [
            _Planned(f"referral-hospital-{area.code}", "referral-hospital", area,
                     f"មន្ទីរពេទ្យបង្អែក{area.name_km}", f"{area.name_en} Referral Hospital",
                     "moh"),
            _Planned(f"market-{area.code}", "market", area, f"ផ្សារ{area.name_km}",
                     f"{area.name_en} Market", "moc"),
        ]  # fmt: skip
    return planned


def _commune_offices(area: Area) -> list[_Planned]:
    km, en = _commune_word(area)
    planned = [
        _Planned(f"commune-hall-{area.code}", "commune-hall", area,
                 f"សាលា{km}{area.name_km}", f"{area.name_en} {en} Hall", "moi")
    ]  # fmt: skip
    if _in_demo_province(area):
        planned += _commune_services(area)
    return planned


def _commune_services(area: Area) -> list[_Planned]:
    services = [
        _Planned(f"school-{area.code}", "school", area, f"សាលាបឋមសិក្សា{area.name_km}",
                 f"{area.name_en} Primary School", "moeys"),
        _Planned(f"police-post-{area.code}", "police-station", area,
                 f"ប៉ុស្តិ៍នគរបាលរដ្ឋបាល{area.name_km}",
                 f"{area.name_en} Administrative Police Post", "police"),
    ]  # fmt: skip
    # Health centres serve about two communes each: one in every commune with an odd code.
    if int(area.code) % 2:
        services.append(
            _Planned(f"health-centre-{area.code}", "health-centre", area,
                     f"មណ្ឌលសុខភាព{area.name_km}", f"{area.name_en} Health Centre", "moh")
        )  # fmt: skip
    return services


@transaction.atomic
def load_demo_places() -> DemoCounts:
    """Create the demo institutions, facilities and holidays that do not exist yet."""
    if not settings.SALA_DEMO_DATA_ALLOWED:
        raise ImproperlyConfigured("Demo data cannot be loaded when SALA_ENV=production.")
    counts = DemoCounts()
    institutions = {}
    for code, km, en, website in INSTITUTIONS:
        institutions[code], _created = Institution.objects.get_or_create(
            code=code, defaults={"name_km": km, "name_en": en, "website": website}
        )
    counts.holidays = _load_holidays()
    areas = list(Area.objects.current().exclude(level=Area.Level.VILLAGE))
    planned = plan_facilities(areas)
    existing = set(
        Facility.objects.filter(code__in=[p.code for p in planned]).values_list("code", flat=True)
    )
    types = {t.code: t for t in FacilityType.objects.all()}
    new = [p for p in planned if p.code not in existing]
    counts.existing = len(planned) - len(new)
    Facility.objects.bulk_create(
        [
            Facility(
                code=p.code,
                type=types[p.type_code],
                area=p.area,
                institution=institutions.get(p.institution),
                name_km=p.name_km,
                name_en=p.name_en,
                latitude=Decimal(p.latitude) if p.latitude else None,
                longitude=Decimal(p.longitude) if p.longitude else None,
                open_on_public_holidays=p.type_code in OPEN_ON_HOLIDAYS,
            )
            for p in new
        ],
        batch_size=1000,
    )
    counts.created = len(new)
    _add_hours_and_jurisdiction(new, areas)
    return counts


def _add_hours_and_jurisdiction(new: list[_Planned], areas: list[Area]) -> None:
    ids = dict(Facility.objects.filter(code__in=[p.code for p in new]).values_list("code", "pk"))
    parsed: dict[str, list[Interval]] = {kind: parse_hours(text) for kind, text in HOURS.items()}
    OpeningHours.objects.bulk_create(
        [
            OpeningHours(
                facility_id=ids[p.code],
                weekday=interval.weekday,
                opens=interval.opens,
                closes=interval.closes,
            )
            for p in new
            for interval in parsed.get(p.type_code, [])
        ],
        batch_size=2000,
    )
    provinces = [a for a in areas if a.level == Area.Level.PROVINCE]
    JurisdictionArea.objects.bulk_create(
        [
            JurisdictionArea(facility_id=ids[p.code], area=province)
            for p in new
            if p.national
            for province in provinces
        ]
    )


def _load_holidays() -> int:
    """Public holidays of this year and the next, if the migrations did not add them."""
    year = datetime.date.today().year  # only the year matters
    return seed_public_holidays(PublicHoliday, year, year + 1).created
