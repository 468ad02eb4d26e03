"""Forums demo data: two topic boards and the area boards (every province, and the
commune board Sangkat Phsar Thmei Ti Muoy's hall opened), Khmer and English questions
from the demo `citizen` with officers' verified answers (some accepted), and one open
consultation of the sangkat hall with comments and supports. The demo `chief` also
moderates the hall's boards (the moderation queue at /forums/moderation/).

Real Khmer and English written for the demo; each board says it is demo data.
Idempotent: a board or question that exists already is left as it is.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from accounts.models import OfficeMembership, Role, User
from forums import writing
from forums.models import Board, Comment, Consultation, Post, Support, Thread, Visibility
from forums.posting import open_province_boards
from geo.models import Facility

HALL = "commune-hall-120201"
MINISTRY = "ministry-mptc"
DEMO_NOTE_KM = "(ទិន្នន័យសាកល្បង)"
DEMO_NOTE_EN = "(Demo data.)"

# slug, office, Khmer title, English title, Khmer description, English description
TOPIC_BOARDS = [
    (
        "identity-and-civil-status", HALL, "អត្តសញ្ញាណប័ណ្ណ និងអត្រានុកូលដ្ឋាន",
        "ID cards and civil status",
        "សំណួរអំពីអត្តសញ្ញាណប័ណ្ណ សំបុត្រកំណើត សំបុត្រអាពាហ៍ពិពាហ៍ និងសៀវភៅគ្រួសារ។",
        "Questions about ID cards, birth and marriage certificates and the family book.",
    ),
    (
        "online-services", MINISTRY, "សេវាអនឡាញ និងការបង់ប្រាក់",
        "Online services and payments",
        "សំណួរអំពីការប្រើប្រាស់សាលា ការដាក់ពាក្យអនឡាញ និងការបង់ថ្លៃសេវាតាម KHQR។",
        "Questions about using Sala, applying online and paying fees with KHQR.",
    ),
]  # fmt: skip

# board slug, asker, title, question, answerer, office, answer, accepted
THREADS = [
    (
        "identity-and-civil-status", "citizen",
        "តើត្រូវយកឯកសារអ្វីខ្លះ ដើម្បីធ្វើអត្តសញ្ញាណប័ណ្ណលើកដំបូង?",
        "កូនស្រីខ្ញុំអាយុ ១៥ ឆ្នាំហើយ។ តើយើងត្រូវយកឯកសារអ្វីខ្លះទៅប៉ុស្តិ៍នគរបាល ហើយត្រូវចំណាយពេលប៉ុន្មានថ្ងៃ?",
        "clerk", HALL,
        "សូមយក **សៀវភៅគ្រួសារ** និង **សំបុត្រកំណើត** ច្បាប់ដើម។ កូនត្រូវទៅផ្ទាល់ដើម្បីផ្តិតមេដៃ "
        "និងថតរូប។ ជាធម្មតា ប័ណ្ណរួចរាល់ក្នុងរយៈពេលប្រហែល ៣០ ថ្ងៃ។",
        True,
    ),
    (
        "identity-and-civil-status", "citizen",
        "សំបុត្រកំណើតរបស់ខ្ញុំបាត់ តើត្រូវធ្វើដូចម្តេច?",
        "ខ្ញុំកើតនៅសង្កាត់ផ្សារថ្មីទី១ ប៉ុន្តែឥឡូវរស់នៅខេត្តសៀមរាប។ តើខ្ញុំអាចស្នើសុំច្បាប់ចម្លងពីចម្ងាយបានទេ?",
        "chief", HALL,
        "បាន។ សូមដាក់ពាក្យស្នើសុំ **ច្បាប់ចម្លងសំបុត្រកំណើត** នៅលើសាលា ហើយជ្រើសរើសសង្កាត់ដែលអ្នកកើត។ "
        "សាលាសង្កាត់នឹងពិនិត្យបញ្ជីកំណើត ហើយអ្នកអាចទាញយកឯកសារដែលមានកូដ QR បាន។",
        True,
    ),
    (
        "online-services", "citizen",
        "Can I pay the birth certificate copy fee with KHQR?",
        "I applied online last week. Which banking apps work, and do I get a receipt?",
        "editor", MINISTRY,
        "Yes. Any banking app that scans **KHQR** works (ABA, ACLEDA, Wing and others). "
        "Once the payment is confirmed, your receipt appears on the application's page and "
        "can be checked at /verify/.",
        True,
    ),
    (
        "commune-120201", "citizen",
        "តើសាលាសង្កាត់បើកធ្វើការនៅថ្ងៃសៅរ៍ដែរឬទេ?",
        "ខ្ញុំធ្វើការពេញមួយសប្តាហ៍ ហើយចង់មកស្នើសុំលិខិតបញ្ជាក់ទីលំនៅ។",
        "counter", HALL,
        "សាលាសង្កាត់បើកនៅព្រឹកថ្ងៃសៅរ៍ ពីម៉ោង ៧:៣០ ដល់ម៉ោង ១១:៣០ សម្រាប់បញ្ជរទទួលពាក្យ។ "
        "អ្នកក៏អាចដាក់ពាក្យអនឡាញបានគ្រប់ពេល។",
        False,
    ),
]  # fmt: skip

CONSULTATION = {
    "title_km": "ការរៀបចំចំណតម៉ូតូ និងរថយន្តនៅជុំវិញផ្សារធំថ្មី",
    "title_en": "Motorbike and car parking around Central Market",
    "body_km": (
        "សាលាសង្កាត់ផ្សារថ្មីទី១ សូមស្តាប់មតិរបស់អ្នកអំពីសេចក្តីព្រាងផែនការចំណត៖\n\n"
        "- ចំណតម៉ូតូតែម្ខាងផ្លូវ នៅផ្លូវលេខ ១៣០ និង ១៣៦\n"
        "- ហាមចតរថយន្តពីម៉ោង ៦:០០ ដល់ ៩:០០ ព្រឹក ពេលដឹកទំនិញ\n"
        "- ចំណតបង់ប្រាក់តាម KHQR\n\n"
        "តើអ្នកយល់ស្របទេ? តើមានអ្វីដែលគួរកែប្រែ? " + DEMO_NOTE_KM
    ),
    "body_en": (
        "The hall of Sangkat Phsar Thmei Ti Muoy asks your view on its draft parking plan:\n\n"
        "- motorbike parking on one side only of streets 130 and 136\n"
        "- no car parking from 6:00 to 9:00 while goods are delivered\n"
        "- parking fees paid by KHQR\n\n"
        "Do you agree? What should change? " + DEMO_NOTE_EN
    ),
}
COMMENTS = [
    ("citizen", "ខ្ញុំយល់ស្រប ប៉ុន្តែសូមទុកកន្លែងសម្រាប់កង់ និងរទេះរុញរបស់អ្នកលក់ផង។"),
    ("nurse", "Please keep the corner of street 136 free for ambulances."),
]
SUPPORTERS = ("citizen", "nurse", "midwife", "reader")


@dataclass
class DemoForums:
    boards: int = 0
    threads: int = 0
    consultations: int = 0

    def summary(self) -> str:
        return (
            f"Demo forums: {self.boards} boards, {self.threads} questions with official "
            f"answers and {self.consultations} open consultation added."
        )


def _post(thread: Thread, author: User, body: str, office=None, opening=False) -> Post:
    return Post.objects.create(
        thread=thread, author=author, office=office, body=body, html=writing.render(body),
        is_opening=opening, visibility=Visibility.PUBLISHED,
    )  # fmt: skip


@transaction.atomic
def load_demo() -> DemoForums:
    if not settings.SALA_DEMO_DATA_ALLOWED:
        raise ImproperlyConfigured("Demo data cannot be loaded when SALA_ENV=production.")
    counts = DemoForums()
    users = {user.username: user for user in User.objects.all()}
    offices = {f.code: f for f in Facility.objects.filter(code__in=[HALL, MINISTRY])}
    hall = offices.get(HALL)
    if hall is None or "citizen" not in users:
        return counts
    if "chief" in users:
        OfficeMembership.objects.get_or_create(
            user=users["chief"], office=hall, role=Role.objects.get(code=Role.MODERATOR),
            ended_at=None,
        )  # fmt: skip
    counts.boards = _boards(hall, offices)
    counts.threads = _threads(users, offices)
    counts.consultations = _consultation(hall, users)
    return counts


def _boards(hall: Facility, offices: dict[str, Facility]) -> int:
    added = open_province_boards()
    for slug, code, title_km, title_en, about_km, about_en in TOPIC_BOARDS:
        _board, created = Board.objects.get_or_create(
            slug=slug,
            defaults={
                "kind": Board.Kind.TOPIC, "office": offices.get(code), "title_km": title_km,
                "title_en": title_en, "description_km": f"{about_km} {DEMO_NOTE_KM}",
                "description_en": f"{about_en} {DEMO_NOTE_EN}",
            },
        )  # fmt: skip
        added += created
    area = hall.area
    _board, created = Board.objects.get_or_create(
        kind=Board.Kind.AREA, area=area,
        defaults={
            "slug": f"commune-{area.code}", "office": hall,
            "title_km": f"សង្កាត់{area.name_km}", "title_en": f"Sangkat {area.name_en}",
            "description_km": f"សំណួរ និងចម្លើយអំពីសេវានៅសង្កាត់{area.name_km}។ {DEMO_NOTE_KM}",
            "description_en": f"Questions and answers about services in {area.name_en}. "
            f"{DEMO_NOTE_EN}",
        },
    )  # fmt: skip
    return added + created


def _threads(users: dict[str, User], offices: dict[str, Facility]) -> int:
    added = 0
    for slug, asker, title, question, answerer, code, answer, accepted in THREADS:
        board = Board.objects.filter(slug=slug).first()
        if board is None or answerer not in users or Thread.objects.filter(title=title).exists():
            continue
        thread = Thread.objects.create(
            board=board, author=users[asker], title=title, visibility=Visibility.PUBLISHED
        )
        _post(thread, users[asker], question, opening=True)
        reply = _post(thread, users[answerer], answer, office=offices.get(code))
        if accepted:
            thread.accepted = reply
            thread.save(update_fields=["accepted"])
        added += 1
    return added


def _consultation(hall: Facility, users: dict[str, User]) -> int:
    if Consultation.objects.filter(title_en=CONSULTATION["title_en"]).exists():
        return 0
    now = timezone.now()
    consultation = Consultation.objects.create(
        office=hall, created_by=users.get("chief", users["citizen"]),
        html_km=writing.render(CONSULTATION["body_km"]),
        html_en=writing.render(CONSULTATION["body_en"]),
        opened_at=now - datetime.timedelta(days=3), closes_at=now + datetime.timedelta(days=21),
        threshold=50, response_days=30, **CONSULTATION,
    )  # fmt: skip
    for username, body in COMMENTS:
        if username in users:
            Comment.objects.create(
                consultation=consultation, author=users[username], body=body,
                html=writing.render(body), visibility=Visibility.PUBLISHED,
            )  # fmt: skip
    for username in SUPPORTERS:
        if username in users:
            Support.objects.create(consultation=consultation, user=users[username])
    return 1
