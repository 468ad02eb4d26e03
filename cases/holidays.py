"""Cambodia's public holidays for 2026 and 2027, as data (loaded by migration 0002).

Fixed-date holidays follow the royal sub-decree on public holidays (as reduced in 2024);
the lunar ones (Visak Bochea, the Royal Ploughing Ceremony, Pchum Ben and the Water
Festival) are the dates of the Khmer lunar calendar for those years. The government
publishes each year's list in advance: administrators check it against this list in the
Django admin (geo, public holidays) and add the following year there.
"""

from __future__ import annotations

NEW_YEAR = ("ពិធីបុណ្យចូលឆ្នាំថ្មីប្រពៃណីជាតិ", "Khmer New Year")
PCHUM_BEN = ("ពិធីបុណ្យភ្ជុំបិណ្ឌ", "Pchum Ben Festival")
WATER = ("ព្រះរាជពិធីបុណ្យអុំទូក បណ្តែតប្រទីប និងសំពះព្រះខែ អកអំបុក", "Water Festival")

FIXED = [
    ("01-01", "ទិវាចូលឆ្នាំសកល", "International New Year Day"),
    ("01-07", "ទិវាជ័យជម្នះលើរបបប្រល័យពូជសាសន៍", "Victory over Genocide Day"),
    ("03-08", "ទិវាអន្តរជាតិនារី", "International Women's Day"),
    ("04-14", *NEW_YEAR),
    ("04-15", *NEW_YEAR),
    ("04-16", *NEW_YEAR),
    ("05-01", "ទិវាពលកម្មអន្តរជាតិ", "International Labour Day"),
    ("05-14", "ព្រះរាជពិធីបុណ្យចម្រើនព្រះជន្មព្រះមហាក្សត្រ", "King's Birthday"),
    ("06-18", "ព្រះរាជពិធីបុណ្យចម្រើនព្រះជន្មសម្តេចព្រះមហាក្សត្រី", "Queen Mother's Birthday"),
    ("09-24", "ទិវាប្រកាសរដ្ឋធម្មនុញ្ញ", "Constitution Day"),
    ("10-15", "ទិវាប្រារព្ធពិធីគោរពព្រះវិញ្ញាណក្ខន្ធព្រះបរមរតនកោដ្ឋ", "King Father's Commemoration Day"),
    ("10-29", "ព្រះរាជពិធីគ្រងព្រះបរមរាជសម្បត្តិ", "Coronation Day"),
    ("11-09", "ពិធីបុណ្យឯករាជ្យជាតិ", "Independence Day"),
    ("12-29", "ទិវាសន្តិភាពនៅកម្ពុជា", "Peace Day in Cambodia"),
]

VISAK = ("ពិធីបុណ្យវិសាខបូជា", "Visak Bochea Day")
PLOUGHING = ("ព្រះរាជពិធីច្រត់ព្រះនង្គ័ល", "Royal Ploughing Ceremony")

LUNAR = {
    2026: [
        ("05-31", *VISAK), ("06-04", *PLOUGHING),
        ("10-09", *PCHUM_BEN), ("10-10", *PCHUM_BEN), ("10-11", *PCHUM_BEN),
        ("11-23", *WATER), ("11-24", *WATER), ("11-25", *WATER),
    ],
    2027: [
        ("05-20", *VISAK), ("05-24", *PLOUGHING),
        ("09-29", *PCHUM_BEN), ("09-30", *PCHUM_BEN), ("10-01", *PCHUM_BEN),
        ("11-13", *WATER), ("11-14", *WATER), ("11-15", *WATER),
    ],
}  # fmt: skip


def holidays(year: int) -> list[tuple[str, str, str]]:
    """Return (ISO date, Khmer name, English name) for the year's public holidays."""
    return [(f"{year}-{day}", km, en) for day, km, en in [*FIXED, *LUNAR.get(year, [])]]
