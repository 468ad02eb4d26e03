"""The editors' and approvers' groups exist from the start, with access to the Wagtail
admin, so that a role granted before the editorial set-up (content.editorial) still puts
its holder in them. Their page permissions are given by do_set_up_editorial, which needs
the home pages."""

from django.db import migrations

GROUPS = ("Content editors", "Content approvers")


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for name in GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("content", "0004_institution_approval_task"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    # Reversing leaves the groups: people may have been put in them since.
    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
