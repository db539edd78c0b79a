"""Systembrister fixtures: reports at each step of the workflow, made through the services."""

from __future__ import annotations

import datetime

import pytest

from ledningsgrupp.services import agenda_systembrist_add
from systembrister import services
from systembrister.models import Level, Systembrist
from tests.systembrister.factories import meeting_for

TODAY = datetime.date.today()


def make_draft(world, *, by=None, orgs=("fk",), n=3, **kw) -> Systembrist:  # type: ignore[no-untyped-def]
    fields = {
        "title": "Långa väntetider på beslut om sjukersättning",
        "description": "Beslut om sjukersättning dröjer ofta mer än sex månader, "
        "vilket leder till att klienter står utan inkomst.",
        "level": Level.CENTRAL,
        "life_area": "ekonomi",
        "clients_affected": n,
        "first_observed": datetime.date(2025, 9, 1),
        "examples": "En klient fick vänta åtta månader och fick hyresskulder under tiden.",
        "suggested_improvement": "En kontaktväg för ombud hos Försäkringskassan.",
    }
    fields.update(kw)
    return services.systembrist_create(
        verksamhet=world.verksamhet,
        by=by or world.ombud_anna,
        organisations=[world.orgs[o] for o in orgs],
        **fields,
    )


@pytest.fixture
def draft(world) -> Systembrist:  # type: ignore[no-untyped-def]
    return make_draft(world)


@pytest.fixture
def submitted(world, draft) -> Systembrist:  # type: ignore[no-untyped-def]
    return services.systembrist_submit(report=draft, by=world.ombud_anna)


@pytest.fixture
def accepted(world, submitted) -> Systembrist:  # type: ignore[no-untyped-def]
    return services.systembrist_accept(report=submitted, by=world.lead_lars)


@pytest.fixture
def meeting(world):  # type: ignore[no-untyped-def]
    return meeting_for(world.verksamhet)


@pytest.fixture
def on_agenda(world, accepted, meeting) -> Systembrist:  # type: ignore[no-untyped-def]
    return agenda_systembrist_add(meeting=meeting, report=accepted, by=world.lead_lars)


@pytest.fixture
def awaiting(world, on_agenda) -> Systembrist:  # type: ignore[no-untyped-def]
    return services.systembrist_send_for_answer(
        report=on_agenda, by=world.lead_lars, answer_due=TODAY + datetime.timedelta(days=30)
    )


@pytest.fixture
def closed(world, awaiting) -> Systembrist:  # type: ignore[no-untyped-def]
    return services.systembrist_close(
        report=awaiting,
        by=world.lead_lars,
        outcome="no_action",
        conclusion="Ledningsgruppen lyfter frågan nationellt.",
    )
