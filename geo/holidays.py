"""Cambodia's public holidays, from the `holidays` package, into `PublicHoliday`.

The package computes the dates, lunar ones included (Visak Bochea, the Royal Ploughing
Ceremony, Pchum Ben, the Water Festival) and follows the sub-decrees that changed the list
(fewer holidays from 2024); we give each holiday its name in Khmer and English (NAMES).
The government publishes each year's list in advance: administrators check the seeded
days in the Django admin (geo, public holidays) and add or remove days there; seeding
never touches a year that already has holidays, so their changes stay.

    manage.py seed_public_holidays 2026 2030
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import holidays as holidays_package

COUNTRY = "KH"

# The package's English name → our Khmer and English names.
NEW_YEAR = ("ពិធីបុណ្យចូលឆ្នាំថ្មីប្រពៃណីជាតិ", "Khmer New Year")
NAMES: dict[str, tuple[str, str]] = {
    "International New Year Day": ("ទិវាចូលឆ្នាំសកល", "International New Year Day"),
    "Day of Victory over the Genocidal Regime": (
        "ទិវាជ័យជម្នះលើរបបប្រល័យពូជសាសន៍",
        "Victory over Genocide Day",
    ),
    "International Women's Rights Day": ("ទិវាអន្តរជាតិនារី", "International Women's Day"),
    "Khmer New Year's Day": NEW_YEAR,
    "International Labor Day": ("ទិវាពលកម្មអន្តរជាតិ", "International Labour Day"),
    "Visaka Bochea Day": ("ពិធីបុណ្យវិសាខបូជា", "Visak Bochea Day"),
    "Royal Ploughing Ceremony": ("ព្រះរាជពិធីច្រត់ព្រះនង្គ័ល", "Royal Ploughing Ceremony"),
    "HM King Norodom Sihamoni's Birthday": (
        "ព្រះរាជពិធីបុណ្យចម្រើនព្រះជន្មព្រះមហាក្សត្រ",
        "King's Birthday",
    ),
    "HM Queen Norodom Monineath Sihanouk the Queen-Mother's Birthday": (
        "ព្រះរាជពិធីបុណ្យចម្រើនព្រះជន្មសម្តេចព្រះមហាក្សត្រី",
        "Queen Mother's Birthday",
    ),
    "Constitution Day": ("ទិវាប្រកាសរដ្ឋធម្មនុញ្ញ", "Constitution Day"),
    "Pchum Ben Day": ("ពិធីបុណ្យភ្ជុំបិណ្ឌ", "Pchum Ben Festival"),
    "HM King Norodom Sihanouk Mourning Day": (
        "ទិវាប្រារព្ធពិធីគោរពព្រះវិញ្ញាណក្ខន្ធព្រះបរមរតនកោដ្ឋ",
        "King Father's Commemoration Day",
    ),
    "HM King Norodom Sihamoni's Coronation Day": (
        "ព្រះរាជពិធីគ្រងព្រះបរមរាជសម្បត្តិ",
        "Coronation Day",
    ),
    "National Independence Day": ("ពិធីបុណ្យឯករាជ្យជាតិ", "Independence Day"),
    "Water Festival": (
        "ព្រះរាជពិធីបុណ្យអុំទូក បណ្តែតប្រទីប និងសំពះព្រះខែ អកអំបុក",
        "Water Festival",
    ),
    "Peace Day in Cambodia": ("ទិវាសន្តិភាពនៅកម្ពុជា", "Peace Day in Cambodia"),
}


@dataclass(frozen=True)
class Holiday:
    date: datetime.date
    name_km: str
    name_en: str


def cambodian_holidays(year: int) -> list[Holiday]:
    """Return the year's public holidays, in date order; two on one day share the row."""
    english = holidays_package.country_holidays(COUNTRY, years=year, language="en_US")
    khmer = holidays_package.country_holidays(COUNTRY, years=year, language="km")
    found = []
    for day in sorted(english):
        names = [
            NAMES.get(en, (km, en))
            for en, km in zip(english.get_list(day), khmer.get_list(day), strict=True)
        ]
        found.append(
            Holiday(
                day,
                " និង".join(km for km, _en in names),
                " and ".join(en for _km, en in names),
            )
        )
    return found


def unnamed_holidays(years: Iterable[int]) -> set[str]:
    """Return the package's English names in those years that NAMES does not translate."""
    english = holidays_package.country_holidays(COUNTRY, years=list(years), language="en_US")
    return {name for day in english for name in english.get_list(day)} - set(NAMES)


@dataclass
class SeedReport:
    created: int = 0
    years_seeded: list[int] = field(default_factory=list)
    years_kept: list[int] = field(default_factory=list)  # already had holidays

    def summary(self) -> str:
        return (
            f"{self.created} public holidays added for {_years(self.years_seeded)}; "
            f"{_years(self.years_kept)} kept as they were."
        )


def seed_public_holidays(model: Any, first_year: int, last_year: int) -> SeedReport:
    """Add the public holidays of each year from `first_year` to `last_year` that has none
    yet (`model` is geo.PublicHoliday, or its historical version in a migration)."""
    report = SeedReport()
    for year in range(first_year, last_year + 1):
        if model.objects.filter(date__year=year).exists():
            report.years_kept.append(year)
            continue
        rows = [
            model(date=h.date, name_km=h.name_km, name_en=h.name_en)
            for h in cambodian_holidays(year)
        ]
        model.objects.bulk_create(rows)
        report.created += len(rows)
        report.years_seeded.append(year)
    return report


def _years(years: list[int]) -> str:
    return ", ".join(str(year) for year in years) or "no year"
