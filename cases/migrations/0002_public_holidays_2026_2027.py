from __future__ import annotations

from django.db import migrations

# This migration loaded a hand-written list of 2026 and 2027; 0003 seeds the holidays from
# the `holidays` package instead (and corrects the days this one loaded).


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial"), ("geo", "0001_initial")]

    operations = []
