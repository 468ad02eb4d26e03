"""The forums demo: boards, Khmer and English questions with verified official answers,
one open consultation, and the sangkat chief as moderator; loading twice adds nothing."""

from __future__ import annotations

import pytest

from accounts.tests.conftest import _fresh_rate_limits  # noqa: F401 - autouse
from demo.accounts import load_demo_accounts
from demo.forums import load_demo
from demo.officers import load_demo_officers
from forums import consultations
from forums.models import Board, Consultation, Thread
from forums.roles import moderates
from geo.tests.factories import create_area, create_facility

pytestmark = pytest.mark.django_db


def test_the_demo_has_answered_questions_and_an_open_consultation(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    phnom_penh = create_area("12", "Phnom Penh", "ភ្នំពេញ")
    daun_penh = create_area("1202", "Doun Penh", "ដូនពេញ", phnom_penh)
    commune = create_area("120201", "Phsar Thmei Ti Muoy", "ផ្សារថ្មីទី១", daun_penh)
    hall = create_facility(commune, "commune-hall", code="commune-hall-120201")
    create_facility(phnom_penh, "ministry", code="ministry-mptc")
    load_demo_accounts()
    load_demo_officers()

    first = load_demo()
    assert (first.boards, first.threads, first.consultations) == (4, 4, 1)
    assert Board.objects.get(kind="area", area=phnom_penh).slug == "province-12"
    threads = Thread.objects.all()
    assert all(thread.posts.filter(office__isnull=False).exists() for thread in threads)
    assert any("ត" in thread.title for thread in threads)  # Khmer questions
    assert any(thread.title.startswith("Can I pay") for thread in threads)  # and English
    consultation = Consultation.objects.get()
    assert consultations.clock(consultation).phase == consultations.OPEN
    assert "Demo data" in consultation.body_en
    from accounts.models import User

    assert moderates(User.objects.get(username="chief"), hall)
    again = load_demo()
    assert (again.boards, again.threads, again.consultations) == (0, 0, 0)
