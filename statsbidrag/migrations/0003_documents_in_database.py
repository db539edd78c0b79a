"""Submitted applications' and redovisningar's PDFs move from var/media into core.Document.

A file that is missing on disk cannot be brought back: the document keeps its pdf_sha256
(and its history), the migration says which one, and it has no stored document.
"""

import datetime
import hashlib

import django.db.models.deletion
from django.core.files.storage import default_storage
from django.db import migrations, models
from django.utils.timezone import localdate

TITLES = {
    "application": "Ansökan om statsbidrag för personligt ombud {year}",
    "redovisning": "Redovisning av personligt ombud {year}",
}


def files_into_database(apps, schema_editor):
    Document = apps.get_model("core", "Document")
    db = schema_editor.connection.alias
    for kind, model_name in (("application", "Application"), ("redovisning", "Redovisning")):
        model = apps.get_model("statsbidrag", model_name)
        for record in model.objects.using(db).exclude(pdf="").select_related("grant_year"):
            name = record.pdf.name
            if not default_storage.exists(name):
                print(f"\n  {kind} {record.pk}: {name} is missing in the media folder, not moved")
                continue
            with default_storage.open(name, "rb") as handle:
                data = handle.read()
            grant_year = record.grant_year
            title = (record.snapshot or {}).get("title") or TITLES[kind].format(
                year=grant_year.year
            )
            record.document = Document.objects.using(db).create(
                verksamhet_id=grant_year.verksamhet_id,
                kind=kind,
                title=title,
                date=localdate(record.submitted_at)
                if record.submitted_at
                else datetime.date(grant_year.year, 1, 1),
                file_name=name.rsplit("/", 1)[-1],
                content_type="application/pdf",
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                content=data,
                created_by_id=record.submitted_by_id,
            )
            record.save(update_fields=["document"])


def database_into_files(apps, schema_editor):
    from django.core.files.base import ContentFile

    db = schema_editor.connection.alias
    for model_name in ("Application", "Redovisning"):
        model = apps.get_model("statsbidrag", model_name)
        for record in model.objects.using(db).exclude(document=None).select_related("document"):
            document = record.document
            record.pdf.save(
                f"statsbidrag/{document.file_name}",
                ContentFile(bytes(document.content)),
                save=False,
            )
            record.document = None
            record.save(update_fields=["pdf", "document"])
            document.delete()


def document_field(historical: bool) -> models.Field:
    if historical:
        return models.ForeignKey(
            blank=True,
            db_constraint=False,
            null=True,
            on_delete=django.db.models.deletion.DO_NOTHING,
            related_name="+",
            to="core.document",
        )
    return models.OneToOneField(
        blank=True,
        null=True,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="core.document",
    )


MODELS = ["application", "historicalapplication", "redovisning", "historicalredovisning"]


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_document"),
        ("statsbidrag", "0002_default_report_form"),
    ]

    operations = [
        *[
            migrations.AddField(
                model_name=name,
                name="document",
                field=document_field(name.startswith("historical")),
            )
            for name in MODELS
        ],
        migrations.RunPython(files_into_database, database_into_files),
        *[migrations.RemoveField(model_name=name, name="pdf") for name in MODELS],
    ]
