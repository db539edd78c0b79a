"""Justerade protokoll's PDFs move from var/media into core.Document (bytes + SHA-256).

A file that is missing on disk cannot be brought back: the protokoll keeps its pdf_sha256
(and its history), the migration says which one, and the protokoll has no stored document.
"""

import hashlib

import django.db.models.deletion
from django.core.files.storage import default_storage
from django.db import migrations, models


def files_into_database(apps, schema_editor):
    Protokoll = apps.get_model("ledningsgrupp", "Protokoll")
    Document = apps.get_model("core", "Document")
    db = schema_editor.connection.alias
    for protokoll in (
        Protokoll.objects.using(db).exclude(pdf="").select_related("meeting__ledningsgrupp")
    ):
        name = protokoll.pdf.name
        if not default_storage.exists(name):
            print(f"\n  protokoll {protokoll.pk}: {name} is missing in the media folder, not moved")
            continue
        with default_storage.open(name, "rb") as handle:
            data = handle.read()
        meeting = protokoll.meeting
        protokoll.document = Document.objects.using(db).create(
            verksamhet_id=meeting.ledningsgrupp.verksamhet_id,
            kind="protokoll",
            title=f"Protokoll {meeting.ledningsgrupp.name} {meeting.date:%Y-%m-%d}",
            date=meeting.date,
            file_name=name.rsplit("/", 1)[-1],
            content_type="application/pdf",
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            content=data,
        )
        protokoll.save(update_fields=["document"])


def database_into_files(apps, schema_editor):
    from django.core.files.base import ContentFile

    Protokoll = apps.get_model("ledningsgrupp", "Protokoll")
    db = schema_editor.connection.alias
    for protokoll in Protokoll.objects.using(db).exclude(document=None).select_related("document"):
        document = protokoll.document
        protokoll.pdf.save(
            f"protokoll/{document.file_name}", ContentFile(bytes(document.content)), save=False
        )
        protokoll.document = None
        protokoll.save(update_fields=["pdf", "document"])
        document.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_document"),
        ("ledningsgrupp", "0002_meeting_others_present_secretary_staff"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalprotokoll",
            name="document",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="core.document",
            ),
        ),
        migrations.AddField(
            model_name="protokoll",
            name="document",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="core.document",
            ),
        ),
        migrations.RunPython(files_into_database, database_into_files),
        migrations.RemoveField(model_name="historicalprotokoll", name="pdf"),
        migrations.RemoveField(model_name="protokoll", name="pdf"),
    ]
