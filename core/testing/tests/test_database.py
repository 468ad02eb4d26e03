"""The serialized rollback of transactional tests puts back what the migrations left."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection

from accounts.models import Role
from geo.models import FacilityType, Institution


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_rollback_puts_back_the_migrated_rows_and_drops_the_test_s_own():
    roles = sorted(Role.objects.values_list("code", flat=True))
    kinds = sorted(FacilityType.objects.values_list("code", flat=True))
    content_types = ContentType.objects.count()
    assert "clerk" in roles and "health-centre" in kinds
    Institution.objects.create(code="moh", name_km="ក្រសួងសុខាភិបាល", name_en="Ministry of Health")
    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
    assert not Role.objects.exists()

    connection.creation.deserialize_db_from_string(connection._test_serialized_contents)

    assert sorted(Role.objects.values_list("code", flat=True)) == roles
    assert sorted(FacilityType.objects.values_list("code", flat=True)) == kinds
    assert ContentType.objects.count() == content_types
    assert not Institution.objects.filter(code="moh").exists()
