"""Search keys for the type-ahead of "choose your area", filled for the areas already loaded.

On SQLite, `LIKE 'x%'` is case-insensitive and can only use an index built with the NOCASE
collation, so that index is added there; PostgreSQL gets Django's `varchar_pattern_ops`
index from `db_index=True`.
"""

from django.db import migrations, models

from geo.names import english_key, khmer_key

SQLITE_INDEXES = {
    "geo_area_key_en_nocase": "key_en",
    "geo_area_key_km_nocase": "key_km",
}


def fill_keys(apps, schema_editor):
    Area = apps.get_model("geo", "Area")
    areas = list(Area.objects.only("pk", "name_en", "name_km"))
    for area in areas:
        area.key_en = english_key(area.name_en)
        area.key_km = khmer_key(area.name_km)
    Area.objects.bulk_update(areas, ["key_en", "key_km"], batch_size=2000)


def add_sqlite_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for name, column in SQLITE_INDEXES.items():
            schema_editor.execute(f"CREATE INDEX {name} ON geo_area ({column} COLLATE NOCASE)")


def drop_sqlite_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for name in SQLITE_INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("geo", "0002_facility_types"),
    ]

    operations = [
        migrations.AddField(
            model_name="area",
            name="key_en",
            field=models.CharField(
                db_index=True,
                default="",
                editable=False,
                max_length=120,
                verbose_name="English search key",
            ),
        ),
        migrations.AddField(
            model_name="area",
            name="key_km",
            field=models.CharField(
                db_index=True,
                default="",
                editable=False,
                max_length=120,
                verbose_name="Khmer search key",
            ),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.RunPython(add_sqlite_indexes, drop_sqlite_indexes),
    ]
