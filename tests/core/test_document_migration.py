"""The data migration: PDFs under var/media move into core.Document, hash and bytes kept."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from statsbidrag.models import Application

# Inside the test's transaction (PostgreSQL's DDL is transactional): nothing is flushed, so
# the reference data the migrations filled stay for the tests after this one.
pytestmark = pytest.mark.django_db

BEFORE = [("statsbidrag", "0002_default_report_form")]
AFTER = [("statsbidrag", "0003_documents_in_database")]


def migrate(targets):  # type: ignore[no-untyped-def]
    with connection.cursor() as cursor:  # no pending foreign-key checks before ALTER TABLE
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_stored_files_move_into_the_database(world, capsys) -> None:  # type: ignore[no-untyped-def]
    old = migrate(BEFORE)
    GrantYear = old.get_model("statsbidrag", "GrantYear")
    OldApplication = old.get_model("statsbidrag", "Application")
    data = b"%PDF-1.7 inskickad ansokan 2025"
    name = default_storage.save("statsbidrag/ansokan-po-2025.pdf", ContentFile(data))
    try:
        kept, lost = _old_rows(world, GrantYear, OldApplication, name, data)
        migrate(AFTER)
        # Back to the newest state of every app, as the rest of the suite expects.
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    finally:
        default_storage.delete(name)
    _check(world, kept, lost, name, data, capsys)


def _old_rows(world, GrantYear, OldApplication, name, data):  # type: ignore[no-untyped-def]
    kept = OldApplication.objects.create(
        grant_year=GrantYear.objects.create(
            verksamhet_id=world.verksamhet.pk,
            year=2025,
            amount_per_arsanstallning=318000,
            applicant_kommun_id=world.verksamhet.huvudman_id,
        ),
        status="submitted",
        submitted_at="2025-02-20T10:00:00+01:00",
        submitted_by_id=world.grant_gunilla.pk,
        snapshot={"title": "Ansökan om statsbidrag för personligt ombud 2025"},
        pdf=name,
        pdf_sha256=hashlib.sha256(data).hexdigest(),
    )
    lost = OldApplication.objects.create(
        grant_year=GrantYear.objects.create(
            verksamhet_id=world.verksamhet.pk,
            year=2024,
            amount_per_arsanstallning=300000,
            applicant_kommun_id=world.verksamhet.huvudman_id,
        ),
        status="submitted",
        submitted_at="2024-02-20T10:00:00+01:00",
        pdf="statsbidrag/finns-inte.pdf",
        pdf_sha256="0" * 64,
    )
    return kept, lost


def _check(world, kept, lost, name, data, capsys) -> None:  # type: ignore[no-untyped-def]
    moved = Application.objects.select_related("document").get(pk=kept.pk)
    document = moved.document
    assert document is not None and bytes(document.content) == data
    assert document.sha256 == moved.pdf_sha256 == hashlib.sha256(data).hexdigest()
    assert document.size == len(data) and document.file_name == name.rsplit("/", 1)[-1]
    assert document.verksamhet_id == world.verksamhet.pk and document.kind == "application"
    assert document.title == "Ansökan om statsbidrag för personligt ombud 2025"
    assert str(document.date) == "2025-02-20" and document.created_by_id == world.grant_gunilla.pk
    assert Application.objects.get(pk=lost.pk).document is None
    assert (
        f"application {lost.pk}: statsbidrag/finns-inte.pdf is missing" in capsys.readouterr().out
    )


def test_a_justerat_protokoll_keeps_its_pdf(world) -> None:  # type: ignore[no-untyped-def]
    from ledningsgrupp.models import Protokoll

    old = migrate([("ledningsgrupp", "0002_meeting_others_present_secretary_staff")])
    Ledningsgrupp = old.get_model("ledningsgrupp", "Ledningsgrupp")
    Meeting = old.get_model("ledningsgrupp", "Meeting")
    OldProtokoll = old.get_model("ledningsgrupp", "Protokoll")
    group, _created = Ledningsgrupp.objects.get_or_create(
        verksamhet_id=world.verksamhet.pk,
        defaults={"name": "Ledningsgruppen", "convened_by_id": world.verksamhet.huvudman_id},
    )
    meeting = Meeting.objects.create(
        ledningsgrupp=group, date="2025-03-04", start_time="13:00", status="held"
    )
    data = b"%PDF-1.7 justerat protokoll"
    name = default_storage.save("protokoll/protokoll-2025-03-04.pdf", ContentFile(data))
    try:
        kept = OldProtokoll.objects.create(
            meeting=meeting,
            locked_at="2025-03-11T10:00:00+01:00",
            pdf=name,
            sha256="c" * 64,
            pdf_sha256=hashlib.sha256(data).hexdigest(),
        )
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    finally:
        default_storage.delete(name)
    document = Protokoll.objects.select_related("document").get(pk=kept.pk).document
    assert document is not None and bytes(document.content) == data
    assert document.sha256 == hashlib.sha256(data).hexdigest() and document.kind == "protokoll"
    assert str(document.date) == "2025-03-04" and document.verksamhet_id == world.verksamhet.pk
    assert document.title == f"Protokoll {group.name} 2025-03-04"
