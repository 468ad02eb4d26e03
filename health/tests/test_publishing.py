"""Danger-sign tables: only the health ministry publishes; each version is kept."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import AuditEntry
from health.models import DangerSignTable
from health.triage import do_copy_table, do_publish_table, published_table

pytestmark = pytest.mark.django_db

PERSONAS = {
    "citizen": False,
    "clinician": False,
    "other_clinician": False,
    "ministry": True,
    "admin": True,
}


@pytest.mark.parametrize(("persona", "allowed"), PERSONAS.items())
def test_who_may_publish_a_danger_sign_table(health_world, persona, allowed):
    user = getattr(health_world, persona)
    assert user.has_perm("health.publish_dangersigntable") is allowed


def test_an_anonymous_visitor_may_not_publish():
    from django.contrib.auth.models import AnonymousUser

    assert not AnonymousUser().has_perm("health.publish_dangersigntable")


def test_the_ministry_copies_edits_and_publishes_a_new_version(health_world):
    first = published_table()
    draft = do_copy_table(health_world.ministry, first)
    assert draft.version == 2 and draft.status == "draft"
    assert draft.signs.count() == first.signs.count()
    draft.signs.filter(group="child", code="lethargic").update(
        question_en="Is the child very sleepy or unconscious?"
    )
    do_publish_table(health_world.ministry, draft)
    assert published_table() == draft
    first.refresh_from_db()
    assert first.status == "retired"
    assert first.signs.get(group="child", code="lethargic").question_en.startswith(
        "Is the child lethargic"
    )
    assert AuditEntry.objects.filter(
        action="health.danger_signs_published", actor=health_world.ministry
    ).exists()


def test_a_clinician_cannot_publish_or_copy(health_world):
    first = published_table()
    with pytest.raises(PermissionDenied):
        do_copy_table(health_world.clinician, first)
    draft = do_copy_table(health_world.ministry, first)
    with pytest.raises(PermissionDenied):
        do_publish_table(health_world.clinician, draft)
    assert published_table() == first


def test_a_published_table_cannot_be_published_again(health_world):
    with pytest.raises(ValidationError):
        do_publish_table(health_world.ministry, published_table())


def test_a_draft_missing_a_group_is_refused(health_world):
    draft = do_copy_table(health_world.ministry, published_table())
    draft.signs.filter(group="pregnancy").delete()
    with pytest.raises(ValidationError):
        do_publish_table(health_world.ministry, draft)
    assert DangerSignTable.objects.get(pk=draft.pk).status == "draft"


def test_screenings_keep_the_version_that_advised_them(client, health_world):
    from health.tests.test_danger_signs import answers

    client.post("/en/health/check/?group=child", answers("child", yes=("lethargic",)))
    first = published_table()
    draft = do_copy_table(health_world.ministry, first)
    do_publish_table(health_world.ministry, draft)
    client.post("/en/health/check/?group=child", answers("child"))
    versions = list(first.screenings.values_list("outcome", flat=True))
    assert versions == ["urgent"]
    assert list(draft.screenings.values_list("outcome", flat=True)) == ["clear"]


@pytest.mark.parametrize(("persona", "status"), [("ministry", 200), ("clinician", 403)])
def test_the_danger_sign_tables_in_the_back_office(client, health_world, persona, status):
    user = getattr(health_world, persona)
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    client.force_login(user)
    response = client.get("/django-admin/health/dangersigntable/")
    assert response.status_code == status


def test_a_published_table_is_read_only_in_the_back_office(client, health_world):
    health_world.ministry.is_staff = True
    health_world.ministry.save(update_fields=["is_staff"])
    client.force_login(health_world.ministry)
    table = published_table()
    client.post(f"/django-admin/health/dangersigntable/{table.pk}/change/", {"source": "changed"})
    table.refresh_from_db()
    assert table.source != "changed"
