"""A mailbox's password encrypted at rest (core/sealing.py): copied into an encrypted
column, the plain one dropped. Reversible: going back decrypts into a plain column."""

from __future__ import annotations

from django.db import migrations, models

import core.sealing


def seal_passwords(apps, schema_editor):
    Source = apps.get_model("aggregation", "Source")
    for source in Source.objects.exclude(imap_password="").only("pk", "imap_password"):
        source.sealed_password = source.imap_password  # encrypted by the field on save
        source.save(update_fields=["sealed_password"])


def unseal_passwords(apps, schema_editor):
    Source = apps.get_model("aggregation", "Source")
    for source in Source.objects.exclude(sealed_password="").only("pk", "sealed_password"):
        source.imap_password = source.sealed_password  # decrypted by the field on read
        source.save(update_fields=["imap_password"])


class Migration(migrations.Migration):
    dependencies = [("aggregation", "0002_item_story_url")]

    operations = [
        migrations.AddField(
            model_name="source",
            name="sealed_password",
            field=core.sealing.SealedTextField(blank=True, default=""),
        ),
        migrations.RunPython(seal_passwords, unseal_passwords),
        migrations.RemoveField(model_name="source", name="imap_password"),
        migrations.RenameField(
            model_name="source", old_name="sealed_password", new_name="imap_password"
        ),
        migrations.AlterField(
            model_name="source",
            name="imap_password",
            field=core.sealing.SealedTextField(blank=True, verbose_name="mailbox password"),
        ),
    ]
