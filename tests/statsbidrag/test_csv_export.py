"""The redovisning's tables as CSV: user text never reaches a spreadsheet as a formula."""

from __future__ import annotations

import csv
import datetime
import io

from django.urls import reverse

from systembrister.models import Level, Outcome, Status, Systembrist

from .factories import EmploymentPeriodFactory


def _table(client, table: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    url = reverse(
        "statsbidrag:document_csv", kwargs={"year": 2025, "kind": "redovisning", "table": table}
    )
    response = client.get(url)
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_csv_formula_injection_redovisning_tables(dataset, world, client) -> None:  # type: ignore[no-untyped-def]
    EmploymentPeriodFactory(
        verksamhet=world.verksamhet,
        name='=HYPERLINK("http://evil.example","Öppna")',
        employer_kommun=None,
        employer_name="+1+cmd|' /C calc'!A0",
        start=datetime.date(2025, 1, 1),
    )
    Systembrist.objects.create(
        verksamhet=world.verksamhet,
        title="-2+3+cmd|' /C calc'!A0",
        description="…",
        life_area="boende",
        first_observed=datetime.date(2025, 1, 1),
        reporter=world.ombud_anna,
        level=Level.LOKAL,
        clients_affected=9,
        status=Status.CLOSED,
        outcome=Outcome.RESOLVED,
        conclusion="@SUM(A1:A9)",
        submitted_at=datetime.datetime(2025, 5, 1, 12, tzinfo=datetime.UTC),
    )
    client.force_login(world.lead_lars)
    periods = _table(client, "anstallningar")
    row = next(r for r in periods if "HYPERLINK" in r[0])
    assert row[0] == '\'=HYPERLINK("http://evil.example","Öppna")'
    assert row[1] == "'+1+cmd|' /C calc'!A0"
    assert row[4:] == ["100,00", "1,0000"]  # percentage and årsanställningar: numbers
    examples = _table(client, "systembrister-exempel")
    row = next(r for r in examples if "cmd" in r[0])
    assert row[0] == "'-2+3+cmd|' /C calc'!A0"
    assert row[3] == "'@SUM(A1:A9)"
    # Decimals from the snapshot are numbers with a decimal comma, not text.
    assert _table(client, "arsanstallningar")[1:] == [
        ["Årsanställningar", "2,8767"],
        ["Antal ombud", "4"],
    ]


def test_examples_outcome_column_shows_the_outcome_not_the_status(dataset, world, client) -> None:  # type: ignore[no-untyped-def]
    common = {
        "verksamhet": world.verksamhet,
        "description": "…",
        "life_area": "boende",
        "first_observed": datetime.date(2025, 1, 1),
        "reporter": world.ombud_anna,
        "level": Level.LOKAL,
        "submitted_at": datetime.datetime(2025, 5, 1, 12, tzinfo=datetime.UTC),
    }
    Systembrist.objects.create(
        title="Öppen brist", clients_affected=90, status=Status.SUBMITTED, **common
    )
    Systembrist.objects.create(
        title="Avslutad brist",
        clients_affected=80,
        status=Status.CLOSED,
        outcome=Outcome.PARTLY,
        **common,
    )
    client.force_login(world.lead_lars)
    examples = _table(client, "systembrister-exempel")
    outcome_of = {r[0]: r[2] for r in examples[1:]}
    assert outcome_of["Avslutad brist"] == "Delvis åtgärdad"
    assert outcome_of["Öppen brist"] == "Ännu inte avgjort"
    assert "Inskickad" not in outcome_of.values()
