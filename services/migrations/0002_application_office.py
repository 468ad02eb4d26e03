import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """The handling office, stored when an application is submitted (filled for the
    applications already submitted by cases/0004_fill_application_office)."""

    dependencies = [
        ("geo", "0001_initial"),
        ("services", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="office",
            field=models.ForeignKey(
                blank=True,
                help_text="Set when the application is submitted; changed only by rerouting its case.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="geo.facility",
                verbose_name="handling office",
            ),
        ),
    ]
