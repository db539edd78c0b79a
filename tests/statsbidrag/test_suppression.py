"""Counts below SMALL_COUNT_THRESHOLD are hidden in PDF, CSV and pages for non-staff."""

from __future__ import annotations

from django.urls import reverse

from statsbidrag import services
from statsbidrag.reports.figures import redovisning_figures
from statsbidrag.reports.suppression import Suppressed, suppress_count
from statsbidrag.reports.tables import all_tables

from .test_services_documents import pdf_text


def test_suppress_count_keeps_zero_and_counts_from_the_threshold(settings) -> None:  # type: ignore[no-untyped-def]
    settings.SMALL_COUNT_THRESHOLD = 5
    assert suppress_count(0) == 0
    assert [isinstance(suppress_count(n), Suppressed) for n in (1, 2, 3, 4)] == [True] * 4
    assert suppress_count(5) == 5
    assert str(suppress_count(3)) == "färre än 5"
    settings.SMALL_COUNT_THRESHOLD = 3
    assert suppress_count(3) == 3 and isinstance(suppress_count(2), Suppressed)


def test_money_and_arsanstallningar_are_never_suppressed(dataset, world) -> None:  # type: ignore[no-untyped-def]
    tables = {
        t.key: t
        for t in all_tables(
            redovisning_figures(verksamhet=world.verksamhet, year=2025), suppress=True
        )
    }
    assert tables["arsanstallningar"].rows == [["Årsanställningar", "1.8767"], ["Antal ombud", 3]]
    assert tables["klienter-kon"].rows[4][1:] == [Suppressed(5), Suppressed(5), 0, 0, 5]
    assert tables["medel"].rows[0][1] == "318000.00"


def test_staff_see_counts_members_see_suppressed(dataset, world, client) -> None:  # type: ignore[no-untyped-def]
    gy = dataset["grant_year"]
    doc = services.document_for(kind="redovisning", grant_year=gy, by=world.grant_gunilla)
    services.document_submit(
        kind="redovisning", document=doc, by=world.grant_gunilla, expected_version=doc.version
    )
    url = reverse("statsbidrag:document", kwargs={"year": 2025, "kind": "redovisning"})
    client.force_login(world.lead_lars)
    staff_page = client.get(url).content.decode()
    assert "färre än 5" not in staff_page
    client.force_login(world.member_fk)
    member_page = client.get(url).content.decode()
    assert "färre än 5" in member_page
    # The served-clients row by gender: kvinna 2, man 3 → hidden; total 5 shown.
    csv = client.get(
        reverse(
            "statsbidrag:document_csv",
            kwargs={"year": 2025, "kind": "redovisning", "table": "klienter-kon"},
        )
    ).content.decode("utf-8-sig")
    assert csv.splitlines()[5] == "Klienter under året, totalt;färre än 5;färre än 5;0;0;5"
    doc.refresh_from_db()
    text = pdf_text(bytes(doc.document.content))
    assert "färre än 5" in text


def test_staff_csv_is_suppressed_too(dataset, world, client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.lead_lars)
    csv = client.get(
        reverse(
            "statsbidrag:document_csv",
            kwargs={"year": 2025, "kind": "redovisning", "table": "kontakter"},
        )
    ).content.decode("utf-8-sig")
    assert "Totalt;färre än 5" in csv  # 3 contacts: a CSV leaves the verksamhet
