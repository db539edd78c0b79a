"""Stored documents: the PDF lives in the database, and a damaged one is never served."""

from __future__ import annotations

import logging

import pytest
from django.db import connection
from django.urls import reverse

from core.models import Document
from statsbidrag import services
from tests.statsbidrag.factories import GrantYearFactory

pytestmark = pytest.mark.django_db

URL = reverse("statsbidrag:document_pdf", kwargs={"year": 2025, "kind": "ansokan"})


@pytest.fixture
def submitted(world):  # type: ignore[no-untyped-def]
    gy = GrantYearFactory(verksamhet=world.verksamhet, year=2025)
    doc = services.document_for(kind="ansokan", grant_year=gy, by=world.grant_gunilla)
    return services.document_submit(
        kind="ansokan", document=doc, by=world.grant_gunilla, expected_version=doc.version
    )


def test_submitting_stores_the_pdf_in_the_database_with_its_hash(submitted, world) -> None:  # type: ignore[no-untyped-def]
    stored = Document.objects.get()
    assert submitted.document == stored
    assert stored.kind == Document.Kind.APPLICATION and stored.verksamhet == world.verksamhet
    assert stored.content_type == "application/pdf" and bytes(stored.content).startswith(b"%PDF")
    assert stored.size == len(bytes(stored.content))
    assert stored.sha256 == submitted.pdf_sha256  # the hash shown with the document
    assert stored.created_by == world.grant_gunilla
    assert "2025" in stored.title


def test_the_stored_pdf_is_served_byte_for_byte(submitted, world, client, caplog) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.grant_gunilla)
    with caplog.at_level(logging.INFO, logger="ombud.documents"):
        response = client.get(URL)
    assert response.status_code == 200
    assert response.content == bytes(submitted.document.content)
    assert response["Content-Type"] == "application/pdf"
    assert f"read by user {world.grant_gunilla.pk}" in caplog.text


def test_a_damaged_document_is_an_error_page_and_a_log_line(
    submitted, world, client, caplog
) -> None:  # type: ignore[no-untyped-def]
    with connection.cursor() as cursor:  # a flipped byte on the disk, or a tampered row
        cursor.execute(
            "UPDATE core_document SET content = overlay(content placing '\\x00'::bytea from 200)"
        )
    client.force_login(world.grant_gunilla)
    with caplog.at_level(logging.INFO, logger="ombud.documents"):
        response = client.get(URL)
    assert response.status_code == 500
    page = response.content.decode()
    assert b"%PDF" not in response.content
    assert "Dokumentet är skadat" in page and "SHA-256" in page
    errors = [
        r for r in caplog.records if r.name == "ombud.documents" and r.levelno == logging.ERROR
    ]
    assert len(errors) == 1 and "failed its SHA-256 check" in errors[0].getMessage()
    assert submitted.document.sha256 in errors[0].getMessage()


def test_the_app_role_may_only_insert_and_read_stored_documents() -> None:
    from core.db_roles import append_only_tables, privileges_for

    assert privileges_for(Document._meta.db_table, append_only_tables()) == "SELECT, INSERT"
