"""Items remember their address without its language marker (`story_url`), so that the
stream shows one language version of a story; existing items get it from their address."""

from django.db import migrations, models

from aggregation.normalising import story_address


def fill_story_urls(apps, schema_editor):
    Item = apps.get_model("aggregation", "Item")
    for item in Item.objects.exclude(original_url="").only("pk", "original_url").iterator():
        Item.objects.filter(pk=item.pk).update(story_url=story_address(item.original_url))


class Migration(migrations.Migration):
    dependencies = [
        ("aggregation", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="item",
            name="story_url",
            field=models.CharField(blank=True, db_index=True, max_length=1000),
        ),
        migrations.RunPython(fill_story_urls, migrations.RunPython.noop),
    ]
