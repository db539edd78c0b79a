"""A client whose ombud left and who went back on the waiting list: one open uppdrag in the
redovisning, never an ended one nor a new client a second time."""

from __future__ import annotations

import datetime

from administration.services import account_close
from administration.services.offboarding import WAITING_LIST
from clients import services
from clients.models import UppdragStatus
from statsbidrag.reports.clients import client_counts, endings_and_outcomes
from tests.clients.factories import client_of, today
from tests.statsbidrag.factories import make_client, make_uppdrag

D = datetime.date


def _totals(world, year):  # type: ignore[no-untyped-def]
    counts = client_counts(verksamhet=world.verksamhet, year=year)["by_gender"]
    return {category: row["total"] for category, row in counts.items()}


def test_an_offboarded_client_on_the_waiting_list_is_not_counted_as_ended(world) -> None:
    year = today().year
    client = client_of(world, world.ombud_anna, alias="Kvar")
    uppdrag = client.uppdrag.get()
    uppdrag.waiting_since, uppdrag.contact_started, uppdrag.started = (
        D(year, 1, 1),
        D(year, 1, 2),
        D(year, 1, 3),
    )
    uppdrag.save()
    before = _totals(world, year)
    assert before == {
        "ongoing_at_start": 0,
        "new": 1,
        "ended": 0,
        "waiting_at_year_end": 0,
        "served": 1,
    }

    account_close(
        user=world.ombud_anna,
        verksamhet=world.verksamhet,
        by=world.admin_agnes,
        reason="Slutar",
        shown=[uppdrag.pk],
        plan={uppdrag.pk: WAITING_LIST},
    )

    # Before, the wizard ended the uppdrag and opened another: ended 1 (reason "Annat"),
    # and the new period waiting (and later a second "new" client when taken).
    assert _totals(world, year) == {**before, "waiting_at_year_end": 1}
    assert endings_and_outcomes(verksamhet=world.verksamhet, year=year)["end_reasons"]["total"] == 0


def test_across_years_the_client_is_ongoing_then_not_new_again(world) -> None:
    """Work began in March 2024, the ombud left in November 2024, another ombud took the
    client in February 2025: 2024 new and waiting at its end; 2025 ongoing, not new."""
    client = make_client(world.verksamhet, "Åter")
    uppdrag = make_uppdrag(
        client,
        status=UppdragStatus.ACTIVE,
        waiting_since=D(2024, 1, 10),
        contact_started=D(2024, 3, 1),
        started=D(2024, 4, 1),
    )
    uppdrag.assignments.create(ombud=world.ombud_anna, start=D(2024, 3, 1))
    services.uppdrag_return_to_waiting_list(
        uppdrag=uppdrag, by=world.lead_lars, day=D(2024, 11, 15), reason="Anna slutar"
    )
    uppdrag.refresh_from_db()
    services.uppdrag_advance(
        uppdrag=uppdrag,
        by=world.lead_lars,
        to=UppdragStatus.CONTACT_BUILDING,
        on=D(2025, 2, 1),
        version=uppdrag.version,
        ombud=world.ombud_omar,
    )

    assert _totals(world, 2024) == {
        "ongoing_at_start": 0,
        "new": 1,
        "ended": 0,
        "waiting_at_year_end": 1,
        "served": 1,
    }
    # Before: 2024 ended 1; 2025 new 1 (the reopened period's contact-building in February).
    assert _totals(world, 2025) == {
        "ongoing_at_start": 1,
        "new": 0,
        "ended": 0,
        "waiting_at_year_end": 0,
        "served": 1,
    }
    for year in (2024, 2025):
        ended = endings_and_outcomes(verksamhet=world.verksamhet, year=year)
        assert ended["end_reasons"]["total"] == 0
