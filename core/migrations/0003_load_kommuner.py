"""Load Sweden's 290 kommuner (SCB's kommunkoder with their län) from core/data/kommuner.csv."""

from django.db import migrations


def load(apps, schema_editor):
    from core.reference import load_kommuner

    load_kommuner(apps.get_model("core", "Kommun"))


class Migration(migrations.Migration):
    dependencies = [("core", "0002_accesslog_append_only")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
