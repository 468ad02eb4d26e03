from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0002_application_office"),
    ]

    operations = [
        migrations.AddField(
            model_name="service",
            name="validity_months",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text=(
                    "How long a document issued for this service stays in force, in months. "
                    "Leave empty when it does not expire."
                ),
                null=True,
                verbose_name="validity (months)",
            ),
        ),
    ]
