"""An editor gets the editing groups whatever the order (issue 16, item 2): the groups
exist from the migrations, the set-up gives them to roles granted before it, and a
missing group fails loudly instead of leaving the editor at "You do not have
permission"."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured

from accounts.models import Role
from accounts.tests.factories import create_user, grant
from content.editorial import APPROVERS_GROUP, EDITORS_GROUP, do_set_up_editorial
from content.tests.factories import create_homes
from geo.models import Institution
from geo.tests.factories import create_area, create_facility

pytestmark = pytest.mark.django_db


@pytest.fixture
def ministry_office():
    institution = Institution.objects.create(code="mptc", name_km="ក្រសួង", name_en="MPTC")
    area = create_area("12", "Phnom Penh", "ភ្នំពេញ")
    return create_facility(area, "ministry", code="ministry-mptc", institution=institution)


def test_the_groups_exist_with_admin_access_before_any_set_up():
    for name in (EDITORS_GROUP, APPROVERS_GROUP):
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists()


def test_an_editor_granted_before_the_set_up_reaches_the_cms(client, ministry_office):
    editor = create_user("editor")
    grant(editor, ministry_office, Role.EDITOR)
    assert list(editor.groups.values_list("name", flat=True)) == [EDITORS_GROUP]
    client.force_login(editor)
    assert client.get("/cms/").status_code == 200


def test_the_set_up_gives_the_groups_to_roles_granted_before_it(ministry_office):
    editor = create_user("editor")
    approver = create_user("approver")
    grant(editor, ministry_office, Role.EDITOR)
    grant(approver, ministry_office, Role.APPROVER)
    editor.groups.clear()
    approver.groups.clear()  # as a database from before the groups were created
    do_set_up_editorial(list(create_homes().values()))
    assert list(editor.groups.values_list("name", flat=True)) == [EDITORS_GROUP]
    assert set(approver.groups.values_list("name", flat=True)) == {
        EDITORS_GROUP,
        APPROVERS_GROUP,
    }


def test_a_missing_group_fails_loudly(ministry_office):
    assert Group.objects.filter(name=EDITORS_GROUP).delete()[0] >= 1
    with pytest.raises(ImproperlyConfigured, match="The group 'Content editors' is missing"):
        grant(create_user("editor"), ministry_office, Role.EDITOR)
