"""The default redovisning form (question list and order). A new länsstyrelse form is a new
ReportForm row (new valid_from_year or version): no code needed."""

from django.db import migrations

QUESTIONS = [
    {"key": "verksamhet", "label": "Beskriv verksamheten under året", "kind": "text"},
    {"key": "staff", "label": "Årsanställningar och antal ombud", "kind": "staff"},
    {
        "key": "clients",
        "label": "Klienter under året efter kön och ålder (pågående vid årets början, nya, "
        "avslutade, på väntelista vid årets slut)",
        "kind": "clients",
    },
    {"key": "groups", "label": "Klientgrupper och kännetecken", "kind": "groups"},
    {"key": "end_reasons", "label": "Orsaker till avslut", "kind": "end_reasons"},
    {
        "key": "outcomes",
        "label": "Boende, sysselsättning och försörjning vid start och avslut",
        "kind": "outcomes",
    },
    {"key": "contacts", "label": "Kontakter med klienter och myndigheter", "kind": "contacts"},
    {"key": "systembrister", "label": "Rapporterade systembrister", "kind": "systembrister"},
    {
        "key": "systembrister_text",
        "label": "Exempel på systembrister och vad de har lett till",
        "kind": "text",
    },
    {
        "key": "ledningsgrupp",
        "label": "Ledningsgruppens sammansättning och antal möten",
        "kind": "ledningsgrupp",
    },
    {"key": "per_kommun", "label": "Fördelning per kommun (samverkan)", "kind": "per_kommun"},
    {"key": "funds", "label": "Användning av medel", "kind": "funds"},
    {"key": "other", "label": "Övrigt som länsstyrelsen bör känna till", "kind": "text"},
]


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    ReportForm = apps.get_model("statsbidrag", "ReportForm")
    ReportForm.objects.get_or_create(
        valid_from_year=2024,
        version=1,
        defaults={"name": "Länsstyrelsens redovisningsformulär", "questions": QUESTIONS},
    )


def remove(apps, schema_editor):  # type: ignore[no-untyped-def]
    apps.get_model("statsbidrag", "ReportForm").objects.filter(
        valid_from_year=2024, version=1
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("statsbidrag", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
