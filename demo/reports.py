"""Citizen reports demo data: problems the demo `citizen` reported in Phnom Penh's Phsar
Thmei I (whose commune hall's demo `clerk` answers them) and in Siem Reap's Sla Kram, in
several states with the office's notes, in real Khmer and English. Each description says
it is demo data. Idempotent: a report is keyed by its reference (DEMO…)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from accounts.models import User
from geo.models import Area
from geo.nearest import Point
from reports.models import Category, Report
from reports.reporting import Problem, do_change_status, do_send_report

# reference, category, commune, point, where, description, notes [(status, note)]
REPORTS = [
    ("DEMOROAD", "road", "120201", (11.5701, 104.9205), "ផ្លូវ ១៣០ / Street 130",
     "(ទិន្នន័យសាកល្បង) មានរណ្តៅធំមួយនៅកណ្តាលផ្លូវ ១៣០ ជិតផ្សារធំថ្មី។ ម៉ូតូធ្លាក់ពីរដងហើយក្នុងសប្តាហ៍នេះ។\n"
     "(Demo data) A deep pothole in the middle of Street 130 near the Central Market. "
     "Two motorbikes fell in it this week.",
     [("in_progress", "(ទិន្នន័យសាកល្បង) ក្រុមជួសជុលនឹងមកចាក់កៅស៊ូនៅថ្ងៃច័ន្ទ។ / "
       "(Demo data) The repair team will fill it with asphalt on Monday.")]),
    ("DEMOLITE", "street-light", "120201", (11.5689, 104.9220), "ផ្លូវ ៦៣ / Street 63",
     "(ទិន្នន័យសាកល្បង) ភ្លើងបំភ្លឺផ្លូវបីដើមរលត់អស់មួយសប្តាហ៍ហើយ ផ្លូវងងឹតណាស់នៅពេលយប់។\n"
     "(Demo data) Three street lights have been out for a week; the street is very dark at night.",
     [("in_progress", "(ទិន្នន័យសាកល្បង) យើងបានជូនដំណឹងទៅអគ្គិសនីកម្ពុជាហើយ។ / "
       "(Demo data) We have told Electricité du Cambodge."),
      ("fixed", "(ទិន្នន័យសាកល្បង) អំពូលទាំងបីត្រូវបានប្តូររួចហើយ។ / "
       "(Demo data) All three lamps were replaced.")]),
    ("DEMOTRSH", "rubbish", "120201", None, "ខាងក្រោយផ្សារធំថ្មី / Behind the Central Market",
     "(ទិន្នន័យសាកល្បង) សំរាមគរនៅខាងក្រោយផ្សារ មិនបានប្រមូលអស់បីថ្ងៃហើយ។\n"
     "(Demo data) Rubbish piled up behind the market has not been collected for three days.",
     [("closed", "(ទិន្នន័យសាកល្បង) ទីនេះជាដីឯកជន៖ យើងបានប្រាប់ម្ចាស់ដីឱ្យសម្អាត។ / "
       "(Demo data) This is private land: we told the owner to clear it.")]),
    ("DEMOFLUD", "flooding", "120201", (11.5710, 104.9190), "ផ្លូវ ១៣៦ / Street 136",
     "(ទិន្នន័យសាកល្បង) រាល់ពេលភ្លៀង ផ្លូវ ១៣៦ លិចទឹកដល់ជង្គង់ ព្រោះលូស្ទះ។\n"
     "(Demo data) Every time it rains Street 136 floods knee-deep because the drain is blocked.",
     []),
    ("DEMOWATR", "water", "171001", (13.3622, 103.8597), "ភូមិស្លក្រាម / Sla Kram village",
     "(ទិន្នន័យសាកល្បង) បំពង់ទឹកបែកនៅមុខសាលារៀន ទឹកហូរចោលតាំងពីម្សិលមិញ។\n"
     "(Demo data) A burst water pipe in front of the school has been running since yesterday.",
     []),
]  # fmt: skip


@dataclass
class DemoReports:
    created: int = 0
    existing: int = 0
    notes: int = 0

    def summary(self) -> str:
        return (
            f"Demo citizen reports: {self.created} created, {self.existing} already there; "
            f"{self.notes} status notes."
        )


@transaction.atomic
def load_demo() -> DemoReports:
    if not settings.SALA_DEMO_DATA_ALLOWED:
        raise ImproperlyConfigured("Demo data cannot be loaded when SALA_ENV=production.")
    counts = DemoReports()
    citizen = User.objects.filter(username="citizen").first()
    clerk = User.objects.filter(username="clerk").first()
    for reference, code, area_code, point, place, description, notes in REPORTS:
        area = Area.objects.filter(code=area_code).first()
        if Report.objects.filter(reference=reference).exists():
            counts.existing += 1
            continue
        if area is None:
            continue
        problem = Problem(
            category=Category.objects.get(code=code),
            area=area,
            description=description,
            point=Point(*point) if point else None,
            place=place,
        )
        report = do_send_report(citizen, problem)
        Report.objects.filter(pk=report.pk).update(reference=reference)
        report.reference = reference
        counts.created += 1
        for status, note in notes:
            if clerk is not None and clerk.has_perm("reports.change_status", report):
                do_change_status(clerk, report, status, note)
                counts.notes += 1
    return counts
