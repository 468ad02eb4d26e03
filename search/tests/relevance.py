"""The relevance set: queries people type (Khmer, English, romanised, misspelt) and the
documents of `corpus.py` that must be among the first five results. Each line is
(query, language of the page searched from, accepted short names)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

QUERIES: list[tuple[str, str, set[str]]] = [
    # Areas in Khmer (one with the other spelling of the subscript ta)
    ("បាត់ដំបង", "km", {"area:02"}),
    ("ខេត្តបាត់ដំបង", "km", {"area:02"}),
    ("សៀមរាប", "km", {"area:17"}),
    ("ខេត្តសៀមរាប", "km", {"area:17"}),
    ("កំពង់ចាម", "km", {"area:03"}),
    ("ភ្នំពេញ", "km", {"area:12"}),
    ("រាជធានីភ្នំពេញ", "km", {"area:12"}),
    ("កំពត", "km", {"area:07"}),
    ("តាកែវ", "km", {"area:21"}),
    ("កែប", "km", {"area:23"}),
    ("ប៉ៃលិន", "km", {"area:24"}),
    ("ព្រះវិហារ", "km", {"area:13"}),
    ("ស្វាយរៀង", "km", {"area:20"}),
    ("មណ្ឌលគិរី", "km", {"area:11"}),
    ("រតនគិរី", "km", {"area:16"}),
    ("ស្ទឹងត្រែង", "km", {"area:19"}),
    ("កោះកុង", "km", {"area:09"}),
    ("ក្រចេះ", "km", {"area:10"}),
    ("ពោធិ៍សាត់", "km", {"area:15"}),
    ("ព្រៃវែង", "km", {"area:14"}),
    ("កណ្តាល", "km", {"area:08"}),
    ("ស្រុកបវេល", "km", {"area:0204"}),
    ("ដូនពេញ", "km", {"area:1202"}),
    ("ចំការមន", "km", {"area:1201"}),
    ("ទួលគោក", "km", {"area:1204"}),
    ("អង្គរធំ", "km", {"area:1702"}),
    ("បន្ទាយស្រី", "km", {"area:1703"}),
    ("សង្កែ", "km", {"area:0208"}),
    ("ថ្មគោល", "km", {"area:0202"}),
    # Areas in English and romanised
    ("Battambang", "en", {"area:02"}),
    ("Siem Reap", "en", {"area:17"}),
    ("siemreap", "en", {"area:17"}),
    ("Kampong Cham", "en", {"area:03"}),
    ("kampongcham", "en", {"area:03"}),
    ("Phnom Penh", "en", {"area:12"}),
    ("Kampot", "en", {"area:07"}),
    ("Takeo", "en", {"area:21"}),
    ("Kep", "en", {"area:23"}),
    ("Pailin", "en", {"area:24"}),
    ("Preah Vihear", "en", {"area:13"}),
    ("Svay Rieng", "en", {"area:20"}),
    ("Mondulkiri", "en", {"area:11"}),
    ("Ratanakiri", "en", {"area:16"}),
    ("Stung Treng", "en", {"area:19"}),
    ("Koh Kong", "en", {"area:09"}),
    ("Kratie", "en", {"area:10"}),
    ("Pursat", "en", {"area:15"}),
    ("Prey Veng", "en", {"area:14"}),
    ("Kandal", "en", {"area:08"}),
    ("Bavel", "en", {"area:0204"}),
    ("Doun Penh", "en", {"area:1202"}),
    ("Chamkar Mon", "en", {"area:1201"}),
    ("Tuol Kouk", "en", {"area:1204"}),
    ("Angkor Thum", "en", {"area:1702"}),
    ("Banteay Srei", "en", {"area:1703"}),
    ("Banteay Meanchey", "en", {"area:01"}),
    ("Sihanoukville", "en", {"area:18"}),
    ("Tboung Khmum", "en", {"area:25"}),
    ("Oddar Meanchey", "en", {"area:22"}),
    ("Kampong Speu", "en", {"area:05"}),
    ("Kampong Thom", "en", {"area:06"}),
    ("Kampong Chhnang", "en", {"area:04"}),
    # Latin letters on the Khmer pages reach the Khmer names
    ("Battambang", "km", {"area:02"}),
    ("Siem Reap", "km", {"area:17"}),
    ("Kampong Cham", "km", {"area:03"}),
    ("khet Battambang", "km", {"area:02"}),
    ("khum Sla Kram", "km", {"area:171001", "place:hall-171001"}),
    ("sangkat Tonle Basak", "km", {"area:120101", "place:hall-120101"}),
    ("srok Bavel", "km", {"area:0204"}),
    # Misspelt
    ("Batambang", "en", {"area:02"}),
    ("Battambong", "en", {"area:02"}),
    ("Siem Riep", "en", {"area:17"}),
    ("Kompong Cham", "en", {"area:03"}),
    ("Phnom Phen", "en", {"area:12"}),
    ("pasport", "en", {"page:passport"}),
    ("birth certficate", "en", {"page:birth-certificate"}),
    ("vacination", "en", {"page:vaccination"}),
    ("mariage", "en", {"page:marriage"}),
    ("drivng licence", "en", {"page:driving-licence"}),
    ("electrcity", "en", {"page:electricity"}),
    ("hospitl Battambang", "en", {"place:btb-hospital"}),
    # Services and information in English
    ("passport", "en", {"page:passport"}),
    ("apply for a passport", "en", {"page:passport"}),
    ("birth certificate", "en", {"page:birth-certificate"}),
    ("register a birth", "en", {"page:birth-certificate"}),
    ("identity card", "en", {"page:id-card"}),
    ("national ID card", "en", {"page:id-card"}),
    ("register a business", "en", {"page:business-registration"}),
    ("company registration", "en", {"page:business-registration"}),
    ("marriage registration", "en", {"page:marriage"}),
    ("land title", "en", {"page:land-title"}),
    ("driving licence", "en", {"page:driving-licence"}),
    ("motorbike licence", "en", {"page:driving-licence"}),
    ("vaccination", "en", {"page:vaccination", "page:vaccination-siem-reap"}),
    ("measles", "en", {"page:vaccination"}),
    ("enrol in school", "en", {"page:school-enrolment"}),
    ("primary school", "en", {"page:school-enrolment"}),
    ("pension", "en", {"page:pension"}),
    ("social security", "en", {"page:pension"}),
    ("electricity connection", "en", {"page:electricity"}),
    ("property tax", "en", {"page:property-tax"}),
    ("flood warning", "en", {"page:flood-battambang"}),
    ("flood Battambang", "en", {"page:flood-battambang"}),
    ("vaccination campaign Siem Reap", "en", {"page:vaccination-siem-reap"}),
    ("new market Kampong Cham", "en", {"page:market-kampong-cham"}),
    ("road repairs Phnom Penh", "en", {"page:roads-phnom-penh"}),
    ("Ministry of Health", "en", {"page:moh", "place:moh-hq"}),
    ("Ministry of Commerce", "en", {"page:moc"}),
    ("Ministry of Interior", "en", {"page:moi"}),
    ("Ministry of Education", "en", {"page:moeys"}),
    # Services and information in Khmer, with and without spaces
    ("លិខិតឆ្លងដែន", "km", {"page:passport"}),
    ("ស្នើសុំលិខិតឆ្លងដែន", "km", {"page:passport"}),
    ("ខ្ញុំចង់ស្នើសុំលិខិតឆ្លងដែន", "km", {"page:passport"}),
    ("សំបុត្រកំណើត", "km", {"page:birth-certificate"}),
    ("អត្តសញ្ញាណប័ណ្ណ", "km", {"page:id-card"}),
    ("ចុះបញ្ជីអាជីវកម្ម", "km", {"page:business-registration"}),
    ("ចុះបញ្ជី ក្រុមហ៊ុន", "km", {"page:business-registration"}),
    ("អាពាហ៍ពិពាហ៍", "km", {"page:marriage"}),
    ("ប្លង់កម្មសិទ្ធិ", "km", {"page:land-title"}),
    ("ដីធ្លី", "km", {"page:land-title"}),
    ("ប័ណ្ណបើកបរ", "km", {"page:driving-licence"}),
    ("វ៉ាក់សាំង", "km", {"page:vaccination", "page:vaccination-siem-reap"}),
    ("កញ្ច្រឹល", "km", {"page:vaccination"}),
    ("ចូលរៀន", "km", {"page:school-enrolment"}),
    ("សោធននិវត្តន៍", "km", {"page:pension"}),
    ("អគ្គិសនី", "km", {"page:electricity"}),
    ("ពន្ធអចលនទ្រព្យ", "km", {"page:property-tax"}),
    ("ទឹកជំនន់", "km", {"page:flood-battambang"}),
    ("ក្រសួងសុខាភិបាល", "km", {"page:moh", "place:moh-hq"}),
    ("ក្រសួងពាណិជ្ជកម្ម", "km", {"page:moc"}),
    ("ក្រសួងមហាផ្ទៃ", "km", {"page:moi"}),
    ("ក្រសួងអប់រំ", "km", {"page:moeys"}),
    # Offices and facilities
    ("ផ្សារណាត់", "km", {"place:psar-nath"}),
    ("Psar Nath", "en", {"place:psar-nath"}),
    ("ផ្សារចាស់", "km", {"place:old-market"}),
    ("Old Market Siem Reap", "en", {"place:old-market"}),
    ("Central Market", "en", {"place:central-market"}),
    ("Phsar Thmei", "en", {"place:central-market"}),
    ("Russian Market", "en", {"place:russian-market"}),
    ("ផ្សាររុស្សី", "km", {"place:russian-market"}),
    ("មន្ទីរពេទ្យបង្អែកខេត្តបាត់ដំបង", "km", {"place:btb-hospital"}),
    ("Battambang referral hospital", "en", {"place:btb-hospital"}),
    ("hospital Battambang", "en", {"place:btb-hospital"}),
    ("វិទ្យាល័យព្រះមុនីវង្ស", "km", {"place:monivong-school"}),
    ("Preah Monivong High School", "en", {"place:monivong-school"}),
    ("Sisowath high school", "en", {"place:sisowath-school"}),
    ("មន្ទីរសុខាភិបាលខេត្តសៀមរាប", "km", {"place:sr-health-dept"}),
    ("Siem Reap health department", "en", {"place:sr-health-dept"}),
    ("Bavel health centre", "en", {"place:bavel-hc"}),
    ("មណ្ឌលសុខភាពបវេល", "km", {"place:bavel-hc"}),
    ("Sla Kram commune hall", "en", {"place:hall-171001"}),
    ("សាលាឃុំស្លក្រាម", "km", {"place:hall-171001"}),
    ("police Battambang", "en", {"place:btb-police"}),
]


def evaluate(search, ids: dict[str, str]) -> tuple[float, float, list[str]]:
    """Return (recall@5, MRR, the queries that missed) of the tuning set for
    `search(text, language)`, a function returning the ranked document keys."""
    cases = [("tuning", text, language, wanted) for text, language, wanted in QUERIES]
    result = evaluate_cases(cases, search, ids)
    return result.recall, result.mrr, result.missed


@dataclass
class Evaluation:
    """Recall@5 and MRR of a set of cases, in total and per kind."""

    cases: int = 0
    found: int = 0
    reciprocal: float = 0.0
    per_kind: dict[str, list[int]] = field(default_factory=dict)  # kind: [found, cases]
    missed: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.cases if self.cases else 0.0

    @property
    def mrr(self) -> float:
        return self.reciprocal / self.cases if self.cases else 0.0


def evaluate_cases(
    cases: list[tuple[str, str, str, set[str]]],
    search: Callable[[str, str], list[str]],
    ids: dict[str, str],
    progress: Callable[[int, int], None] | None = None,
) -> Evaluation:
    """Run (kind, query, language, wanted) cases; a case is found when one of the wanted
    short names is among the first five results."""
    out = Evaluation()
    for number, (kind, text, language, wanted) in enumerate(cases, 1):
        names = [ids.get(key, key) for key in search(text, language)]
        rank = next((i + 1 for i, name in enumerate(names[:5]) if name in wanted), None)
        counts = out.per_kind.setdefault(kind, [0, 0])
        counts[1] += 1
        out.cases += 1
        if rank is None:
            out.missed.append(f"[{kind}] {text!r} ({language}): got {names[:5]}")
        else:
            counts[0] += 1
            out.found += 1
            out.reciprocal += 1 / rank
        if progress:
            progress(number, len(cases))
    return out
