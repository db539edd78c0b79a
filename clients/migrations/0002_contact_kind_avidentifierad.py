"""The "does not concern the client's personal data" flag becomes a kind of contact of its
own: contacts that had the flag become avidentifierade (in their history too), then the flag
goes."""

from django.db import migrations, models


def flag_to_kind(apps, schema_editor):
    for name in ("Contact", "HistoricalContact"):
        model = apps.get_model("clients", name)
        model.objects.filter(no_personal_data=True).update(kind="avidentifierad")


def kind_to_flag(apps, schema_editor):
    for name in ("Contact", "HistoricalContact"):
        model = apps.get_model("clients", name)
        model.objects.filter(kind="avidentifierad").update(no_personal_data=True)


class Migration(migrations.Migration):

    dependencies = [
        ('clients', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='contact',
            name='kind',
            field=models.CharField(choices=[('klient', 'Contact about the client'), ('avidentifierad', 'Anonymised contact — the client was not named')], default='klient', help_text='Anonymised: a general question to an authority where the client was not named and nothing identified them. It needs no consent; its note may not identify anyone.', max_length=20, verbose_name='kind of contact'),
        ),
        migrations.AddField(
            model_name='historicalcontact',
            name='kind',
            field=models.CharField(choices=[('klient', 'Contact about the client'), ('avidentifierad', 'Anonymised contact — the client was not named')], default='klient', help_text='Anonymised: a general question to an authority where the client was not named and nothing identified them. It needs no consent; its note may not identify anyone.', max_length=20, verbose_name='kind of contact'),
        ),
        migrations.RunPython(flag_to_kind, kind_to_flag),
        migrations.RemoveField(
            model_name='contact',
            name='no_personal_data',
        ),
        migrations.RemoveField(
            model_name='historicalcontact',
            name='no_personal_data',
        ),
    ]
