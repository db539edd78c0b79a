"""Submitting freezes a document: later changes to live data do not change it."""

from __future__ import annotations

import datetime
import subprocess
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from clients.models import Gender
from statsbidrag import services
from statsbidrag.models import Application, DocumentStatus
from statsbidrag.reports.documents import sha256
from statsbidrag.reports.figures import redovisning_figures

from .factories import EmploymentPeriodFactory, GrantYearFactory, make_client, make_uppdrag

D = datetime.date


def pdf_text(data: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()


@pytest.fixture
def submitted(dataset, world):  # type: ignore[no-untyped-def]
    gy = dataset["grant_year"]
    doc = services.document_for(kind="redovisning", grant_year=gy, by=world.grant_gunilla)
    doc = services.document_save_answers(
        kind="redovisning",
        document=doc,
        by=world.grant_gunilla,
        answers={
            "verksamhet": "Ett år med mycket arbete.",
            "staff": "ignored: not a text question",
        },
        expected_version=doc.version,
    )
    return services.document_submit(
        kind="redovisning", document=doc, by=world.grant_gunilla, expected_version=doc.version
    )


def test_submit_freezes_snapshot_pdf_and_hash(submitted, world) -> None:  # type: ignore[no-untyped-def]
    doc = submitted
    assert doc.status == DocumentStatus.SUBMITTED
    assert doc.answers == {"verksamhet": "Ett år med mycket arbete."}
    assert doc.snapshot["figures"] == redovisning_figures(verksamhet=world.verksamhet, year=2025)
    data = bytes(doc.document.content)
    assert data.startswith(b"%PDF") and sha256(data) == doc.pdf_sha256 == doc.document.sha256
    text = pdf_text(data)
    assert "Redovisning av verksamhet med personligt ombud 2025" in text
    assert "Sida 1 av" in text
    assert "Ett år med mycket arbete." in text


def test_live_changes_do_not_change_a_submitted_redovisning(submitted, world, client) -> None:  # type: ignore[no-untyped-def]
    doc = submitted
    before_snapshot, before_hash = doc.snapshot, doc.pdf_sha256
    url = reverse("statsbidrag:document", kwargs={"year": 2025, "kind": "redovisning"})
    client.force_login(world.lead_lars)
    page_before = client.get(url).content.decode()
    assert "1,88" in page_before, page_before[page_before.find("Värde") :][
        :600
    ]  # 1.8767 årsanställningar shown with two decimals
    # Live data change: 6 more clients, another ombud, more money.
    for i in range(6):
        c = make_client(world.verksamhet, f"Ny {i}", gender=Gender.KVINNA, birth_year=1990)
        make_uppdrag(c, started=D(2025, 5, 1))
    EmploymentPeriodFactory(verksamhet=world.verksamhet, name="Ny ombud", start=D(2025, 1, 1))
    live = redovisning_figures(verksamhet=world.verksamhet, year=2025)
    assert live["clients"]["by_gender"]["new"]["total"] == 8
    assert live["staff"]["arsanstallningar"] == "2.8767"
    doc.refresh_from_db()
    assert doc.snapshot == before_snapshot
    assert doc.pdf_sha256 == before_hash == sha256(bytes(doc.document.content))
    page_after = client.get(url).content.decode()
    assert "1,88" in page_after and "2,88" not in page_after
    pdf = client.get(
        reverse("statsbidrag:document_pdf", kwargs={"year": 2025, "kind": "redovisning"})
    )
    assert sha256(pdf.content) == before_hash


def test_a_submitted_document_cannot_be_changed_or_submitted_again(submitted, world) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        services.document_save_answers(
            kind="redovisning",
            document=submitted,
            by=world.lead_lars,
            answers={"verksamhet": "ändrat"},
            expected_version=submitted.version,
        )
    with pytest.raises(ValidationError):
        services.document_submit(
            kind="redovisning",
            document=submitted,
            by=world.lead_lars,
            expected_version=submitted.version,
        )


def test_submitted_application_stays_unchanged(dataset, world) -> None:  # type: ignore[no-untyped-def]
    gy = dataset["grant_year"]
    doc = services.document_for(kind="ansokan", grant_year=gy, by=world.grant_gunilla)
    doc = services.document_submit(
        kind="ansokan", document=doc, by=world.grant_gunilla, expected_version=doc.version
    )
    frozen = doc.snapshot
    assert frozen["figures"]["planned_arsanstallningar"] == "1.88"  # none planned: from periods
    services.grant_year_save(
        verksamhet=world.verksamhet,
        by=world.grant_gunilla,
        grant_year=gy,
        expected_version=gy.version,
        planned_arsanstallningar=Decimal("3"),
        amount_per_arsanstallning=Decimal("400000"),
    )
    doc.refresh_from_db()
    assert doc.snapshot == frozen
    assert frozen["figures"]["requested_amount"] == "597840.00"  # 1.88 × 318 000


def test_finding12_submit_without_version_is_refused(world, client) -> None:  # type: ignore[no-untyped-def]
    """Submitting freezes the answers: it must name the version the user read, or a POST
    that leaves the version out would freeze answers somebody else saved in between."""
    gy = GrantYearFactory(verksamhet=world.verksamhet, year=2025)
    doc = services.document_for(kind="redovisning", grant_year=gy, by=world.grant_gunilla)
    for version in (None, doc.version + 1):
        with pytest.raises(ValidationError):
            services.document_submit(
                kind="redovisning", document=doc, by=world.grant_gunilla, expected_version=version
            )
    doc.refresh_from_db()
    assert doc.status == DocumentStatus.DRAFT and doc.document is None

    kwargs = {"year": 2025, "kind": "redovisning"}
    page_url = reverse("statsbidrag:document", kwargs=kwargs)
    submit_url = reverse("statsbidrag:document_submit", kwargs=kwargs)
    client.force_login(world.grant_gunilla)
    assert f'name="version" value="{doc.version}"' in client.get(page_url).content.decode()
    page = client.post(submit_url, follow=True).content.decode()
    assert "skickades utan versionsnummer, så inget sparades" in page
    doc.refresh_from_db()
    assert doc.status == DocumentStatus.DRAFT
    # The lead saves an answer after Gunilla read the page: her page's version is stale.
    read = doc.version
    services.document_save_answers(
        kind="redovisning",
        document=doc,
        by=world.lead_lars,
        answers={"verksamhet": "Ändrat av Lars"},
        expected_version=doc.version,
    )
    page = client.post(submit_url, {"version": read}, follow=True).content.decode()
    assert "Någon annan har ändrat dokumentet" in page
    doc.refresh_from_db()
    assert doc.status == DocumentStatus.DRAFT
    # Read again, submitted.
    assert client.post(submit_url, {"version": doc.version}).status_code == 302
    doc.refresh_from_db()
    assert doc.status == DocumentStatus.SUBMITTED
    assert doc.snapshot["answers"]["verksamhet"] == "Ändrat av Lars"


def test_submit_from_the_page_of_a_draft_nobody_saved(world, client) -> None:  # type: ignore[no-untyped-def]
    """A page showing a draft that did not exist yet sends version 0: submitted if still none
    exists, refused if somebody saved the draft in between."""
    GrantYearFactory(verksamhet=world.verksamhet, year=2024)
    gy = GrantYearFactory(verksamhet=world.verksamhet, year=2025)
    client.force_login(world.grant_gunilla)
    for year in (2024, 2025):
        page = client.get(
            reverse("statsbidrag:document", kwargs={"year": year, "kind": "ansokan"})
        ).content.decode()
        assert 'name="version" value="0"' in page
    submit_2024 = reverse("statsbidrag:document_submit", kwargs={"year": 2024, "kind": "ansokan"})
    assert client.post(submit_2024, {"version": "0"}).status_code == 302
    assert Application.objects.get(grant_year__year=2024).status == DocumentStatus.SUBMITTED
    services.document_for(kind="ansokan", grant_year=gy, by=world.lead_lars)
    submit_2025 = reverse("statsbidrag:document_submit", kwargs={"year": 2025, "kind": "ansokan"})
    page = client.post(submit_2025, {"version": "0"}, follow=True).content.decode()
    assert "Någon annan har ändrat dokumentet" in page
    assert Application.objects.get(grant_year=gy).status == DocumentStatus.DRAFT
