"""Statistics for years already reported stay identical after gallring."""

from __future__ import annotations

import datetime

import pytest

from clients.models import Client, Contact
from core.audit import acting_as
from dataprotection.services import gallring_run
from statsbidrag.reports.figures import redovisning_figures
from tests.core.factories import kommun
from tests.dataprotection.factories import full_client

YEARS = [2019, 2020, 2021]


@pytest.fixture
def reported_years(world):  # type: ignore[no-untyped-def]
    """Clients of several kinds whose uppdrag ended in 2020 and 2021, and one still active."""
    koping = kommun("1983")
    for n, (ended, gender, born) in enumerate(
        [
            (datetime.date(2020, 6, 30), "kvinna", 1980),
            (datetime.date(2020, 11, 2), "man", 1995),
            (datetime.date(2021, 3, 15), "annat", 1960),
        ]
    ):
        c = full_client(world, alias=f"Ended {n}", ended=ended)
        with acting_as(world.users["ombud_anna"]):
            Client.objects.filter(pk=c.pk).update(gender=gender, birth_year=born, kommun=koping)
            Contact.objects.create(
                client=c, date=datetime.date(2019, 12, 1), type="kontoret", by=c.contacts.first().by
            )
    full_client(world, alias="Active")


def test_redovisning_figures_unchanged(world, reported_years, lead_lars):  # type: ignore[no-untyped-def]
    before = {year: redovisning_figures(verksamhet=world.verksamhet, year=year) for year in YEARS}
    # The figures cover what the skeleton keeps: clients, endings, outcomes, contacts.
    assert before[2020]["end_reasons"]["total"] == 2
    assert before[2020]["contacts"]["total"] == 4
    assert before[2019]["contacts"]["total"] == 3
    run = gallring_run(verksamhet=world.verksamhet, by=lead_lars)
    assert run.clients == 3
    after = {year: redovisning_figures(verksamhet=world.verksamhet, year=year) for year in YEARS}
    for year in YEARS:
        assert after[year] == before[year], year
