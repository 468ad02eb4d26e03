"""Case messages are limited per person (issue 15, low): past the limit the message is not
sent, the page says why (429) and keeps the text."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse

from cases import limits
from cases.models import CaseMessage
from cases.tests.factories import submit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def two_an_hour(monkeypatch):
    cache.clear()
    monkeypatch.setattr(limits, "MESSAGES_PER_HOUR", 2)
    yield
    cache.clear()


@pytest.fixture
def case(world):
    return submit(world.citizen, world.service, area=world.tree.village)


def test_an_officer_past_the_limit_is_told_and_keeps_the_text(client, world, case):
    client.force_login(world.clerk)
    url = reverse("cases:office_message", args=[case.public_id])
    assert [client.post(url, {"body": f"Message {n}"}).status_code for n in (1, 2)] == [302, 302]
    refused = client.post(url, {"body": "Please bring the original"})
    assert refused.status_code == 429
    assert "You have sent many messages in the last hour" in refused.text
    assert "Please bring the original" in refused.text
    assert CaseMessage.objects.filter(case=case).count() == 2


def test_an_applicant_past_the_limit_is_told_and_keeps_the_text(client, world, case):
    client.force_login(world.citizen)
    url = case.get_applicant_url().replace("/km/", "/en/")
    assert [client.post(url, {"body": f"Question {n}"}).status_code for n in (1, 2)] == [302, 302]
    refused = client.post(url, {"body": "When is it ready?"})
    assert refused.status_code == 429
    assert "You have sent many messages in the last hour" in refused.text
    assert "When is it ready?" in refused.text
    assert CaseMessage.objects.filter(case=case).count() == 2
