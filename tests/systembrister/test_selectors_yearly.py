"""yearly_figures: the numbers the statsbidrag redovisning takes from systembrister."""

from __future__ import annotations

import datetime

import pytest

from systembrister.models import Level, Outcome, Status, Systembrist
from systembrister.selectors import yearly_figures
from tests.systembrister.factories import SupportFactory, SystembristFactory

pytestmark = pytest.mark.django_db


def _at(year: int) -> datetime.datetime:
    return datetime.datetime(year, 5, 1, 10, 0, tzinfo=datetime.UTC)


def test_counts_reports_submitted_in_the_year(world) -> None:  # type: ignore[no-untyped-def]
    v, anna = world.verksamhet, world.ombud_anna
    closed = SystembristFactory(
        verksamhet=v,
        reporter=anna,
        status=Status.CLOSED,
        outcome=Outcome.PARTLY,
        conclusion="FK inför kontaktperson för PO.",
        level=Level.CENTRAL,
        submitted_at=_at(2025),
        organisations=[world.orgs["fk"]],
    )
    SupportFactory(systembrist=closed, ombud=world.ombud_omar, clients_affected=4)
    SystembristFactory(verksamhet=v, reporter=anna, status=Status.SUBMITTED, submitted_at=_at(2025))
    SystembristFactory(verksamhet=v, reporter=anna, status=Status.MERGED, submitted_at=_at(2025))
    SystembristFactory(verksamhet=v, reporter=anna, status=Status.DRAFT)
    SystembristFactory(verksamhet=v, reporter=anna, status=Status.SUBMITTED, submitted_at=_at(2024))
    SystembristFactory(
        verksamhet=world.other_verksamhet,
        reporter=anna,
        status=Status.CLOSED,
        submitted_at=_at(2025),
    )

    figures = yearly_figures(verksamhet=v, year=2025)

    assert figures["reported"] == 2
    assert figures["closed"] == 1
    assert figures["by_status"]["submitted"] == 1
    assert "draft" not in figures["by_status"]
    assert figures["by_level"] == {"handlaggare": 0, "lokal": 1, "central": 1}
    assert figures["by_outcome"]["partly"] == 1
    first = figures["examples"][0]
    assert first["title"] == closed.title
    assert first["outcome"] == str(Outcome.PARTLY.label)
    assert first["organisations"] == ["Försäkringskassan"]
    assert first["clients_affected"] == 3 + 4
    assert Systembrist.objects.count() == 6
