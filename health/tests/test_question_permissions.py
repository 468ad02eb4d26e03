"""Who may see and answer a health question: the person, and the clinicians of its
health centre; nobody else, administrators included (the access functions ask the health
rules alone, `health.questions.allowed`, so a superuser's blanket permission does not
apply)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from health.questions import allowed
from health.tests.factories import create_question

pytestmark = pytest.mark.django_db

PERMISSIONS = (
    "health.view_question",
    "health.answer_question",
    "health.view_own_question",
    "health.follow_up_question",
)
EXPECTED = {
    # persona: the permissions it holds on the citizen's question to the centre
    "anonymous": set(),
    "citizen": {"health.view_own_question", "health.follow_up_question"},
    "other_citizen": set(),
    "clinician": {"health.view_question", "health.answer_question"},
    "other_clinician": set(),
    "ministry": set(),
    "admin": set(),
}


@pytest.mark.parametrize("persona", EXPECTED)
@pytest.mark.parametrize("permission", PERMISSIONS)
def test_permission_per_persona_on_a_question(health_world, persona, permission):
    question = create_question(health_world.citizen, health_world.centre)
    user = AnonymousUser() if persona == "anonymous" else getattr(health_world, persona)
    assert allowed(user, permission, question) is (permission in EXPECTED[persona])
