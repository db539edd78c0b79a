from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("ombud", "0004_dataprotection")]

    operations = [
        migrations.AddField(
            model_name="accesslog",
            name="hits",
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name="hits"),
        ),
    ]
