"""The lead's Ändringshistorik and an object's history page speak plain Swedish: names, not
ids; a frozen document as one line with its PDF, not its content."""

from __future__ import annotations

import re

import pytest
from django.test import Client as Browser
from django.urls import reverse

from core.audit import save
from statsbidrag import services as grants
from tests.statsbidrag.factories import GrantYearFactory

RAW = re.compile(r"\b(True|False|None)\b|[{}]|#\d+|\b\w+_\w+\b|'\w+':")


def _text(response) -> str:  # type: ignore[no-untyped-def]
    html = response.content.decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", html[html.index("<main") :]).split())
    return text.replace("( ", "(").replace(" )", ")")


@pytest.fixture
def submitted(world):  # type: ignore[no-untyped-def]
    gy = GrantYearFactory(verksamhet=world.verksamhet, year=2026)
    gunilla = world.grant_gunilla
    doc = grants.document_for(kind="ansokan", grant_year=gy, by=gunilla)
    return grants.document_submit(
        kind="ansokan", document=doc, by=gunilla, expected_version=doc.version
    )


@pytest.mark.django_db
def test_change_history_names_a_submitted_application_and_links_its_pdf(world, submitted) -> None:  # type: ignore[no-untyped-def]
    fk = world.orgs["fk"]
    fk.name = "Försäkringskassan Västerås"
    save(fk, by=world.admin_agnes)
    browser = Browser()
    browser.force_login(world.lead_lars)
    response = browser.get(reverse("history_recent"))
    html = response.content.decode()
    text = _text(response)
    assert "Ansökan 2026 skickades in (PDF)" in text
    assert reverse("statsbidrag:document_pdf", args=[2026, "ansokan"]) in html
    assert "Gunilla Ström" in text and "Agnes Nord" in text
    assert "Namn: Försäkringskassan → Försäkringskassan Västerås" in text
    assert not RAW.search(text), RAW.search(text)
    page = browser.get(reverse("history_object", args=["statsbidrag.application", submitted.pk]))
    text = _text(page)
    assert "Ansökan 2026 skickades in (PDF)" in text
    assert not RAW.search(text), RAW.search(text)


@pytest.mark.django_db
def test_change_history_queries_do_not_grow_with_its_length(world, submitted) -> None:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    browser = Browser()
    browser.force_login(world.lead_lars)
    browser.get(reverse("history_recent"))

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            browser.get(reverse("history_recent"), {"typ": "core.organisation"})
        return len(ctx.captured_queries)

    fk = world.orgs["fk"]
    fk.name = "Försäkringskassan Västerås"
    save(fk, by=world.admin_agnes)
    before = count()
    for i in range(30):
        fk.name = f"Försäkringskassan {i}"
        save(fk, by=world.admin_agnes)
    assert count() == before


def test_values_read_as_written() -> None:
    import datetime
    from decimal import Decimal

    from core.history_render import plain

    assert plain(True) == "Ja" and plain(False) == "Nej" and plain(None) == "—"
    assert plain(1980) == "1980"
    assert plain(Decimal("318000.00")) == "318\xa0000"
    assert plain(Decimal("0.25")) == "0,25"
    assert plain(datetime.date(2026, 12, 1)) == "2026-12-01"
